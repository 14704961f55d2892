"""History, export, settings, the avoid-list offer, problem banners, keyboard and names."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stretchdesk.history import HistoryWriteFailed
from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.schema import LATEST
from stretchdesk.routine import Catalog
from stretchdesk.session import EngineState, FakeClock, SegmentKind
from stretchdesk.session.avoid import Choice
from stretchdesk.settings import Preferences, load_prefs, save_prefs
from stretchdesk.ui.shell.main_window import MainWindow
from tests.history.test_damage import ReadOnlyFolder
from tests.ui.flows import WindowFactory, engine_of, press, run_for, run_until, start_session
from tools.demo_history import make_demo_history


def _stop_at(qtbot: QtBot, window: MainWindow, clock: FakeClock, exercise: str) -> None:
    start_session(qtbot, window, "quick-relief")
    engine = engine_of(window)

    def there() -> bool:
        view = engine.view()
        return view.step.exercise_id == exercise and view.segment is SegmentKind.ACTIVE

    run_until(window, clock, there, limit=15 * 60)
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.recovery.done_button, Qt.MouseButton.LeftButton)


def test_an_exercise_that_hurt_is_offered_to_skip_next_time(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _stop_at(qtbot, window, clock, "knee-to-chest")
    window.start.select("lower-back-spasm")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    assert window.current is window.avoid
    assert "Single knee to chest" in window.avoid.message.text()
    qtbot.mouseClick(window.avoid.buttons[window.avoid.offer.choices[0]], Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    if window.current is window.pain_before:
        qtbot.mouseClick(window.pain_before.scale.skip, Qt.MouseButton.LeftButton)
    engine = engine_of(window)
    skipped = [e.item.step.exercise_id for e in engine.agenda() if e.state.value == "skipped"]
    assert skipped in ([], ["knee-to-chest"])  # marked when reached
    press(qtbot, window, Qt.Key.Key_Space)
    run_until(window, clock, lambda: window.current is not window.session, limit=40 * 60)
    done = [e.item.step.exercise_id for e in engine.agenda() if e.state.value == "done"]
    assert "knee-to-chest" not in done
    window.start.select("quick-relief")  # once done again, no more offers
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    assert window.current is window.avoid  # still not done since the pain-stop
    qtbot.mouseClick(
        window.avoid.buttons[window.avoid.offer.choices[-1]], Qt.MouseButton.LeftButton
    )  # type: ignore[union-attr]
    qtbot.mouseClick(window.pain_before.scale.skip, Qt.MouseButton.LeftButton)
    press(qtbot, window, Qt.Key.Key_Space)
    run_until(window, clock, lambda: window.current is window.completion, limit=20 * 60)
    qtbot.mouseClick(window.completion.done_button, Qt.MouseButton.LeftButton)
    window.start.select("lower-back-spasm")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    assert window.current is not window.avoid


def test_shorter_holds_halve_the_hold(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    _stop_at(qtbot, window, clock, "knee-to-chest")
    window.start.select("quick-relief")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.avoid.buttons[Choice.SHORTER], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.pain_before.scale.skip, Qt.MouseButton.LeftButton)
    knee = next(i for i in engine_of(window).items if i.step.exercise_id == "knee-to-chest")
    assert knee.timing.hold == 10.0


def test_history_lists_sessions_and_exports_csv(
    qtbot: QtBot,
    window: MainWindow,
    catalog: Catalog,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.services.close()
    count = make_demo_history(data_dir / "history.sqlite", catalog, days=10)
    window.services.open_history()
    qtbot.mouseClick(window.nav_buttons["history"], Qt.MouseButton.LeftButton)
    assert window.current is window.history
    assert window.history.model.rowCount() == count
    assert "This week" in window.history.week.text()
    assert window.history.chart.points
    target = tmp_path / "for my physio.csv"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(target), "Sessions, one row each (*.csv)"),
    )
    qtbot.mouseClick(window.history.export, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["id", "routine", "started_at"]
    assert len(rows) == count + 1
    assert f"Saved {count} sessions" in window.history.status.text()


def test_history_export_to_an_unwritable_place_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.history.export_to(tmp_path / "missing-folder" / "x.csv")
    assert window.history.status.text().startswith("Could not write")


def test_history_pages_in_large_histories(
    window: MainWindow, catalog: Catalog, data_dir: Path
) -> None:
    window.services.close()
    make_demo_history(data_dir / "history.sqlite", catalog, days=300)
    window.services.open_history()
    window.history.reload()
    model = window.history.model
    assert model.rowCount() == 200
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() > 200


def test_settings_are_saved_and_a_running_session_keeps_its_timing(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path, make_window: WindowFactory
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_for(window, clock, 2.0)
    running = engine_of(window)
    window.settings.lead_in.setValue(12)
    window.settings.hold.setValue(150)
    window.settings.text_size.setCurrentIndex(2)
    window.settings.theme.setCurrentIndex(2)
    saved = load_prefs(data_dir / "settings.toml").prefs
    assert (saved.lead_in, saved.hold_percent, saved.text_size, saved.theme) == (
        12,
        150,
        "extra-large",
        "dark",
    )
    assert running.settings.lead_in == 5.0 and running.settings.hold_scale == 1.0
    assert running.state is EngineState.RUNNING
    sheet = QApplication.instance().styleSheet()  # type: ignore[union-attr]
    assert "font-size: 27px" in sheet  # 18 px text at 150 %
    again = make_window()
    assert again.services.prefs.lead_in == 12
    assert again.settings.hold.value() == 150


def test_a_corrupt_history_shows_a_banner_and_sessions_still_run(
    qtbot: QtBot, seen: None, make_window: WindowFactory, data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "history.sqlite").write_bytes(b"not a database at all" * 50)
    window = make_window()
    assert window.banner.isVisible()
    assert "kept" in window.banner.text
    start_session(qtbot, window, "quick-relief")
    run_for(window, clock, 5.0)
    assert engine_of(window).state is EngineState.RUNNING


def test_a_newer_history_is_left_alone_with_a_banner(
    qtbot: QtBot, seen: None, make_window: WindowFactory, data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "history.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.execute("CREATE TABLE future (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    window = make_window()
    assert "newer version" in window.banner.text
    start_session(qtbot, window, "quick-relief")
    run_for(window, clock, 30.0)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.current is window.recovery
    assert path.read_bytes() == before


def test_a_full_disk_during_a_session_shows_a_banner_and_goes_on(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_session(qtbot, window, "quick-relief")
    store = window.services.store
    assert store is not None

    def full(*args: object, **kwargs: object) -> int:
        raise HistoryWriteFailed("The disk is full: your session goes on.", disk_full=True)

    monkeypatch.setattr(store, "add_step", full)
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    assert window.banner.isVisible()
    assert "disk is full" in window.banner.text
    assert engine_of(window).state is EngineState.RUNNING


ALL_SCREENS = (
    "safety",
    "start",
    "pain_before",
    "avoid",
    "session",
    "recovery",
    "completion",
    "history",
    "settings",
    "about",
)


def build_all(window: MainWindow) -> None:
    for name in ALL_SCREENS:  # screens are built on first use
        getattr(window, name)


def test_every_control_has_a_name_and_takes_the_keyboard(window: MainWindow) -> None:
    build_all(window)
    kinds = (QAbstractButton, QComboBox, QSpinBox, QLineEdit)
    unnamed = []
    for widget in window.findChildren(QWidget):
        if type(widget) is QAbstractButton:  # a table's corner button, not a control of ours
            continue
        if isinstance(widget, kinds) and not widget.accessibleName():
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QSpinBox | QComboBox):
                continue
            unnamed.append(f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}")
        if isinstance(widget, kinds) and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            unnamed.append(f"{type(widget).__name__} cannot take focus")
    assert not unnamed


def test_keyboard_reaches_every_tab(qtbot: QtBot, window: MainWindow) -> None:
    for key, screen in (
        (Qt.Key.Key_H, window.history),
        (Qt.Key.Key_S, window.settings),
        (Qt.Key.Key_A, window.about),
        (Qt.Key.Key_F, window.safety),
        (Qt.Key.Key_R, window.start),
    ):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda s=screen: window.current is s)  # a mnemonic animates its click


def test_a_read_only_data_folder_shows_a_banner_and_still_shows_history(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, catalog: Catalog, clock: FakeClock
) -> None:
    folder = ReadOnlyFolder(data_dir)
    try:
        save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True))
        count = make_demo_history(data_dir / "history.sqlite", catalog, days=5)
        folder.protect()
        window = make_window()
        assert "cannot be written" in window.banner.text
        window.history.reload()
        assert window.history.model.rowCount() == count
        start_session(qtbot, window, "quick-relief")
        run_for(window, clock, 20.0)
        press(qtbot, window, Qt.Key.Key_Escape)
        assert window.current is window.recovery
        window.settings.lead_in.setValue(7)
        assert "could not be saved" in window.settings.result.text()
        window.close()
        window.services.close()
    finally:
        folder.release()


def test_the_window_fits_a_small_laptop_screen(window: MainWindow) -> None:
    """Every screen fits 1024 x 640 (with larger text it scrolls rather than overflowing)."""
    build_all(window)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 640, hint


def test_screens_are_built_when_first_needed(window: MainWindow) -> None:
    assert set(window.built_screens) == {"start"}
    first = window.history
    assert window.history is first
    assert set(window.built_screens) == {"start", "history"}


def test_the_settings_limits_are_the_settings_files_limits(window: MainWindow) -> None:
    from stretchdesk.settings import RANGES  # noqa: PLC0415

    screen = window.settings
    for name, spin in (
        ("lead_in", screen.lead_in),
        ("hold_percent", screen.hold),
        ("rewarm_minutes", screen.rewarm),
        ("volume", screen.volume),
    ):
        assert (spin.minimum(), spin.maximum()) == RANGES[name], name


def test_an_empty_week_says_nothing_was_done(window: MainWindow) -> None:
    window.nav_to("history")
    assert window.history.model.rowCount() == 0
    assert window.history.week.text() == "This week: nothing yet"  # (not "under a minute")
    assert window.history.status.text() == "No sessions yet."
    store = window.services.store
    assert store is not None
    began = datetime.now(UTC) - timedelta(hours=1)
    sid = store.begin_session(
        routine_id="r", routine_title="R", total_steps=1, planned_seconds=60, started_at=began
    )
    store.finish_session(
        sid, outcome=SessionOutcome.COMPLETED, ended_at=began, active_seconds=60
    )  # (as if it came from another computer while History was shown)
    window.history.reload()
    assert window.history.model.rowCount() == 1
    assert window.history.status.text() == ""  # not "No sessions yet." above a session
