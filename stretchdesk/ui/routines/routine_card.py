"""A routine's card on the routines screen (click, Space or Enter picks it; Enter twice
starts it), and the card of a routine file of the person's that cannot be used."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from stretchdesk.i18n import N_, _, ngettext
from stretchdesk.routine import InvalidRoutine, Phase, Routine
from stretchdesk.routine.errors import WINDOW_PROBLEMS, problem_count, problem_lines
from stretchdesk.ui.kit import wording
from stretchdesk.ui.kit.read_aloud import aloud, spoken
from stretchdesk.ui.kit.widgets import bullet_list, label, restyle

CHECK_HINT = N_("To see these on the command line: stretchdesk check.")

PHASE_PLURALS = {
    Phase.WARMUP: N_("Warm-ups"),
    Phase.STRETCH: N_("Stretches"),
    Phase.COOLDOWN: N_("Cool-downs"),
}


class RoutineCard(QFrame):
    """One routine; click, Space or Enter selects it (Enter twice starts it)."""

    picked = Signal(str)
    activated = Signal(str)

    def __init__(
        self,
        routine: Routine,
        seconds: float,
        health: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.routine_id = routine.id
        self.builtin = routine.builtin
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        summary = wording.routine_summary(routine)
        length = wording.minutes(seconds)
        self.setAccessibleName(f"{routine.title}, {length}")
        # a screen reader says the name, the length and the phases once, who made it and
        # their note (the description and the steps are labels below); what the health
        # check changes follows
        said = aloud(summary)
        self.setAccessibleDescription(spoken([said, routine.author, routine.note, *health]))
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.addWidget(label(routine.title, "heading"))
        meta = label(f"{length} · {summary}", "subheading")
        meta.setAccessibleName(f"{length}, {said}")
        column.addWidget(meta)
        column.addWidget(label(routine.description, "muted"))
        if routine.author:
            column.addWidget(label(routine.author, "subheading"))
        if routine.note:
            column.addWidget(label(routine.note, "lead"))
        # the exercises of each phase: folded away when the window is too short for the
        # whole card (the line above still counts them; About and the session name them)
        self.details: list[QLabel] = []
        self.room: Callable[[], int] = lambda: 1 << 30  # the height the card is seen in
        for phase, name in PHASE_PLURALS.items():
            titles = [s.title for s in routine.steps if s.phase is phase]
            if titles:
                listed = _("{phases}: {titles}").format(phases=_(name), titles=", ".join(titles))
                self.details.append(label(listed, "small-text"))
                column.addWidget(self.details[-1])
        for line in health:  # what the health check changes, and why
            column.addWidget(label(line, "caution"))
        column.addStretch(1)
        if not routine.builtin:
            column.addWidget(label(_("Your routine: {path}").format(path=routine.path), "small"))

    def set_selected(self, selected: bool) -> None:
        value = "true" if selected else "false"
        if self.property("selected") != value:  # (restyled only when it changes)
            self.setProperty("selected", value)
            restyle(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fold()

    def fold(self) -> None:
        """Show the phases' exercises when the whole card, with them, fits its room."""
        column = self.layout()
        if column is None or not self.details:
            return
        margins = column.contentsMargins()
        inner = max(1, self.width() - margins.left() - margins.right())
        tall = self.heightForWidth(self.width())
        if self.details[0].isHidden():
            tall += sum(d.heightForWidth(inner) + column.spacing() for d in self.details)
        folded = tall > self.room()
        for detail in self.details:
            detail.setHidden(folded)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.picked.emit(self.routine_id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.routine_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # held down: one press
        if event.key() == Qt.Key.Key_Space:
            self.picked.emit(self.routine_id)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.picked.emit(self.routine_id)
            self.activated.emit(self.routine_id)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.picked.emit(self.routine_id)
        super().focusInEvent(event)


class BrokenRoutineCard(QFrame):
    """A routine file of the person's that cannot be used: every reason, and how to check it
    again. It can be read (and reached with Tab) but never started."""

    def __init__(self, broken: InvalidRoutine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = broken.path
        self.setProperty("role", "card")
        self.setProperty("broken", "true")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        reasons = problem_lines(broken.problems, broken.path, WINDOW_PROBLEMS)
        heading = _("{name} cannot be used").format(name=broken.path.name)
        self.setAccessibleName(heading)
        count = problem_count(broken.problems)
        self.setAccessibleDescription(
            ngettext("{n} problem: {list}.", "{n} problems: {list}.", count).format(
                n=count, list="; ".join(reasons)
            )
            + " "
            + _(CHECK_HINT)
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.addWidget(label(heading, "heading"))
        column.addWidget(bullet_list(reasons, "small-text"))
        hint = _("{hint} File: {path}").format(hint=_(CHECK_HINT), path=broken.path)
        column.addWidget(label(hint, "small"))
        column.addStretch(1)
