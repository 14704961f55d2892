"""The routine builder in the real window: by keyboard only, by drag and drop, the live
rules, undo and redo, saving a file ``stretchdesk check`` passes, and leaving unsaved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk import i18n
from stretchdesk.app import main
from stretchdesk.cli import commands as cli
from stretchdesk.routine import load_routine
from stretchdesk.routine.mine import draft_of
from stretchdesk.ui.builder.builder_screen import BuilderScreen
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory, answer

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot: QtBot, window: MainWindow, which: Qt.Key, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.focusWidget() or window, which, mods)


def choose_exercise(builder: BuilderScreen, exercise_id: str) -> None:
    """Move the library's highlight with the arrow keys until it is on ``exercise_id``."""
    listing = builder.library_list
    listing.setFocus(Qt.FocusReason.TabFocusReason)
    listing.setCurrentRow(0)
    for _ in range(listing.count()):
        if listing.chosen() == exercise_id:
            return
        QtBot.keyClick(listing, Qt.Key.Key_Down)
    raise AssertionError(exercise_id)


def steps_of(builder: BuilderScreen) -> list[str]:
    return [s.exercise for s in builder.editor.draft.steps]


def test_a_routine_built_by_keyboard_alone_is_saved_and_checked(
    qtbot: QtBot, window: MainWindow, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key(qtbot, window, Qt.Key.Key_N, CTRL)  # New routine
    builder = window.builder
    assert window.current is builder
    assert window.focusWidget() is builder.fields["title"]
    qtbot.keyClicks(builder.fields["title"], "Morning, for my back")
    qtbot.keyClick(builder.fields["title"], Qt.Key.Key_Tab)  # leaves the field: kept
    # The stretch first: refused, with the message of stretchdesk check.
    choose_exercise(builder, "knee-to-chest")
    qtbot.keyClick(builder.library_list, Qt.Key.Key_Return)
    assert steps_of(builder) == []
    assert "stretches but no warm-up; warm-ups must come first" in builder.status.text()
    assert builder.status.text() in builder.announced
    for exercise in ("march-in-place", "pelvic-tilt", "knee-to-chest"):
        choose_exercise(builder, exercise)
        qtbot.keyClick(builder.library_list, Qt.Key.Key_Insert)
    assert steps_of(builder) == ["march-in-place", "pelvic-tilt", "knee-to-chest"]
    assert builder.minutes.text().startswith("Planned: ")

    # Alt+Up on the stretch: refused; on a warm-up: moved.
    builder.steps.setFocus(Qt.FocusReason.TabFocusReason)
    builder.steps.setCurrentRow(2)
    qtbot.keyClick(builder.steps, Qt.Key.Key_Up, ALT)
    assert "stretch comes before the last warm-up" in builder.status.text()
    builder.steps.setCurrentRow(1)
    qtbot.keyClick(builder.steps, Qt.Key.Key_Up, ALT)
    assert steps_of(builder) == ["pelvic-tilt", "march-in-place", "knee-to-chest"]
    assert builder.steps.currentRow() == 0
    # The stretch's hold, typed into its box: the limits are shown beside it.
    builder.steps.setCurrentRow(2)
    hold = builder.details.numbers["hold"]
    assert hold.isVisibleTo(builder) and (hold.minimum(), hold.maximum()) == (1, 600)
    assert "hold 1 to 600" in builder.details.limits.text()
    hold.setFocus()
    hold.selectAll()
    qtbot.keyClicks(hold, "35")
    assert builder.editor.draft.steps[2].get("hold") == 35
    before = builder.minutes.text()
    key(qtbot, window, Qt.Key.Key_S, CTRL)  # save
    assert "Saved as" in builder.status.text(), builder.status.text()
    saved = data_dir / "routines" / "morning-for-my-back.toml"
    assert saved.exists()
    assert "not saved" not in builder.minutes.text() and before.startswith("Planned")
    assert main(["check", str(saved)]) == cli.EXIT_OK
    assert "ok: 1 routine valid" in capsys.readouterr().out
    routine = load_routine(saved, window.services.library)
    assert [s.timing.hold for s in routine.steps] == [None, None, 35]
    # It is on the routines screen now, and opens again as it was saved.
    builder.close_button.click()
    assert window.current is window.start
    assert window.start.selected == "morning-for-my-back"
    mine = window.services.catalog.get("morning-for-my-back")
    assert mine is not None and mine.path == saved
    window.start.select(mine.id)
    key(qtbot, window, Qt.Key.Key_E, CTRL)  # change my routine
    assert window.current is builder
    assert builder.editor.draft == draft_of(mine)


def drop(builder: BuilderScreen, mime, row: int, *, below: bool = False) -> None:
    """Let go of a drag over step ``row`` (its upper or lower half), or below every step."""
    steps = builder.steps
    if row < steps.count():
        rect = steps.visualItemRect(steps.item(row))
        point = QPoint(rect.center().x(), rect.bottom() - 2 if below else rect.top() + 2)
    else:
        point = QPoint(10, steps.viewport().height() - 2)
    event = QDropEvent(
        point,
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    steps.dropEvent(event)
    assert event.dropAction() != Qt.DropAction.MoveAction  # the view removes nothing itself


def test_drag_and_drop_adds_and_reorders_within_the_rules(window: MainWindow) -> None:
    window.start.routine_action.emit("new", "")
    builder = window.builder
    library = builder.library_list

    def dragged(exercise_id: str):
        item = next(
            library.item(i)
            for i in range(library.count())
            if library.item(i).data(Qt.ItemDataRole.UserRole) == exercise_id
        )
        return library.mimeData([item])

    drop(builder, dragged("pelvic-tilt"), 0)
    drop(builder, dragged("knee-to-chest"), 1)
    drop(builder, dragged("cat-cow"), 1)  # a warm-up between: fine
    assert steps_of(builder) == ["pelvic-tilt", "cat-cow", "knee-to-chest"]
    drop(builder, dragged("trunk-rotation"), 0)  # a stretch on top: refused
    assert "before the last warm-up" in builder.status.text()
    assert steps_of(builder) == ["pelvic-tilt", "cat-cow", "knee-to-chest"]
    # A step dragged within the list: the first warm-up below the second.
    steps = builder.steps
    drop(builder, steps.mimeData([steps.item(0)]), 1, below=True)
    assert steps_of(builder) == ["cat-cow", "pelvic-tilt", "knee-to-chest"]
    drop(builder, steps.mimeData([steps.item(2)]), 0)  # the stretch to the top: refused
    assert steps_of(builder) == ["cat-cow", "pelvic-tilt", "knee-to-chest"]
    assert steps.count() == 3  # nothing taken out by the view


def test_undo_and_redo_every_change_with_the_keys(qtbot: QtBot, window: MainWindow) -> None:
    window.start.routine_action.emit("new", "")
    builder = window.builder
    builder.add_exercise("pelvic-tilt")
    builder.add_exercise("knee-to-chest")
    builder.steps.setCurrentRow(1)
    builder.details.numbers["reps"].setValue(4)
    builder.steps.setFocus()
    history = [list(builder.editor.draft.steps)]
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert builder.editor.draft.steps[1].get("reps") is None
    assert builder.details.numbers["reps"].value() == 2  # the box shows the step again
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert steps_of(builder) == []
    assert not builder.undo_button.isEnabled()
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [list(builder.editor.draft.steps)] == history
    assert not builder.redo_button.isEnabled()


@pytest.mark.parametrize(
    ("answer", "stays"),
    [
        (QMessageBox.StandardButton.Cancel, True),
        (QMessageBox.StandardButton.Discard, False),
    ],
)
def test_leaving_with_unsaved_changes_asks(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, answer, stays: bool, data_dir: Path
) -> None:
    asked: list[str] = []

    def question(parent, title, text, *args):  # the person's answer
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    window.start.routine_action.emit("new", "")
    window.builder.add_exercise("pelvic-tilt")
    window.nav_buttons["history"].click()
    assert asked == ["This routine has changes that are not saved. Save them?"]
    assert (window.current is window.builder) is stays
    window.close()
    assert window.isVisible() is stays
    assert not (data_dir / "routines").exists()  # nothing written either way


def test_a_builtin_routine_is_copied_never_changed(window: MainWindow, data_dir: Path) -> None:
    original = window.services.catalog.get("quick-relief")
    assert original is not None and original.path is not None
    before = original.path.read_bytes()
    window.start.select("quick-relief")
    assert not window.start.mine_actions["change"].isEnabled()
    assert not window.start.mine_actions["delete"].isEnabled()
    window.start.mine_actions["copy"].trigger()
    builder = window.builder
    assert builder.heading.text() == "Copy of Quick relief"
    assert builder.fields["title"].text() == "Quick relief (my copy)"
    assert builder.save()
    assert original.path.read_bytes() == before
    copy = window.services.catalog.get("quick-relief-my-copy")
    assert copy is not None and copy.path == data_dir / "routines" / "quick-relief-my-copy.toml"
    assert copy.steps == original.steps
    window.start.select(copy.id)
    assert window.start.mine_actions["change"].isEnabled()


def test_rename_and_delete_the_persons_own(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    from PySide6.QtCore import QFile  # noqa: PLC0415
    from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415

    window.start.select("quick-relief")
    window.start.mine_actions["copy"].trigger()
    window.builder.save()
    window.builder.close_button.click()
    mine = window.services.catalog.get("quick-relief-my-copy")
    assert mine is not None and mine.path is not None
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Evenings", True))
    window.start.select(mine.id)
    window.start.mine_actions["rename"].trigger()
    renamed = window.services.catalog.get(mine.id)
    assert renamed is not None and renamed.title == "Evenings"
    assert window.start.cards[mine.id].accessibleName().startswith("Evenings, ")
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QFile, "moveToTrash", lambda *a: False)  # no wastebasket here
    window.start.mine_actions["delete"].trigger()
    assert window.services.catalog.get(mine.id) is None
    assert mine.id not in window.start.cards
    assert (data_dir / "routines" / "deleted" / mine.path.name).exists()  # kept aside


def test_tab_goes_as_the_eye_reads(qtbot: QtBot, window: MainWindow) -> None:
    window.start.routine_action.emit("new", "")
    builder = window.builder
    builder.add_exercise("pelvic-tilt")
    seen = [window.focusWidget()]
    for _ in range(8):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    names = [w.accessibleName() for w in seen]
    assert names == [
        "Title",
        "Who made it",
        "Description",
        "Note",
        "Source",
        "Exercises",
        "Add",
        "Steps of this routine",
        "Move up",
    ]


def test_a_cards_right_click_menu(window: MainWindow) -> None:
    card = window.start.cards["quick-relief"]
    card.customContextMenuRequested.emit(QPoint(10, 10))
    menu = window.start.card_menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.hide()
    assert window.start.selected == "quick-relief"
    assert texts[0] == "&New routine…" and "&Copy and change…" in texts
    assert texts[-2:] == ["Exercise sheet: Save as PDF…", "Exercise sheet: Print…"]
    enabled = {a.text(): a.isEnabled() for a in menu.actions()}
    assert not enabled["C&hange my routine…"]  # a built-in routine is copied, not changed


def test_the_planned_minutes_follow_every_change(qtbot: QtBot, window: MainWindow) -> None:
    window.start.routine_action.emit("new", "")
    builder = window.builder
    assert builder.minutes.text() == "No steps yet"
    builder.add_exercise("pelvic-tilt")
    builder.add_exercise("knee-to-chest")
    two_steps = builder.minutes.text()
    assert two_steps.startswith("Planned: ")
    choose_exercise(builder, "figure-four")
    qtbot.keyClick(builder.library_list, Qt.Key.Key_Insert)
    assert builder.minutes.text() != two_steps
    builder.steps.setFocus()
    builder.steps.setCurrentRow(2)
    qtbot.keyClick(builder.steps, Qt.Key.Key_Delete)
    assert builder.minutes.text() == two_steps


def mnemonics(window: MainWindow) -> dict[str, list[str]]:
    """Each Alt key of the controls shown now, and the words that have it."""
    found: dict[str, list[str]] = {}
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            letter = QKeySequence.mnemonic(widget.text()).toString()
            if letter:
                found.setdefault(letter, []).append(widget.text())
    return found


def test_every_alt_key_of_the_builder_is_its_own(qtbot: QtBot, window: MainWindow) -> None:
    window.start.routine_action.emit("new", "")
    builder = window.builder
    for exercise in ("march-in-place", "pelvic-tilt", "knee-to-chest"):
        builder.add_exercise(exercise)
    controls = 0
    for row in range(3):  # a timed step, one of reps, one held on each side
        builder.steps.setCurrentRow(row)
        found = mnemonics(window)
        assert {k: v for k, v in found.items() if len(v) > 1} == {}
        assert {"Alt+S": ["&Settings"], "Alt+V": ["Sa&ve"]}.items() <= found.items()
        controls = max(controls, len(found))
    assert controls == 19  # the tabs, the fields, the lists, the step's boxes, Close, Save


def test_every_alt_key_of_the_other_screens_is_its_own(window: MainWindow) -> None:
    for screen in ("start", "history", "settings", "safety", "about"):
        window.nav_to(screen)  # type: ignore[arg-type]
        doubled = {k: v for k, v in mnemonics(window).items() if len(v) > 1}
        assert doubled == {}, screen


@pytest.mark.parametrize("language", ["de", "es", "fr"])
def test_no_alt_key_is_doubled_in_another_language(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setenv("STRETCHDESK_LANGUAGE", language)
    i18n.use(language)
    try:
        window = make_window()
        window.start.routine_action.emit("new", "")
        for exercise in ("march-in-place", "pelvic-tilt", "knee-to-chest"):
            window.builder.add_exercise(exercise)
        doubled = {}
        for row in range(3):
            window.builder.steps.setCurrentRow(row)
            doubled.update({k: v for k, v in mnemonics(window).items() if len(v) > 1})
        other = make_window()  # (the builder's unsaved routine would ask before leaving)
        for screen in ("start", "history", "settings", "safety", "about"):
            other.nav_to(screen)  # type: ignore[arg-type]
            doubled.update({k: v for k, v in mnemonics(other).items() if len(v) > 1})
        assert doubled == {}, language
    finally:
        i18n.use("en")


def test_the_builder_opens_at_its_top_wherever_it_was_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(800, 600)  # (a small window: the screen scrolls)
    window.start.routine_action.emit("new", "")
    builder = window.builder
    areas = builder.findChildren(QScrollArea)
    qtbot.waitUntil(lambda: any(a.verticalScrollBar().maximum() > 0 for a in areas))
    for area in areas:
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    builder.close_button.click()
    window.start.routine_action.emit("new", "")
    assert [a.verticalScrollBar().value() for a in areas] == [0] * len(areas)
