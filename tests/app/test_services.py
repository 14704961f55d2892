"""The services the window stands on: content, offers after a pain-stop, notices."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.routine import Catalog, RoutineError
from stretchdesk.routine.content import load_content
from stretchdesk.services import Services, content_path
from stretchdesk.session import FakeClock
from stretchdesk.session.avoid import SHORTER_HOLDS, Choice, apply_choice, offers_for
from stretchdesk.session.settings import SessionOptions
from tests.fakes import FakeWall


def test_safety_texts_load_and_name_their_sources() -> None:
    content = load_content(content_path())
    assert "emergency" in content.emergency.title.lower()
    assert set(content.sources) >= {"NHS", "NHS-BACK", "Mayo15", "DL"}
    assert "{title}" not in content.text("avoid", "offer", title="X")


def test_broken_content_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "safety.toml"
    path.write_text('[who]\ntitle = "x"\n', encoding="utf-8")
    sources = load_content(content_path()).sources
    with pytest.raises(RoutineError, match=r"\[who\] needs"):
        load_content(path, sources)


def test_offers_never_skip_warmups(catalog: Catalog) -> None:
    routine = catalog.get("quick-relief")
    assert routine is not None
    offers = offers_for(routine, {"knee-to-chest": "Knee", "pelvic-tilt": "Tilts", "x": "X"})
    assert [o.exercise_id for o in offers] == ["pelvic-tilt", "knee-to-chest"]
    tilts, offer = offers
    # a warm-up is never skipped, but it can be done in its other position
    assert tilts.choices == (Choice.SWAP, Choice.AS_USUAL)
    assert tilts.other_title == "Pelvic tilts against a wall"
    swapped = apply_choice(SessionOptions(), tilts, Choice.SWAP)
    assert swapped.swaps == frozenset(tilts.step_indices) and swapped.skip == frozenset()
    assert offer.choices == (Choice.SKIP, Choice.SHORTER, Choice.AS_USUAL)
    skip = apply_choice(SessionOptions(), offer, Choice.SKIP)
    assert skip.skip == frozenset(offer.step_indices)
    short = apply_choice(SessionOptions(), offer, Choice.SHORTER)
    assert set(short.hold_scale.values()) == {SHORTER_HOLDS}
    assert apply_choice(SessionOptions(), offer, Choice.AS_USUAL) == SessionOptions()


def test_unwritable_settings_are_reported_not_raised(
    data_dir: Path, clock: FakeClock, wall: FakeWall
) -> None:
    services = Services.load(paths.DataPaths(data_dir), clock=clock, wall=wall)
    try:
        (data_dir / "settings.toml").mkdir()  # a folder where the file should go
        problem = services.settings.save(services.prefs)
        assert problem is not None and "could not be saved" in problem
    finally:
        services.close()


def test_a_broken_user_routine_is_kept_with_its_reasons(
    data_dir: Path, clock: FakeClock, wall: FakeWall
) -> None:
    (data_dir / "routines").mkdir(parents=True)
    (data_dir / "routines" / "mine.toml").write_text("id = 3\n", encoding="utf-8")
    services = Services.load(paths.DataPaths(data_dir), clock=clock, wall=wall)
    try:
        assert services.notices == []  # the routine list shows it, with every reason
        (bad,) = services.catalog.invalid
        assert bad.path.name == "mine.toml" and bad.problems
        assert services.catalog.get("quick-relief") is not None
    finally:
        services.close()
