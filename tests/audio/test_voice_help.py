"""Why the voice is off, in words a person can act on: which package to install."""

from __future__ import annotations

from pathlib import Path

from stretchdesk.audio.voice_help import speechd_problem, voice_modules


def test_no_speech_dispatcher_names_both_packages() -> None:
    said = speechd_problem(which=lambda _name: None, modules=list)
    assert "speech-dispatcher is not installed" in said
    assert "sudo apt install speech-dispatcher speech-dispatcher-espeak-ng" in said


def test_speech_dispatcher_without_a_voice_names_the_voice_package() -> None:
    said = speechd_problem(which=lambda name: f"/usr/bin/{name}", modules=list)
    assert said == (
        "Voice is off: speech-dispatcher has no voice to speak with. "
        "On Debian and Ubuntu: sudo apt install speech-dispatcher-espeak-ng."
    )


def test_with_a_voice_it_says_how_to_see_why() -> None:
    said = speechd_problem(which=lambda name: name, modules=lambda: ["sd_espeak-ng"])
    assert "spd-say hello" in said and "(" not in said  # no raw engine text


def test_voice_modules_leave_out_the_silent_ones(tmp_path: Path) -> None:
    for name in ("sd_dummy", "sd_generic", "sd_espeak-ng", "other"):
        (tmp_path / name).touch()
    assert voice_modules([tmp_path, tmp_path / "missing"]) == ["sd_espeak-ng"]
