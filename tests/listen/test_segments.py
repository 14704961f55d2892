"""Cutting sound into stretches of speech: short words come out whole (their quiet start
included), talk is let go, and silence gives nothing."""

from __future__ import annotations

from stretchdesk.listen.segments import Segmenter


def feed(segmenter: Segmenter, pattern: str) -> list[bytes | None]:
    """One frame per character: S is speech, _ is silence; each frame's byte is its letter
    and its place, so what comes out can be read back."""
    out: list[bytes | None] = []
    for index, mark in enumerate(pattern):
        out += segmenter.frame(f"{mark}{index:03d}|".encode())
    return out


def segmenter(max_seconds: float = 0.6) -> Segmenter:
    return Segmenter(lambda frame: frame.startswith(b"S"), max_seconds)


def frames(found: bytes | None) -> list[str]:
    assert found is not None
    return [part for part in found.decode().split("|") if part]


def test_a_short_word_comes_out_with_what_came_just_before_it() -> None:
    found = feed(segmenter(), "_" * 20 + "SSSSSS" + "_" * 15)
    assert len(found) == 1
    got = frames(found[0])
    # it starts at the second speaking frame, with the 0.24 s (8 frames) before that kept
    assert got[0] == "_013" and "S020" in got and "S025" in got
    assert got[-1].startswith("_")  # and the silence that ended it


def test_one_stray_frame_is_not_speech() -> None:
    assert feed(segmenter(), "_" * 10 + "S" + "_" * 10 + "S" + "_" * 20) == []


def test_talk_longer_than_a_command_is_let_go_whole() -> None:
    found = feed(segmenter(max_seconds=0.3), "_" * 5 + "S" * 60 + "_" * 15)
    assert found == [None]


def test_two_words_apart_are_two_stretches() -> None:
    found = feed(segmenter(), "_" * 10 + "SSSS" + "_" * 14 + "SSSSS" + "_" * 14)
    assert len(found) == 2 and all(part is not None for part in found)


def test_reset_forgets_the_word_in_progress() -> None:
    cut = segmenter()
    feed(cut, "_" * 10 + "SSSS")
    cut.reset()
    assert not cut.in_speech
    assert feed(cut, "_" * 14) == []
