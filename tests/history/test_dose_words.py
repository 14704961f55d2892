"""A dose in the report says the count is on each side, also when the sides alternate: "3
times, sides in turn" was read as 3 in all, while the session does 3 on each side."""

from __future__ import annotations

from stretchdesk.history.report_data import dose_words


def test_an_alternating_dose_is_on_each_side() -> None:
    assert dose_words(10, 3, "alternate", 60) == "hold 10 s, 3 times on each side, alternating"
    assert dose_words(None, 5, "alternate", 50) == "5 repetitions on each side, alternating"
    assert dose_words(20, 2, "both", 80) == "hold 20 s, 2 times on each side"
