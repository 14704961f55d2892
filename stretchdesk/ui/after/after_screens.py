"""After a session: the calm recovery screen after a pain-stop, and the completion summary.

Nothing on these screens can start a session again: their only way on is Done. Neither
gives a rating or an answer nobody chose: the focus starts on Done, the session's keys do
nothing here (Space presses nothing; the arrows move no focus off a button, so a stray
arrow and Enter cannot press "It was not pain"), and a rating is a click, Enter on a number
the person moved to (Tab, then the arrows), or a digit key.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.history import SessionRecorder
from stretchdesk.i18n import _, ngettext
from stretchdesk.routine.content import SafetyContent
from stretchdesk.session import AgendaEntry, StopLocation
from stretchdesk.ui.before.pain_before_screen import pain_scale
from stretchdesk.ui.before.safety_screen import red_flags, section_widgets
from stretchdesk.ui.kit import wording
from stretchdesk.ui.kit.fit_words import ShrinkToFit
from stretchdesk.ui.kit.widgets import SideBySide, bullet_list, button, label, reading


def where_text(location: StopLocation | None) -> str:
    if location is None or location.segment is None:
        return _("Stopped before the session began.")
    parts = [location.title]
    if location.side is not None:
        parts.append(location.side.phrase)
    if location.reps > 1 and location.rep:
        parts.append(_("rep {rep} of {reps}").format(rep=location.rep, reps=location.reps))
    return _("Stopped during {where}.").format(where=", ".join(parts))


class RecoveryScreen(QFrame):
    done = Signal()

    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Stopped for pain"))
        self.recorder: SessionRecorder | None = None
        self._kept = ""  # the note already saved with the session
        left = QVBoxLayout()
        left.addWidget(label(content.recovery.title, "heading"))
        steps = bullet_list(content.recovery.lines, "lead")
        left.addWidget(steps)
        self.where = label("", "muted")
        left.addWidget(self.where)
        left.addSpacing(8)
        left.addLayout(self._answers(content))
        flag_column = QVBoxLayout()
        flag_column.setSpacing(12)
        extra = (content.time_limits,)
        flags = red_flags(content, lines_role="instructions", lead_role="subheading", extra=extra)
        for widget in flags:
            flag_column.addWidget(widget)
        flag_column.addStretch(1)
        inner = QWidget()
        sides = SideBySide(inner, 1100, scaled=True)  # one above the other when narrow
        sides.setContentsMargins(48, 24, 48, 12)
        sides.setSpacing(32)
        sides.addLayout(left, 3)
        sides.addLayout(flag_column, 2)
        self.done_button = button(
            _("Done"), _("Done"), _("Back to the routines; nothing starts"), "primary"
        )
        self.done_button.clicked.connect(self._done)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(48, 8, 48, 24)
        bottom.addWidget(self.not_pain)  # always in view, beside Done
        bottom.addStretch(1)
        bottom.addWidget(self.done_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(reading(inner, self.accessibleName()), 1)
        outer.addLayout(bottom)
        self.scale.skip.hide()  # the rating is optional: not pressing is skipping
        # (typing a space in the note still works: the text box takes its own keys first)
        self._swallow = swallow_space(self)
        self._still = StillArrows([self.not_pain, self.done_button], self)

    def _answers(self, content: SafetyContent) -> QVBoxLayout:
        """The optional answers: a rating, a note, and "it was not pain"."""
        answers = QVBoxLayout()
        answers.addWidget(label(content.text("pain_scale", "question_stop"), "subheading"))
        self.scale = pain_scale(content)
        self.scale.chosen.connect(self._rated)
        answers.addWidget(self.scale)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("A short note for you or your clinician (optional)"))
        self.note.setAccessibleName(_("Note"))
        self.note.setAccessibleDescription(_("Saved with this session when you press Done"))
        self.note.setMaxLength(500)
        answers.addWidget(self.note)
        self.not_pain = button(
            _("It was not pain, I just stopped"),
            _("It was not pain, I just stopped"),
            _("Saves this session as ended early instead of stopped for pain"),
        )
        self.not_pain.clicked.connect(self._not_pain)
        ShrinkToFit(self.not_pain, 160)  # long words: smaller, never cut
        answers.addStretch(1)
        return answers

    def show_stop(self, recorder: SessionRecorder | None, location: StopLocation | None) -> None:
        self.recorder = recorder
        self._kept = ""
        self.where.setText(where_text(location))
        self.scale.clear()
        self.note.clear()
        self.not_pain.setEnabled(True)
        self.not_pain.setText(_("It was not pain, I just stopped"))
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.scale.pick_key(event):  # a digit rates, wherever the focus is
            super().keyPressEvent(event)

    def _rated(self, rating: int) -> None:
        if rating >= 0 and self.recorder is not None:
            self.recorder.rate_pain_stop(rating)

    def _not_pain(self) -> None:
        if self.recorder is not None:
            self.recorder.not_pain()
        self.not_pain.setEnabled(False)
        self.not_pain.setText(_("Saved as ended early"))

    def keep_note(self) -> None:
        """Save the note typed so far with the session (Done, or the app closing first: a
        logout before Done loses nothing written)."""
        note = self.note.text().strip()
        if note and note != self._kept and self.recorder is not None:
            self.recorder.add_note(note)
            self._kept = note

    def _done(self) -> None:
        self.keep_note()
        self.done.emit()


_ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


class StillArrows(QObject):
    """The arrows (the session's Back and Next) move no focus off these buttons: Qt's own
    push button would move it to the next one, where Enter would press it."""

    def __init__(self, buttons: list[QPushButton], parent: QObject) -> None:
        super().__init__(parent)
        for item in buttons:
            item.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return event.key() in _ARROWS
        return False


def swallow_space(screen: QWidget) -> QShortcut:
    """Space is the session's pause key: on the screen after a session it must not press
    whatever has the focus (a rating, Done)."""
    swallow = QShortcut(QKeySequence(Qt.Key.Key_Space), screen)
    swallow.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return swallow


def advice_panel(content: SafetyContent) -> QFrame:
    """Keep gently active, and when to see a GP or physiotherapist, side by side."""
    panel = QFrame()
    panel.setProperty("role", "panel")
    panel.setAccessibleName(_("Advice"))
    sides = SideBySide(panel)
    sides.setContentsMargins(24, 12, 24, 12)
    sides.setSpacing(32)
    for section in (content.keep_active, content.time_limits):
        column = QVBoxLayout()
        widgets = section_widgets(section, heading_role="subheading", lines_role="instructions")
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        sides.addLayout(column, 1)
    return panel


def reminder_offer(content: SafetyContent) -> tuple[QFrame, QPushButton, QPushButton]:
    """Offered once, after the first completed session: reminders morning and evening."""
    panel = QFrame()
    panel.setProperty("role", "panel")
    panel.setAccessibleName(_("Reminders"))
    column = QVBoxLayout(panel)
    column.setContentsMargins(24, 12, 24, 12)
    offer = content.text("reminders", "offer")
    column.addWidget(label(offer, "subheading"))
    column.addWidget(label(content.text("reminders", "why"), "muted"))
    sources = content.sources_of("reminders")
    column.addWidget(label(_("Sources: {sources}.").format(sources=sources), "small"))
    yes_text, no_text = content.text("reminders", "yes"), content.text("reminders", "no")
    yes = button(yes_text, yes_text, _("Reminders at 08:00 and 18:00; change them in Settings"))
    no = button(no_text, no_text, _("No reminders; you can turn them on in Settings"))
    row = QHBoxLayout()
    row.addWidget(yes)
    row.addWidget(no)
    row.addStretch(1)
    column.addLayout(row)
    return panel, yes, no


class CompletionScreen(QFrame):
    done = Signal()
    history_requested = Signal()
    offer_answered = Signal(bool)  # the reminders offer: yes or no

    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Session complete"))
        self.recorder: SessionRecorder | None = None
        self.summary = label("", "lead")
        self.streak = label("", "subheading")
        self.question = label(content.text("pain_scale", "question_after"), "heading")
        self.before = label("", "muted")
        self.scale = pain_scale(content)
        self.scale.skip.hide()  # optional: Done without a rating is skipping it
        self.scale.chosen.connect(self._rated)
        self.done_button = button(_("Done"), _("Done"), _("Back to the routines"), "primary")
        self.done_button.clicked.connect(self.done.emit)
        self.history_button = button(
            _("See history"), _("See history"), _("Your sessions and pain over time")
        )
        self.history_button.clicked.connect(self.history_requested.emit)
        self.offer, self.offer_yes, self.offer_no = reminder_offer(content)
        self.offer.hide()
        self.offer_yes.clicked.connect(lambda: self._offer_answered(True))
        self.offer_no.clicked.connect(lambda: self._offer_answered(False))
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 32, 48, 8)
        self.title = label("", "title")
        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addWidget(self.streak)
        column.addSpacing(24)
        column.addWidget(self.question)
        column.addWidget(self.before)
        column.addWidget(self.scale)
        column.addStretch(1)
        column.addSpacing(16)
        column.addWidget(self.offer)
        column.addWidget(advice_panel(content))
        row = QHBoxLayout()
        row.setContentsMargins(48, 8, 48, 24)
        row.addWidget(self.history_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(
            reading(inner, self.accessibleName()), 1
        )  # nothing is ever cut off: it scrolls
        outer.addLayout(row)
        self._swallow = swallow_space(self)
        buttons = [self.done_button, self.history_button, self.offer_yes, self.offer_no]
        self._still = StillArrows(buttons, self)

    def show_summary(
        self,
        recorder: SessionRecorder | None,
        *,
        title: str,
        active_seconds: float,
        total_seconds: float,
        entries: list[AgendaEntry],
        streak_days: int,
        pain_before: int | None,
        ask_pain: bool,
    ) -> None:
        self.recorder = recorder
        self.title.setText(wording.completion_title(entries))
        self.summary.setText(
            f"{title}: {wording.time_spent(active_seconds, total_seconds)}. "
            f"{wording.what_was_done(entries)}"
        )
        in_a_row = ngettext("{n} day in a row", "{n} days in a row", streak_days)
        self.streak.setText(in_a_row.format(n=streak_days) if streak_days else "")
        for widget in (self.question, self.scale):
            widget.setVisible(ask_pain)
        self.before.setVisible(ask_pain and pain_before is not None)
        self.before.setText(
            _("Before the session you said {pain}.").format(pain=pain_before)
            if pain_before is not None
            else ""
        )
        self.scale.clear()
        # never a number: the first key after the session (Space, Enter) would rate
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.scale.pick_key(event):  # a digit rates, wherever the focus is
            super().keyPressEvent(event)

    def show_offer(self, offer: bool) -> None:
        """The reminders offer, shown once (after the first completed session)."""
        self.offer.setVisible(offer)
        for answer in (self.offer_yes, self.offer_no):
            answer.setEnabled(True)

    def _offer_answered(self, yes: bool) -> None:
        self.offer.hide()
        self.offer_answered.emit(yes)
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _rated(self, rating: int) -> None:
        if rating >= 0 and self.recorder is not None:
            self.recorder.set_pain_after(rating)
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
