"""The session screen's widgets and their mat layout; SessionScreen adds the behaviour.

Everything is sized for a person on the floor two metres away, from the window's own size:
the countdown's box is a fixed share of the screen's height (its digits at least a sixth of
the window), the texts grow with the window and with the text-size setting (which never
shrinks the countdown), every instruction line is on screen (mat_middle.py: the drawing
narrows first, then the words shrink, or at a larger text size show a page at a time; never
a scroll bar), the step list is kept off
the mat (for its keys), a message is drawn over the drawing's foot (nothing moves when one
appears), and a pause covers the exercise with words that read across the room.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.i18n import N_, _
from stretchdesk.routine.content import SafetyContent
from stretchdesk.routine.model import Step
from stretchdesk.session import SessionView
from stretchdesk.ui.kit import wording
from stretchdesk.ui.kit.fit_words import FitWords
from stretchdesk.ui.kit.theme import current_scale
from stretchdesk.ui.kit.widgets import (
    bullet_list,
    button,
    fit_words_in,
    label,
    pixels_for_cap,
    restyle,
    wrapped_height,
)
from stretchdesk.ui.session.countdown import CountdownDial, format_seconds
from stretchdesk.ui.session.illustration import IllustrationView
from stretchdesk.ui.session.mat_middle import MatMiddle
from stretchdesk.ui.session.mat_sizes import mat_scale, mat_style_sheet, role_pixels
from stretchdesk.ui.session.session_help import help_panel
from stretchdesk.ui.session.step_list import StepList

SIDE_MARGIN = 24  # pixels left and right of the screen's words
PAUSED_TEXT = N_("Paused\nSpace to go on")
LEGEND = N_("✓ done  ▶ now  ○ to come  – skipped  ⊘ locked until the warm-ups  ⚠ see why")


LEAD_IN = 10  # seconds: the countdown's widest number before a step is at least this wide


# the microphone is open: what can be said (words.py; the recogniser hears English words, so
# they stay in English in every language)
# Translators: {commands} are the English words the microphone listens for; keep them.
LISTENING = N_("● Listening: {commands}")
COMMAND_WORDS = "stop · pause · go on · next"


class SessionLayout(QWidget):
    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._sized: tuple[int, int, float] = (0, 0, 0.0)
        self._next_drawn = ""  # the exercise whose drawing is under "Next: ..."
        self._beside_dial: tuple[str, ...] = ()  # the words beside the countdown, as placed
        self._words: tuple[str, tuple[str, ...], str, str, str] | None = None
        self._headlines: tuple[str, ...] = ()  # every headline of the step shown
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
        self.side = label("", "side")  # beside the countdown, as big as what to do
        self.rep = label("", "rep")
        self.instructions = bullet_list([], "instructions")
        self.caution = label("", "caution")
        self.breathing = label("", "breathing")
        self.next_label = label("", "next")  # with the next exercise's drawing under it
        self.next_drawing = IllustrationView(still=True, worker_of=self.illustration)
        self.next_drawing.setAccessibleName(_("Illustration of the next exercise"))
        self.next_drawing.hide()
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

    def _reading(self) -> QWidget:
        """What to do, as words: every line on screen at once (MatMiddle sizes them)."""
        inner = QWidget()
        for widget in (self.instructions, self.caution, self.breathing):
            widget.setParent(inner)
        return inner

    def _lay_out(self) -> None:
        self.next_label.setWordWrap(True)
        self.middle = MatMiddle(
            self.illustration,
            self.dial,
            under_dial=[self.side, self.rep],
            reading=self._reading(),
            lines=[self.instructions, self.caution, self.breathing],
            next_label=self.next_label,
            next_drawing=self.next_drawing,
        )
        self.middle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.steps_box = QWidget()  # the steps: kept for their keys, not shown on the mat
        box = QVBoxLayout(self.steps_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.steps, 1)
        box.addWidget(self.legend)
        self.steps_box.setParent(self)
        self.steps_box.hide()

        column = QVBoxLayout(self)
        column.setContentsMargins(SIDE_MARGIN, 8, SIDE_MARGIN, 12)
        column.setSpacing(6)
        column.addLayout(self._top_row())
        column.addWidget(self.headline)  # what to do at this moment, in the biggest words
        column.addWidget(self.middle, 1)
        column.addLayout(self._controls_row())
        self.help.setParent(self)  # over the drawing, never the countdown
        self.help.hide()
        self.notice.setParent(self)  # over the drawing's foot: nothing moves when it shows
        self.notice.hide()

    def _top_row(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addSpacing(16)
        top.addWidget(self.title, 1)
        top.addWidget(self.listening)
        top.addSpacing(16)
        top.addWidget(self.place)
        top.addWidget(self.help_button)
        return top

    def _controls_row(self) -> QHBoxLayout:
        """The buttons under the drawing. The row shares out the width it has (its minimum
        never pushes the window wider than the screen; the words are sized for the width,
        see rescale)."""
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
        return controls

    # ------------------------------------------------------------------ sizes
    def show_words(self, step: Step, coming: str = "") -> None:
        """The exercise's name and every line of what to do: all on screen at once, or a page
        at a time at a larger text size (show_page). ``coming``: the "Next" it will show
        (room is kept for it, so the words stay where they are when it comes)."""
        words = (step.title, step.instructions, step.caution, step.exercise.breathing, coming)
        if words == self._words:
            return
        self._words = words
        self.title.setText(step.title)
        self._headlines = wording.headlines(step)
        self._keep_headline_room()
        reserved = {self.side: wording.side_texts(step), self.rep: wording.rep_texts(step)}
        if coming:
            reserved[self.next_label] = (coming,)
        self.middle.set_words(step.instructions, step.caution, step.exercise.breathing, reserved)
        timing = step.timing
        lengths = (timing.duration, timing.hold, timing.rep_seconds, timing.rest, LEAD_IN)
        longest = max(t for t in lengths if t)
        self.middle.digits = len(format_seconds(math.ceil(longest)))
        self.middle.arrange()  # the words are sized to fit, the breathing dropped first

    def _keep_headline_room(self, width: int | None = None) -> None:
        """The headline as tall as the tallest it can be at this step: one that wraps
        (a longer language) does not move everything under it when it comes."""
        room = max(1, (width or self.width()) - 2 * SIDE_MARGIN)
        tallest = max((wrapped_height(self.headline, t, room) for t in self._headlines), default=0)
        self.headline.setMinimumHeight(tallest)

    def show_message(self, text: str) -> None:
        """The message row is always there; only its words and colour change."""
        self.notice.setText(text)
        self.notice.setProperty("role", "notice" if text else "notice-empty")
        restyle(self.notice)
        self.notice.setVisible(bool(text))
        if text:
            self._place_overlays()
            self.notice.raise_()

    def show_listening(self, listening: bool) -> None:
        """The microphone sign: there exactly while voice commands are being listened for."""
        self.listening.setVisible(listening)

    def show_paused(self, paused: bool) -> None:
        self.paused.setVisible(paused)
        if paused:
            self._place_overlays()
            self.paused.raise_()

    def show_help(self, shown: bool) -> None:
        """Help is drawn over the drawing and the words: the countdown neither moves nor
        shrinks."""
        self.help.setVisible(shown)
        if shown:
            self._place_overlays()
            self.help.raise_()

    def overlay_rect(self) -> QRect:
        """Where the pause and help are drawn: over the drawing and the words."""
        words = self.middle.words_rect
        return QRect(self.middle.mapTo(self, words.topLeft()), words.size())

    def _place_overlays(self) -> None:
        rect = self.overlay_rect()
        self.paused.setGeometry(rect)
        if self.paused.isVisible():  # its words as big as fit over the drawing, none cut
            fit_words_in(self.paused, rect, max(24, round((self._sized[1] or 800) * 0.085)))
        self.help.setGeometry(rect)
        tall = max(1, self.notice.heightForWidth(rect.width()))
        self.notice.setGeometry(rect.x(), rect.bottom() + 1 - tall, rect.width(), tall)
        if self.help.isVisible():  # its words as big as fit over the drawing, all of them
            tall = self._sized[1] or self.height()
            px = pixels_for_cap(self.font(), 0.025 * tall)
            while True:
                self.help.setStyleSheet(f"QLabel {{ font-size: {px}px; }}")
                if px <= 12 or self.help.heightForWidth(rect.width()) <= rect.height():
                    break
                px -= 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.rescale()
        self._keep_headline_room()
        self._place_overlays()

    def rescale(self, *, force: bool = False, size: QSize | None = None) -> None:
        """Size every text for this window and the text-size setting. ``size``: the size to
        size for before the screen is shown (the window's), so it never pushes it wider."""
        t = current_scale()
        if size is not None:
            w, h = size.width(), size.height()
        else:
            w, h = self.width(), self.height()
        tall = max(h, self.window().height() if self.window() is not self else h)
        if (w, tall, t) == self._sized and not force:
            self.middle.arrange()
            return
        self._sized = (w, tall, t)
        u = mat_scale(w, tall)
        px = role_pixels(self.font(), tall, u, t)
        pad_v, pad_h = max(4, round(8 * u)), max(8, round(16 * u))

        self.setStyleSheet(mat_style_sheet(px, tall, pad_v, pad_h))
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
        self._keep_headline_room(w)
        self.middle.setup(tall, t)
        self.steps.doItemsLayout()  # item heights follow the new font: names wrap, never cut

    def show_next(self, view: SessionView, assets: Path) -> None:
        """What comes next: in the rest between exercises and the last seconds of a step."""
        self.next_label.setText(wording.coming_next(view))
        soon = view.next_is_near
        coming = view.next_step if soon else None
        if coming is not None and coming.exercise_id != self._next_drawn:
            self._next_drawn = coming.exercise_id
            self.next_drawing.set_frames(self.next_drawing.frames_for(coming, assets))
        self.next_label.setHidden(not soon)
        self.next_drawing.setHidden(coming is None)
        beside = tuple(w.text() if w.isVisibleTo(self) else "" for w in self.middle.under_dial)
        if beside != self._beside_dial:  # the side, the rep or "Next" changed: placed anew
            self._beside_dial = beside
            self.middle.arrange()
