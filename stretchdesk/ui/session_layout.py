"""The session screen's widgets and their mat layout; SessionScreen adds the behaviour.

Everything is sized for a person on the floor two metres away, from the window's own size:
the countdown's box is a fixed share of the screen's height (its digits at least a sixth of
the window), the texts grow with the window and with the text-size setting (which never
shrinks the countdown), the instructions scroll rather than being cut, the step list is the
first thing dropped on a small screen, the message row is always reserved (nothing moves
when a message appears), and a pause covers the exercise with words that read across the
room.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.i18n import N_, _
from stretchdesk.routine.content import SafetyContent
from stretchdesk.ui.countdown import CountdownDial
from stretchdesk.ui.fit_words import FitWords
from stretchdesk.ui.illustration import IllustrationView
from stretchdesk.ui.session_help import help_panel
from stretchdesk.ui.step_list import StepList
from stretchdesk.ui.theme import current_scale
from stretchdesk.ui.widgets import bullet_list, button, label, restyle

DIAL_SHARE = 0.44  # of the screen's height, whatever the text size
STEPS_FROM_WIDTH = 1100  # narrower than this, the step list is dropped first
# role -> font size at the reference size (1280x800), before the text-size setting
SIZES = {
    "title": 34,
    "badge": 20,
    "place": 16,
    "getready": 34,
    "side": 32,
    "rep": 24,
    "instructions": 22,
    "caution": 20,
    "breathing": 18,
    "subheading": 20,
    "notice": 20,
    "button": 18,
    "pain": 28,
    "steps": 18,
}
READING = {"instructions", "caution", "breathing", "subheading", "notice", "steps"}
PAUSED_TEXT = N_("Paused\nSpace to go on")
LEGEND = N_("✓ done  ▶ now  ○ to come  – skipped  ⊘ locked until the warm-ups  ⚠ see why")


REFERENCE = (1280, 740)  # the session screen in a 1280x800 window


# the microphone is open: what can be said (words.py; the recogniser hears English words, so
# they stay in English in every language)
# Translators: {commands} are the English words the microphone listens for; keep them.
LISTENING = N_("● Listening: {commands}")
COMMAND_WORDS = "stop · pause · go on · next"


def mat_scale(width: int, height: int) -> float:
    """How much bigger than in a 1280x800 window the texts are drawn (smaller when small)."""
    return max(0.55, min(2.6, width / REFERENCE[0], height / REFERENCE[1]))


class SessionLayout(QWidget):
    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._sized: tuple[int, int, float] = (0, 0, 0.0)
        self._build()
        self._lay_out()

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        self.badge = label("", "badge")  # one line; two rather than cut when room is short
        self.title = label("", "title")
        self.place = label("", "place", wrap=False)
        listening = _(LISTENING).format(commands=COMMAND_WORDS)
        self.listening = label(listening, "listening", wrap=False)
        self.listening.setAccessibleName(_("Listening for voice commands"))
        self.listening.setVisible(False)
        self.headline = label("", "getready")
        self.illustration = IllustrationView()
        self.dial = CountdownDial()
        self.side = label("", "side", wrap=False)
        self.rep = label("", "rep", wrap=False)
        self.instructions = bullet_list([], "instructions")
        self.caution = label("", "caution")
        self.breathing = label("", "breathing")
        self.next_label = label("", "subheading")
        self.notice = label("", "notice-empty")
        self.help = help_panel(self._content)
        self.steps = StepList()
        self.steps.setMinimumWidth(240)
        self.legend = label(_(LEGEND), "breathing")
        self.paused = label(_(PAUSED_TEXT), "paused")
        self.paused.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused.setParent(self)
        self.paused.hide()
        self.back_button = button(
            _("◀  Back"), _("Back"), _("Start this exercise again, or go back one (Left arrow)")
        )
        self.pause_button = button(
            _("Start"), _("Start"), _("Start, pause or resume the session (Space)")
        )
        self.next_button = button(
            _("Next  ▶"), _("Next"), _("Go on to the next exercise (Right arrow)")
        )
        self.swap_button = button(
            _("Other position  (P)"),
            _("Other position"),
            _("Do this warm-up in another position, if this one hurts (P)"),
        )
        self.help_button = button(
            _("Help  (F1)"), _("Help"), _("When pain means stop, and the keys (F1)")
        )
        self.full_screen_button = button(
            "",
            _("Full screen"),
            _("Fill the whole screen, or go back to a window (F11)"),
        )
        self.pain_button = button(
            _("Pain — stop  (Esc)"),
            _("Pain — stop"),
            _("Stops everything at once because it hurts (Esc)"),
            "pain",
        )
        self.pain_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _details(self) -> QScrollArea:
        """What to do, as words: scrolls rather than being cut on a small screen."""
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 8, 0)
        for widget in (self.instructions, self.caution, self.breathing, self.next_label):
            column.addWidget(widget)
        column.addStretch(1)
        area = QScrollArea()
        area.setWidget(inner)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # it takes what the countdown leaves: its own wish for height is ignored
        area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        area.setMinimumHeight(40)
        return area

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addSpacing(16)
        top.addWidget(self.title, 1)
        top.addWidget(self.listening)
        top.addSpacing(16)
        top.addWidget(self.place)
        top.addWidget(self.help_button)

        counted = QHBoxLayout()
        counted.addWidget(self.side)
        counted.addStretch(1)
        counted.addWidget(self.rep)

        info = QVBoxLayout()
        info.addWidget(self.dial, 10)  # the countdown first, up to its share of the height
        info.addLayout(counted)
        info.addWidget(self._details())  # what is left when the countdown has its share

        self.middle = QWidget()
        middle = QHBoxLayout(self.middle)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.illustration, 8)
        middle.addLayout(info, 9)
        self.steps_box = QWidget()
        box = QVBoxLayout(self.steps_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.steps, 1)
        box.addWidget(self.legend)
        middle.addWidget(self.steps_box, 4)

        # the row shares out the width it has (its minimum never pushes the window wider
        # than the screen; the words are sized for the width, see rescale)
        controls = QHBoxLayout()
        for control, share in (
            (self.back_button, 2),
            (self.pause_button, 3),
            (self.next_button, 2),
            (self.swap_button, 3),
        ):
            control.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            controls.addWidget(control, share)
        controls.addWidget(self.full_screen_button)  # a picture: its words are its name
        controls.addSpacing(16)
        self.pain_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        controls.addWidget(self.pain_button, 6)
        self.fit = FitWords(
            [
                self.back_button,
                self.pause_button,
                self.next_button,
                self.swap_button,
                self.pain_button,
            ],
            self,
        )

        column = QVBoxLayout(self)
        column.setContentsMargins(24, 12, 24, 12)
        column.setSpacing(8)
        column.addLayout(top)
        column.addWidget(self.headline)
        column.addWidget(self.help)
        column.addWidget(self.middle, 1)
        column.addWidget(self.notice)
        column.addLayout(controls)

    # ------------------------------------------------------------------ sizes
    def show_message(self, text: str) -> None:
        """The message row is always there; only its words and colour change."""
        self.notice.setText(text)
        self.notice.setProperty("role", "notice" if text else "notice-empty")
        restyle(self.notice)

    def show_listening(self, listening: bool) -> None:
        """The microphone sign: there exactly while voice commands are being listened for."""
        self.listening.setVisible(listening)

    def show_paused(self, paused: bool) -> None:
        self.paused.setVisible(paused)
        if paused:
            self._place_pause()
            self.paused.raise_()

    def _place_pause(self) -> None:
        self.paused.setGeometry(self.middle.geometry())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.rescale()
        self._place_pause()

    def rescale(self, *, force: bool = False, size: QSize | None = None) -> None:
        """Size every text for this window and the text-size setting. ``size``: the size to
        size for before the screen is shown (the window's), so it never pushes it wider."""
        if size is not None:
            w, h, t = size.width(), size.height(), current_scale()
        else:
            w, h, t = self.width(), self.height(), current_scale()
        if (w, h, t) == self._sized and not force:
            return
        self._sized = (w, h, t)
        u = mat_scale(w, h)

        def px(role: str) -> int:
            # the reading texts follow the text-size setting fully; the already big ones
            # (title, headline, side, buttons) partly, so the countdown keeps its share
            grow = t if role in READING else t**0.5
            return max(12, round(SIZES[role] * u * grow))

        pad_v, pad_h = max(4, round(8 * u)), max(8, round(16 * u))

        self.setStyleSheet(
            f"""
            QLabel[role="title"] {{ font-size: {px("title")}px; font-weight: 600; }}
            QLabel[role="badge"] {{ font-size: {px("badge")}px; }}
            QLabel[role="place"] {{ font-size: {px("place")}px; }}
            QLabel[role="listening"] {{ font-size: {px("place")}px; font-weight: 600; }}
            QLabel[role="getready"] {{ font-size: {px("getready")}px; font-weight: 700; }}
            QLabel[role="side"] {{ font-size: {px("side")}px; font-weight: 800; }}
            QLabel[role="rep"] {{ font-size: {px("rep")}px; font-weight: 600; }}
            QLabel[role="instructions"] {{ font-size: {px("instructions")}px; }}
            QLabel[role="caution"] {{ font-size: {px("caution")}px; }}
            QLabel[role="breathing"] {{ font-size: {px("breathing")}px; }}
            QLabel[role="subheading"] {{ font-size: {px("subheading")}px; font-weight: 600; }}
            QLabel[role="notice"], QLabel[role="notice-empty"] {{
                font-size: {px("notice")}px; }}
            QLabel[role="paused"] {{ font-size: {max(24, round(h * 0.085))}px; }}
            QPushButton {{ font-size: {px("button")}px; padding: {pad_v}px {pad_h}px;
                min-height: 0px; }}
            QPushButton[kind="pain"] {{ font-size: {px("pain")}px; }}
            QListWidget {{ font-size: {px("steps")}px; }}
            """
        )
        line = round(px("notice") * 1.6 + 16)
        self.notice.setFixedHeight(line)
        self.dial.setMinimumHeight(100)  # never pushes the window past a small screen
        self.dial.setMaximumHeight(max(100, round(h * DIAL_SHARE)))
        self.steps_box.setVisible(w >= STEPS_FROM_WIDTH)
        for widget in self.findChildren(QPushButton):
            widget.setMinimumHeight(round(px("button") * 2.4))
        self.pain_button.setMinimumHeight(round(px("pain") * 2.0))
        self.fit.padding = pad_h
        for control in (self.back_button, self.pause_button, self.next_button, self.swap_button):
            self.fit.largest[control] = px("button")
            self.fit.heights[control] = control.minimumHeight()
        self.fit.largest[self.pain_button] = px("pain")
        self.fit.heights[self.pain_button] = self.pain_button.minimumHeight()
        self.fit.refit()
        self.steps.doItemsLayout()  # item heights follow the new font: names wrap, never cut
