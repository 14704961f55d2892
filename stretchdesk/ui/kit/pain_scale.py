"""The 0-10 pain scale: one choice of eleven big numbers and a Skip. No number takes the
focus on its own, so a stray Space or Enter rates nothing; a digit, a click, or the arrows
then Space or Enter choose."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.i18n import _
from stretchdesk.ui.kit.read_aloud import aloud
from stretchdesk.ui.kit.theme import current_colors
from stretchdesk.ui.kit.widgets import button, label

ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


class RatingButton(QRadioButton):
    """One number of the 0-10 scale: a radio button (the scale is one choice), drawn as a
    big box with the number in the middle. The arrows move between numbers without
    choosing; Space, Enter or a click chooses."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(str(number), parent)
        self.number = number
        self.setAccessibleName(_("Pain {number} of 10").format(number=number))
        self.setAccessibleDescription(_("Rate your pain {number} out of 10").format(number=number))
        self.setProperty("kind", "rating")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("10") + 24, round(metrics.height() * 2.4))

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("10") + 10, round(metrics.height() * 2.0))

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in ARROWS:
            event.ignore()  # the scale moves the focus to the next number
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        if len(event.text()) == 1 and event.text() in "0123456789":
            event.ignore()  # the scale picks digits at once
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = current_colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = self.hasFocus()
        width = 4.0 if focused else 2.0
        box = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        fill = QColor(c.accent if self.isChecked() else c.surface)
        edge = QColor(c.focus if focused else (c.accent if self.isChecked() else c.border))
        painter.setPen(QPen(edge, width))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 10, 10)
        painter.setPen(QColor(c.accent_text if self.isChecked() else c.text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()


class PainScale(QFrame):
    """0 to 10 as a row of big buttons, plus Skip. Keys 0-9 pick at once; Tab or the arrows
    reach 10 and Skip. ``chosen`` carries the rating, or -1 for Skip.

    No number ever has the focus first: a screen with a scale puts its focus on a control
    that records nothing (Skip, Done), so a key meant for something else (Space, the
    session's key, or Enter) never gives a rating nobody chose."""

    chosen = Signal(int)

    def __init__(
        self,
        low: str,
        high: str,
        bands: str,
        *,
        skip_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Pain rating from 0 to 10"))
        self.setAccessibleDescription(
            _("{low}; {high}. {bands}. Keys 0 to 9 choose at once.").format(
                low=low, high=high, bands=aloud(bands)
            )
        )
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.value: int | None = None
        row = QHBoxLayout()
        row.setSpacing(6)
        for number in range(11):
            item = RatingButton(number)
            self._group.addButton(item, number)
            row.addWidget(item)
        self._group.idClicked.connect(self._pick)
        self.skip = button(
            skip_text or _("Skip"), _("Skip the rating"), _("Go on without a rating")
        )
        self.skip.clicked.connect(lambda: self.chosen.emit(-1))
        ends = QHBoxLayout()
        ends.addWidget(label(low, "small"))
        ends.addStretch(1)
        scale = label(bands, "small")
        scale.setAccessibleName(aloud(bands))
        ends.addWidget(scale)
        ends.addStretch(1)
        ends.addWidget(label(high, "small"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addLayout(ends)
        skip_row = QHBoxLayout()
        skip_row.addStretch(1)
        skip_row.addWidget(self.skip)
        column.addLayout(skip_row)

    def rating_button(self, number: int) -> RatingButton:
        found = self._group.button(number)
        assert isinstance(found, RatingButton)
        return found

    def clear(self) -> None:
        self._group.setExclusive(False)
        for item in self._group.buttons():
            item.setChecked(False)
        self._group.setExclusive(True)
        self.value = None

    def pick_key(self, event: QKeyEvent) -> bool:
        """A digit key pressed anywhere on the scale's screen chooses that number (an
        explicit choice); True if it did."""
        text = event.text()
        # (only 0-9: "²" on a French keyboard is a digit to str.isdigit, not a number)
        if not (self.isVisible() and len(text) == 1 and text in "0123456789"):
            return False
        self._pick(int(text))
        return True

    def _pick(self, number: int) -> None:
        self.value = number
        self.rating_button(number).setChecked(True)
        self.chosen.emit(number)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.pick_key(event):
            return
        if event.key() in ARROWS:
            forward = event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down)
            here = self.focusWidget()
            number = here.number + (1 if forward else -1) if isinstance(here, RatingButton) else -1
            if 0 <= number <= 10:  # (Qt's own focus chain passes a radio group in one step)
                self.rating_button(number).setFocus(Qt.FocusReason.TabFocusReason)
            else:
                self.focusNextPrevChild(forward)
            return
        super().keyPressEvent(event)
