"""Why the voice is off, in words a person can act on (no raw engine text). No Qt.

On Linux Qt speaks through speech-dispatcher, which speaks through an output module such as
espeak-ng; either can be missing. ``speechd_problem`` looks at what is installed and names
the package to add.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from stretchdesk.i18n import LANGUAGES, N_, _

MODULE_DIRS = (
    Path("/usr/lib/speech-dispatcher-modules"),
    Path("/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules"),
    Path("/usr/lib/aarch64-linux-gnu/speech-dispatcher-modules"),
    Path("/usr/libexec/speech-dispatcher-modules"),
)
INSTALL = N_("On Debian and Ubuntu: sudo apt install {packages}")
VOICES_PACKAGE = "speech-dispatcher-espeak-ng"  # espeak-ng speaks about a hundred languages


def voice_modules(dirs: Iterable[Path] = MODULE_DIRS) -> list[str]:
    """The speech-dispatcher output modules that can speak (not the silent test one)."""
    found = []
    for folder in dirs:
        try:
            names = [p.name for p in folder.iterdir() if p.name.startswith("sd_")]
        except OSError:
            continue
        found += [n for n in names if n not in ("sd_dummy", "sd_generic")]
    return sorted(set(found))


def speechd_problem(
    which: Callable[[str], str | None] = shutil.which,
    modules: Callable[[], list[str]] = voice_modules,
) -> str:
    """One sentence: why speech-dispatcher gives no voice, and what to install."""
    if which("speech-dispatcher") is None:
        install = _(INSTALL).format(packages=f"speech-dispatcher {VOICES_PACKAGE}")
        return _("Voice is off: speech-dispatcher is not installed. {install}.").format(
            install=install
        )
    if not modules():
        install = _(INSTALL).format(packages=VOICES_PACKAGE)
        return _("Voice is off: speech-dispatcher has no voice to speak with. {install}.").format(
            install=install
        )
    return _(
        "Voice is off: speech-dispatcher did not start. "
        "Type spd-say hello in a terminal to see why."
    )


def no_voice_for(language: str) -> str:
    """The voice works, but none of its voices speaks ``language``: it reads the sentences
    with another language's voice, and the person is told what to install."""
    name = LANGUAGES.get(language, language)
    install = _(INSTALL).format(packages=VOICES_PACKAGE)
    return _("Voice is on, but no voice for {language} is installed. {install}.").format(
        language=name, install=install
    )
