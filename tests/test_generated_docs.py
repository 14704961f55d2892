"""Generated files stay what their generators make: the cue sounds and the spoken script."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from stretchdesk import i18n, paths
from tools.sounds import write_all
from tools.spoken_script import builtin_routine, render

ROOT = Path(__file__).resolve().parent.parent


def _samples(path: Path) -> tuple[tuple[int, int, int], bytes]:
    with wave.open(str(path), "rb") as wav:
        return (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()), wav.readframes(
            wav.getnframes()
        )


def test_sounds_regenerate_to_the_committed_files(tmp_path: Path) -> None:
    for fresh in write_all(tmp_path):
        committed = paths.sounds_dir() / fresh.name
        (form, data), (form2, data2) = _samples(fresh), _samples(committed)
        assert form == form2 == (1, 2, 44_100)
        assert len(data) == len(data2)
        # the same sine maths on another libm may differ in the last bit of a sample
        a = memoryview(data).cast("h")
        b = memoryview(data2).cast("h")
        assert max(abs(x - y) for x, y in zip(a, b, strict=True)) <= 1


def test_sounds_are_soft_and_short(tmp_path: Path) -> None:
    for path in write_all(tmp_path):
        (_, _, rate), data = _samples(path)
        values = memoryview(data).cast("h")
        assert max(abs(v) for v in values) <= 0.31 * 32_767
        assert len(values) / rate <= 2.5
        assert abs(values[0]) < 400 and abs(values[-1]) <= 2  # no click at either end


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_spoken_script_is_up_to_date(language: str) -> None:
    """docs/spoken-script.md and one per translation (make sounds writes them)."""
    try:
        routine = builtin_routine("quick-relief", language)
        assert routine is not None
        name = "spoken-script.md" if language == i18n.SOURCE else f"spoken-script.{language}.md"
        committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert committed == render(routine, language)
    finally:
        i18n.use(i18n.SOURCE)
