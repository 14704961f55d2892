"""The words a person can say, and what each one does. The app never says any of them, and
hears nothing while it is speaking, so its own voice cannot give a command. No Qt."""

from __future__ import annotations

from stretchdesk.session.remote import Command

COMMANDS: dict[str, Command] = {
    "stop": Command.STOP,  # Pain — stop
    "pause": Command.PAUSE,
    "go on": Command.PLAY,
    "continue": Command.PLAY,
    "next": Command.NEXT,
}

# More ways the command words come out than the dictionary has (a clipped or dropped "s",
# the vowel of "stop" nearer "more" or "go", "next" without its last sound): taken as the
# same word. The app's own choice, measured by make bench (bench/listen_bench.py).
VARIANTS: dict[str, tuple[str, ...]] = {
    "stop": ("S T AO P", "T AA P", "S AA P", "S T AH P", "T AO P", "S T OW P", "T OW P"),
    "next": ("N EH K", "N EH S", "N IH K S T", "N EH K T"),
    "pause": ("P AA Z", "P AO S", "P AA S"),
}

# Other short things people say, and the app's own cue words: a stretch of speech that one
# of these explains better than a command is not a command (the recogniser must pick from
# the grammar, so without them any short word would come out as the nearest command).
# Words that took "stop" or "next" from the detection set are left out ("talk", "still",
# "slowly", "minute"...): a missed "stop" is worse than a session ended by mistake.
OTHER_WORDS = (
    "hold relax left right rest well done switch sides breathe in out ready get into "
    "position lie on your back stand sit up down again rep of and the an to it is was "
    "what yes no okay oh ah um hmm hi thank you please sorry sure now then there here "
    "this that one two three five six seven nine ten knee knees leg legs arm arms hip "
    "hips feet hand hands head good bad fine hurt ow ouch watch what's where when why "
    "how who can could would should just also not more less much very really like look "
    "see say said think know want need take give got put keep let end time second "
    "seconds easy hard gently side turn roll bend stretch"
)


def grammar() -> str:
    """A JSGF grammar: one command word, or one of the other words, per stretch."""
    commands = " | ".join(COMMANDS)
    others = " | ".join(dict.fromkeys(OTHER_WORDS.split()))
    return (
        "#JSGF V1.0;\ngrammar commands;\n"
        f"public <utterance> = <command> | <other>;\n<command> = {commands};\n"
        f"<other> = {others};\n"
    )
