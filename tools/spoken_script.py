"""The spoken script of a routine: every cue with its time, from the real engine and cue plan
on a fake clock. ``python -m tools.spoken_script [ROUTINE_ID] [--language de] [--out FILE]``;
with no ``--out`` it prints. docs/spoken-script.md is this for "quick-relief", and
docs/spoken-script.<language>.md the same in each translation (a test keeps them fresh).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stretchdesk import i18n, paths
from stretchdesk.routine import Routine, load_catalog, load_library
from stretchdesk.routine.translate import builtin_sentences, library_in, routine_in
from stretchdesk.services import content_folders
from stretchdesk.session import FakeClock, SessionEngine, SessionSettings
from stretchdesk.session.cues import Cue, CuePlan, Play, Say, Silence, Sound

ROOT = Path(__file__).resolve().parent.parent
SOUND_WORDS = {
    Sound.TICK: "tick",
    Sound.REP: "(soft blip: next rep)",
    Sound.SWITCH: "(two notes: switch sides)",
    Sound.STEP_DONE: "(chime: exercise done)",
    Sound.COMPLETE: "(closing chime)",
}


def cues_for(
    routine: Routine, step: float = 0.25, settings: SessionSettings | None = None
) -> tuple[list[Cue], float]:
    """Every cue of an uninterrupted run of ``routine``, and when it started."""
    clock = FakeClock()
    cues: list[Cue] = []
    engine = SessionEngine(routine, settings, clock=clock)
    engine.add_listener(CuePlan(cues.append, clock))
    start = clock.now
    engine.start()
    while not engine.finished:
        clock.advance(step)
        engine.poll()
    return cues, start


def _stamp(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def script_lines(cues: list[Cue], start: float) -> list[str]:
    """One line per moment; the three countdown ticks are shown together on one line."""
    lines: list[str] = []
    ticks: list[float] = []

    def flush_ticks() -> None:
        if ticks:
            lines.append(f"| {_stamp(ticks[0] - start)} | tick" + " tick" * (len(ticks) - 1) + " |")
            ticks.clear()

    for cue in cues:
        if isinstance(cue, Play) and cue.sound is Sound.TICK:
            ticks.append(cue.at)
            continue
        flush_ticks()
        if isinstance(cue, Say):
            lines.append(f"| {_stamp(cue.at - start)} | “{cue.text}” |")
        elif isinstance(cue, Play):
            lines.append(f"| {_stamp(cue.at - start)} | {SOUND_WORDS[cue.sound]} |")
        elif isinstance(cue, Silence):
            lines.append(f"| {_stamp(cue.at - start)} | (silence) |")
    flush_ticks()
    return lines


def render(routine: Routine, language: str = i18n.SOURCE) -> str:
    cues, start = cues_for(routine)
    said = sum(1 for c in cues if isinstance(c, Say))
    played = len(cues) - said
    name = i18n.LANGUAGES.get(language, language)
    command = " ".join(["python -m tools.spoken_script", routine.id, *_language_option(language)])
    head = [
        f"# The spoken script of “{routine.title}”"
        + ("" if language == i18n.SOURCE else f" ({name})"),
        "",
        "Everything stretchdesk says and plays during an uninterrupted run of this routine with",
        "the default settings, with the time from pressing Start. Generated from the real engine",
        f"and cue plan by `{command}`; a test keeps it up",
        "to date. Ticks are soft and mark the last three seconds of a get-ready and of a hold.",
        "",
        f"{said} spoken cues and {played} sounds.",
        "",
        "| time | cue |",
        "|---|---|",
    ]
    return "\n".join(head + script_lines(cues, start)) + "\n"


def _language_option(language: str) -> list[str]:
    return [] if language == i18n.SOURCE else ["--language", language]


def builtin_routine(routine_id: str, language: str = i18n.SOURCE) -> Routine | None:
    """A built-in routine in ``language`` (its words and the spoken cues' words)."""
    i18n.use(language)
    say, _problems = builtin_sentences(language, content_folders())
    library = library_in(load_library(paths.exercises_dir()), say)
    routine = load_catalog(library, paths.builtin_routines_dir()).get(routine_id)
    return routine_in(routine, say) if routine is not None else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.spoken_script")
    parser.add_argument("routine", nargs="?", default="quick-relief")
    parser.add_argument("--language", default=i18n.SOURCE, choices=sorted(i18n.LANGUAGES))
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    routine = builtin_routine(args.routine, args.language)
    if routine is None:
        print(f"no built-in routine {args.routine!r}", file=sys.stderr)
        return 1
    text = render(routine, args.language)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
