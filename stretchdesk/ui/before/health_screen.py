"""The optional health check: a question for each ``Answer`` (pregnancy, osteoporosis, back
surgery, a hip replacement or hip surgery, under 16), whose answers change the routines in a
sourced way (session/health.py). Skippable; changeable from Settings; kept locally."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from stretchdesk.i18n import _
from stretchdesk.routine.content import SafetyContent
from stretchdesk.session.health import Answer
from stretchdesk.ui.before.safety_screen import pregnancy_signs
from stretchdesk.ui.kit.widgets import button, label, reading, wrapping


class HealthScreen(QFrame):
    answered = Signal(object)  # frozenset[Answer], or None when skipped

    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        texts = content.texts["health"]
        self.setAccessibleName(texts["title"])
        self.boxes: dict[Answer, QCheckBox] = {}
        # when to call the maternity unit, shown while the pregnancy answer is ticked
        self.pregnancy_signs = pregnancy_signs(content)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 24, 48, 24)
        column.setSpacing(14)
        column.addWidget(label(texts["title"], "title"))
        column.addWidget(label(texts["intro"], "lead"))
        for answer in Answer:
            box = QCheckBox(texts[answer.value])
            box.setAccessibleName(texts[answer.value])
            box.setProperty("role", "lead")
            self.boxes[answer] = box
            column.addWidget(wrapping(box, "lead"))
            if answer is Answer.PREGNANT:
                box.toggled.connect(self.pregnancy_signs.setVisible)
                column.addWidget(self.pregnancy_signs)
        column.addWidget(
            label(_("Sources: {names}").format(names=content.names(texts["source"])), "small")
        )
        column.addStretch(1)
        self.save = button(
            texts["save"], _("Save"), _("Keep these answers on this computer"), "primary"
        )
        self.save.clicked.connect(lambda: self.answered.emit(self.answers()))
        self.skip = button(
            texts["skip"], _("Skip"), _("Answer nothing; the routines stay as they are")
        )
        self.skip.clicked.connect(lambda: self.answered.emit(None))
        row = QHBoxLayout()
        row.setContentsMargins(48, 8, 48, 24)
        row.addWidget(self.skip)
        row.addStretch(1)
        row.addWidget(self.save)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(reading(inner, self.accessibleName()), 1)
        outer.addLayout(row)
        # focus starts on Skip, which records nothing: a stray Space or Enter (the safety
        # screen's, pressed twice) never ticks or saves an answer nobody chose; Tab goes on
        # to the answers, then Save
        chain = [self.skip, *self.boxes.values(), self.save]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        # Space ticks the focused answer; Enter saves, on Skip skips
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self)
            enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            enter.activated.connect(self._enter)

    def _enter(self) -> None:
        focused = self.focusWidget()
        if focused is self.skip:
            self.skip.click()
        else:
            self.save.click()

    def answers(self) -> frozenset[Answer]:
        return frozenset(answer for answer, box in self.boxes.items() if box.isChecked())

    def show_answers(self, answers: frozenset[Answer]) -> None:
        for answer, box in self.boxes.items():
            box.setChecked(answer in answers)
        self.skip.setFocus(Qt.FocusReason.OtherFocusReason)
