"""Make or change a routine: the library on the left, the steps in the middle, the chosen
step's timing on the right; what ``stretchdesk check`` would say, and the planned minutes,
below, as you go. The rules and undo/redo live in routine/editor.py; this only draws the
editor's draft and forwards keys, clicks and drops to it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from stretchdesk.documents.sheet import dose_text
from stretchdesk.i18n import _
from stretchdesk.routine import Exercise, ExerciseLibrary, Phase, Problem, Routine
from stretchdesk.routine.draft import Draft, check_draft
from stretchdesk.routine.editor import Editor, Outcome, Refused
from stretchdesk.routine.errors import WINDOW_PROBLEMS, problem_lines
from stretchdesk.routine.sources import Sources
from stretchdesk.ui.builder.builder_layout import BuilderLayout
from stretchdesk.ui.builder.builder_lists import ID_ROLE, exercise_icon
from stretchdesk.ui.builder.builder_step import timing_of
from stretchdesk.ui.kit import wording
from stretchdesk.ui.kit.screen_reader import Teller
from stretchdesk.ui.kit.widgets import bullet_list, restyle

Save = Callable[[Draft, Path | None], tuple[Path, Draft]]  # the file and what it holds


class BuilderScreen(BuilderLayout):
    closed = Signal(object)  # the saved file's path, or None

    def __init__(
        self,
        library: ExerciseLibrary,
        sources: Sources | None,
        seconds_of: Callable[[Routine], float],
        save: Save,
        *,
        usual: Mapping[str, Phase] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.sources = sources
        self.seconds_of = seconds_of
        self._save = save
        self.usual = dict(usual or {})
        self.editor = Editor(Draft("my-routine", ""), library, "my-routine.toml", self.usual)
        self.path: Path | None = None
        self.saved_path: Path | None = None
        self.announced: list[str] = []
        self.teller = Teller(self)  # a screen reader hears what changed (ui/kit/screen_reader.py)
        self.library_list.fill(
            [
                (e, _kind_words(e, self.editor.phase_for(e)))
                for e in sorted(library.values(), key=lambda e: _order(e, self.editor))
            ]
        )
        for key, field in self.fields.items():
            field.editingFinished.connect(lambda k=key: self._text(k))
        self._connect()

    def _connect(self) -> None:
        self.library_list.add_requested.connect(self.add_exercise)
        self.library_list.itemDoubleClicked.connect(
            lambda item: self.add_exercise(str(item.data(ID_ROLE)))
        )
        self.add_button.clicked.connect(self._add_chosen)
        self.steps.move_requested.connect(self.move_step)
        self.steps.drop_requested.connect(self.drop)
        self.steps.remove_requested.connect(self.remove_step)
        self.steps.currentRowChanged.connect(self._show_chosen)
        self.up_button.clicked.connect(
            lambda: self.move_step(self.steps.currentRow(), -1, relative=True)
        )
        self.down_button.clicked.connect(
            lambda: self.move_step(self.steps.currentRow(), 1, relative=True)
        )
        self.remove_button.clicked.connect(lambda: self.remove_step(self.steps.currentRow()))
        self.details.phase_changed.connect(self._phase)
        self.details.timing_changed.connect(self._timing)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_builder)
        redo = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):  # both, whatever the desktop's own is
            if QKeySequence(extra) not in redo:
                redo.append(QKeySequence(extra))
        keys = [
            *[(k, self.undo) for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)],
            *[(k, self.redo) for k in redo],
            *[(k, self.save) for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Save)],
        ]
        for key, slot in keys:
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ editing
    def edit(self, draft: Draft, path: Path | None, heading: str) -> None:
        """Start on ``draft``; ``path`` is its own file (None: a new file on Save)."""
        self.path = path
        self.saved_path = None
        label_name = path.name if path is not None else f"{draft.id}.toml"
        self.editor = Editor(draft, self.library, label_name, self.usual)
        self.heading.setText(heading)
        self.status.setText("")
        self._redraw(select=0)
        for area in self.findChildren(QScrollArea):  # from the top, wherever it was left
            area.verticalScrollBar().setValue(0)

    def focus_default(self) -> None:
        self.fields["title"].setFocus(Qt.FocusReason.OtherFocusReason)

    def add_exercise(self, exercise_id: str) -> None:
        """Add an exercise after the chosen step, or the nearest place the order allows."""
        exercise = self.library.get(exercise_id)
        if exercise is None:
            return
        chosen = self.steps.currentRow()
        phase = self.editor.phase_for(exercise)
        at = self.editor.place_for(phase, chosen if chosen >= 0 else None)
        outcome, index = self.editor.add(exercise_id, at, phase)
        self._after(outcome, select=index)

    def _add_chosen(self) -> None:
        chosen = self.library_list.chosen()
        if chosen is not None:
            self.add_exercise(chosen)

    def drop(self, exercise_id: str, at: int) -> None:
        outcome, index = self.editor.add(exercise_id, at)
        self._after(outcome, select=index)

    def move_step(self, index: int, to: int, *, relative: bool = False) -> None:
        if index < 0:
            return
        target = index + to if relative else to
        self._after(self.editor.move(index, target), select=target)

    def remove_step(self, index: int) -> None:
        if index >= 0:
            count = len(self.editor.draft.steps)
            self._after(self.editor.remove(index), select=min(index, count - 2))

    def _phase(self, phase: Phase) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self._after(self.editor.set_phase(row, phase), select=row)

    def _timing(self, key: str, value: object) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self._after(self.editor.set_timing(row, key, value), select=row, keep_details=True)

    def _text(self, key: str) -> None:
        value = self.fields[key].text().strip()
        if getattr(self.editor.draft, key) != value:
            self._after(self.editor.set_text(key, value), select=self.steps.currentRow())

    def undo(self) -> None:
        self._after(self.editor.undo(), select=self.steps.currentRow())

    def redo(self) -> None:
        self._after(self.editor.redo(), select=self.steps.currentRow())

    def _after(self, outcome: Outcome, *, select: int, keep_details: bool = False) -> None:
        if isinstance(outcome, Refused):
            self.status.setProperty("role", "caution")
            self._say(outcome.message)
            self._redraw(select=self.steps.currentRow())
        else:
            self.status.setProperty("role", "muted")
            if outcome.what:
                self._say(outcome.what)
            self._redraw(select=select, keep_details=keep_details)
        restyle(self.status)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.announced.append(text)
        self.teller.tell(text)

    # ------------------------------------------------------------------ drawing
    def _redraw(self, *, select: int, keep_details: bool = False) -> None:
        draft = self.editor.draft
        for key, field in self.fields.items():
            if field.text().strip() != getattr(draft, key):
                field.setText(getattr(draft, key))
                field.setCursorPosition(0)  # a long text shows its beginning
        self.steps.blockSignals(True)
        self.steps.clear()
        for number, step in enumerate(draft.steps, start=1):
            exercise = self.library.get(step.exercise)
            title = self.editor.title_of(step)
            dose = _dose(self, number - 1)
            item = QListWidgetItem(f"{number}. {step.phase.label}: {title}\n{dose}")
            if exercise is not None:
                item.setIcon(exercise_icon(exercise))
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                _("Step {number}, {phase}: {title}. {dose}").format(
                    number=number, phase=step.phase.label, title=title, dose=dose
                ),
            )
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        row = max(0, min(select, self.steps.count() - 1))
        if self.steps.count():
            self.steps.setCurrentRow(row)
        if not keep_details:
            self._show_chosen(self.steps.currentRow())
        self._show_check()
        self.undo_button.setEnabled(self.editor.can_undo)
        self.redo_button.setEnabled(self.editor.can_redo)
        for action in (self.up_button, self.down_button, self.remove_button):
            action.setEnabled(self.steps.count() > 0)

    def _show_chosen(self, row: int) -> None:
        steps = self.editor.draft.steps
        step = steps[row] if 0 <= row < len(steps) else None
        exercise = self.library.get(step.exercise) if step is not None else None
        self.details.show_step(step, exercise)

    def _show_check(self) -> None:
        _routine, problems = self.check()
        lines = problem_lines(problems, most=WINDOW_PROBLEMS)
        self.problems.setText(bullet_list(lines).text() if lines else "")
        self.problems.setVisible(bool(lines))
        self.save_button.setEnabled(not problems)
        self.save_button.setToolTip(
            _("Save the routine (Ctrl+S)") if not problems else _("Put the problems right to save")
        )
        seconds = self._seconds()
        planned = (
            _("Planned: {time}").format(time=wording.minutes(seconds))
            if seconds
            else _("No steps yet")
        )
        state = " · " + _("not saved") if self.editor.dirty else ""
        self.minutes.setText(planned + state)

    def check(self) -> tuple[Routine | None, list[Problem]]:
        base = self.path.parent if self.path is not None else None
        return check_draft(self.editor.draft, self.library, self.sources, self.editor.label, base)

    def _seconds(self) -> float:
        """The planned time, even while the title or the source still has a problem."""
        draft = replace(self.editor.draft, title="x", source="", description="")
        routine, _problems = check_draft(draft, self.library, None, self.editor.label)
        return self.seconds_of(routine) if routine is not None else 0.0

    # ------------------------------------------------------------------ saving
    def commit_fields(self) -> None:
        for key in self.fields:
            self._text(key)

    def save(self) -> bool:
        self.commit_fields()
        routine, problems = self.check()
        if problems or routine is None:
            self._say(_("Not saved: put the problems listed right first."))
            return False
        try:
            path, written = self._save(self.editor.draft, self.path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self._say(
                _(
                    "Not saved: the file could not be written ({reason}). Nothing was changed."
                ).format(reason=reason)
            )
            return False
        self.path = self.saved_path = path
        self.editor.mark_saved(written)
        self.editor.label = path.name
        self._say(_("Saved as {path}.").format(path=path))
        self._show_check()
        return True

    def may_leave(self) -> bool:
        """True when there is nothing unsaved, or the person chose Save or Discard."""
        self.commit_fields()
        if not self.editor.dirty:
            return True
        answer = QMessageBox.question(
            self,
            _("Unsaved routine"),
            _("This routine has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.mark_saved(self.editor.saved)
            return True
        return False

    def close_builder(self) -> None:
        if self.may_leave():
            self.closed.emit(self.saved_path)


def _dose(screen: BuilderScreen, index: int) -> str:
    """The step's dose in words, or what is wrong with its timing."""
    step = screen.editor.draft.steps[index]
    exercise = screen.library.get(step.exercise)
    timing = timing_of(step, exercise) if exercise is not None else None
    return dose_text(timing) if timing is not None else _("Timing to check")


def _kind_words(exercise: Exercise, phase: Phase) -> str:
    return f"{exercise.position.label}; a {phase.label.lower()}. {dose_text(exercise.timing)}"


def _order(exercise: Exercise, editor: Editor) -> tuple[int, str]:
    return (list(Phase).index(editor.phase_for(exercise)), exercise.title)
