"""An exercise pain-stopped last time: skip it, swap its position, shorten its holds, or as
usual (the focus starts on the answer that changes nothing); Esc goes back to the routines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from stretchdesk.i18n import _
from stretchdesk.routine.content import SafetyContent
from stretchdesk.session.avoid import AvoidOffer, Choice
from stretchdesk.ui.before.question import esc_goes_back, scrolling_column
from stretchdesk.ui.kit.fit_words import ShrinkToFit
from stretchdesk.ui.kit.read_aloud import spoken
from stretchdesk.ui.kit.widgets import button, label


class AvoidScreen(QFrame):
    """Last time this exercise was pain-stopped: skip it, shorten its holds, or as usual."""

    answered = Signal(object, object)  # AvoidOffer, Choice
    back = Signal()  # Esc: back to the routines, nothing started

    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("An exercise that hurt last time"))
        self._esc = esc_goes_back(self, self.back)
        self._content = content
        self.offer: AvoidOffer | None = None
        self.message = label("", "title")
        self.buttons: dict[Choice, QPushButton] = {}
        self._fits: dict[Choice, ShrinkToFit] = {}
        row = QVBoxLayout()  # one choice under the other: big targets, fits a small screen
        names = {
            Choice.SKIP: content.text("avoid", "skip"),
            Choice.SWAP: content.text("avoid", "swap", other="..."),
            Choice.SHORTER: content.text("avoid", "shorter"),
            Choice.AS_USUAL: content.text("avoid", "as_usual"),
        }
        for choice, text in names.items():
            first = choice in (Choice.SKIP, Choice.SWAP)
            item = button(
                text,
                text,
                _("{choice} in this session").format(choice=text),
                "primary" if first else None,
            )
            item.clicked.connect(lambda _=False, c=choice: self._answer(c))
            self._fits[choice] = ShrinkToFit(item, 160)  # long words: smaller, never cut
            row.addWidget(item)
            self.buttons[choice] = item
        column = scrolling_column(self)
        column.setContentsMargins(48, 48, 48, 48)
        column.addWidget(self.message)
        column.addSpacing(24)
        column.addLayout(row)
        column.addStretch(1)

    def ask(self, offer: AvoidOffer) -> None:
        self.offer = offer
        self.message.setText(self._content.text("avoid", "offer", title=offer.title))
        # a screen reader hears why when the focus comes to the screen
        self.setAccessibleName(spoken([_("An exercise that hurt last time"), self.message.text()]))
        swap = self._content.text("avoid", "swap", other=offer.other_title)
        self.buttons[Choice.SWAP].setText(swap)
        self._fits[Choice.SWAP].fit()
        self.buttons[Choice.SWAP].setAccessibleName(swap)
        self.buttons[Choice.SWAP].setAccessibleDescription(
            _("{choice} in this session").format(choice=swap)
        )
        for choice, item in self.buttons.items():
            item.setVisible(choice in offer.choices)
        # the answer that changes nothing has the focus: a stray Enter skips nothing
        self.buttons[offer.unchanged].setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer(self, choice: Choice) -> None:
        if self.offer is not None:
            self.answered.emit(self.offer, choice)
