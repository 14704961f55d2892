"""Choose a routine: cards with minutes and what is in them, the last session, a big Start."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.i18n import N_, _
from stretchdesk.routine import InvalidRoutine, Routine
from stretchdesk.ui.kit import wording
from stretchdesk.ui.kit.formats import weekday_date_time
from stretchdesk.ui.kit.theme import current_scale
from stretchdesk.ui.kit.widgets import button, label, scrolled
from stretchdesk.ui.routines.card_grid import ARROWS, card_next_to
from stretchdesk.ui.routines.routine_card import BrokenRoutineCard, RoutineCard

if TYPE_CHECKING:  # (the history loads after the first paint)
    from stretchdesk.history.queries import SessionSummary

ROUTINE_ACTIONS = (  # the "My routines" menu: key, text, shortcut
    ("new", N_("&New routine…"), "Ctrl+N"),
    ("copy", N_("&Copy and change…"), ""),
    ("change", N_("C&hange my routine…"), "Ctrl+E"),
    ("rename", N_("&Rename…"), "F2"),
    ("delete", N_("&Delete…"), ""),
    ("-", "", ""),
    ("share", N_("Save a copy to &send…"), ""),
    ("open", N_("&Open a routine file…"), "Ctrl+O"),
)


def last_session_text(last: SessionSummary | None) -> str:
    if last is None:
        return _("No sessions yet. Your sessions will appear under History.")
    when = weekday_date_time(last.started_at.astimezone())
    text = _("Last session: {routine}, {when}: {time}, {outcome}").format(
        routine=last.routine_title,
        when=when,
        time=wording.minutes(last.active_seconds),
        outcome=wording.OUTCOME_WORDS[last.outcome],
    )
    if last.pain_before is not None and last.pain_after is not None:
        text += _(", pain {before} → {after}").format(
            before=last.pain_before, after=last.pain_after
        )
    return text + "."


class StartScreen(QWidget):
    start_requested = Signal(str)
    about_requested = Signal()
    sheet_requested = Signal(str, bool)  # routine id; True: print, False: save as PDF
    routine_action = Signal(str, str)  # a ROUTINE_ACTIONS key, the chosen routine's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Choose a routine"))
        self.cards: dict[str, RoutineCard] = {}
        self.broken_cards: list[BrokenRoutineCard] = []
        self.selected: str | None = None
        self._grid = QGridLayout()
        self._grid.setSpacing(20)
        holder = QWidget()
        holder.setLayout(self._grid)
        self.last = label("", "muted")
        self.today = label("", "subheading")  # today's reminders and the plan
        self.today.hide()
        self.start = button(
            _("Start"), _("Start"), _("Start the chosen routine (Enter)"), "primary"
        )
        self.start.setMinimumWidth(260)
        self.start.clicked.connect(self._start)
        self.about = button(
            _("About these exercises"),
            _("About these exercises"),
            _("Where the exercises come from"),
        )
        self.about.clicked.connect(self.about_requested.emit)
        self.sheet = button(
            _("Exercise sheet…"),
            _("Exercise sheet"),
            _("Save the chosen routine's exercise sheet as a PDF, or print it"),
        )
        sheet_menu = QMenu(self.sheet)
        sheet_menu.addAction(_("Save as PDF…"), lambda: self._sheet(False))
        sheet_menu.addAction(_("Print…"), lambda: self._sheet(True))
        self.sheet.setMenu(sheet_menu)
        self.mine = button(
            _("&My routines…"),
            _("My routines"),
            _("Make a new routine, copy and change one, or open a routine file someone sent you"),
        )
        self.mine_menu = QMenu(self.mine)
        self.mine_actions = self._routine_menu()
        self.mine.setMenu(self.mine_menu)
        self.card_menu = QMenu(self)  # a card's right-click menu
        self._lay_out(holder)
        self._columns = 2

    def _lay_out(self, holder: QWidget) -> None:
        """The heading, the cards and the lines under them scroll together (a card has the
        most room in a small window); About and Start stay in view."""
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(48, 24, 48, 8)
        column.addWidget(label(_("Choose a routine"), "title"))
        column.addWidget(
            label(
                _("Warm-ups come first, then gentle stretches. Press Esc at any moment to stop."),
                "lead",
            )
        )
        column.addWidget(holder, 1)
        last_row = QHBoxLayout()  # the lines wrap, so the button fits an 800-pixel window
        lines = QVBoxLayout()
        lines.addWidget(self.today)
        lines.addWidget(self.last)
        last_row.addLayout(lines, 1)
        last_row.addWidget(self.mine)
        last_row.addWidget(self.sheet)
        column.addLayout(last_row)
        self.area = scrolled(page)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area, 1)
        row = QHBoxLayout()
        row.setContentsMargins(48, 8, 48, 24)
        row.addWidget(self.about)
        row.addStretch(1)
        row.addWidget(self.start)
        outer.addLayout(row)

    def show_routines(
        self,
        routines: list[tuple[Routine, float, tuple[str, ...]]],
        broken: list[InvalidRoutine] | None = None,
    ) -> None:
        """Cards for the routines on offer, then one for each file of the person's that
        cannot be used (``broken``; None keeps the ones shown)."""
        for card in [*self.cards.values(), *(self.broken_cards if broken is not None else [])]:
            card.setParent(None)
            card.deleteLater()
        self.cards = {}
        if broken is not None:
            self.broken_cards = [BrokenRoutineCard(bad) for bad in broken]
        for routine, seconds, health in routines:
            card = RoutineCard(routine, seconds, health)
            card.room = self.area.viewport().height
            card.picked.connect(self.select)
            card.activated.connect(self._activate)
            card.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            card.customContextMenuRequested.connect(lambda point, c=card: self._card_menu(c, point))
            self.cards[routine.id] = card
        for placed in [*self.cards.values(), *self.broken_cards]:
            placed.installEventFilter(self)  # the arrow keys, before the scroll area's
        self._place_cards()
        first = routines[0][0].id if routines else None
        self.select(self.selected if self.selected in self.cards else first)

    def _place_cards(self) -> None:
        """The cards in two columns of the same width, or in one when the window is too
        narrow for two to show their words (a small window, a large text size)."""
        every = [*self.cards.values(), *self.broken_cards]
        for card in every:
            self._grid.removeWidget(card)
        for stretched in range(self._grid.rowCount()):
            self._grid.setRowStretch(stretched, 0)
        for i, card in enumerate(every):
            self._grid.addWidget(card, i // self._columns, i % self._columns)
        for number in range(2):
            self._grid.setColumnStretch(number, 1 if number < self._columns else 0)
        self._grid.setRowStretch(len(every) // self._columns + 1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = 1 if event.size().width() < 900 * current_scale() else 2
        if columns != self._columns:
            self._columns = columns
            self._place_cards()
        for card in self.cards.values():  # a whole card in a short window
            card.fold()

    def show_last(self, last: SessionSummary | None) -> None:
        self.last.setText(last_session_text(last))

    def show_today(self, text: str) -> None:
        """ "Today: done this morning; this evening still to do." and the plan's progress."""
        self.today.setText(text)
        self.today.setVisible(bool(text))

    def select(self, routine_id: str | None) -> None:
        if routine_id not in self.cards:
            routine_id = next(iter(self.cards), None)
        self.selected = routine_id
        for key, card in self.cards.items():
            card.set_selected(key == routine_id)
        self.start.setEnabled(routine_id is not None)
        chosen = self.cards.get(routine_id or "")
        if chosen is not None:
            QTimer.singleShot(0, self._reveal)  # once the new cards have their places
        own = chosen is not None and not chosen.builtin
        self.mine_actions["copy"].setEnabled(chosen is not None)
        self.mine_actions["share"].setEnabled(chosen is not None)
        for key in ("change", "rename", "delete"):
            self.mine_actions[key].setEnabled(own)
        self.sheet.setEnabled(chosen is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ARROWS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and isinstance(watched, QFrame)
        ):
            rows, places = ARROWS[Qt.Key(event.key())]
            target = card_next_to(self._grid, watched, rows, places)
            if target is not watched:
                target.setFocus(Qt.FocusReason.OtherFocusReason)  # a routine's card is chosen
            self._show(target)
            return True  # at an edge too: the page does not scroll away from the focus
        return super().eventFilter(watched, event)

    def _routine_menu(self) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}
        for key, text, shortcut in ROUTINE_ACTIONS:
            if key == "-":
                self.mine_menu.addSeparator()
                continue
            action = self.mine_menu.addAction(_(text))
            action.triggered.connect(partial(self._routine_action, key))
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(action)
            actions[key] = action
        return actions

    def _reveal(self) -> None:
        card = self.cards.get(self.selected or "")
        if card is not None:
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)  # laid out now
            self._show(card)

    def _show(self, card: QWidget) -> None:
        """Scroll ``card`` into view, its title first: a card taller than the page (a banner
        above, a small window) shows its top, never only its foot."""
        if card.height() < self.area.viewport().height():
            self.area.ensureWidgetVisible(card, 0, 0)
            return
        inner = self.area.widget()
        if inner is not None:
            self.area.verticalScrollBar().setValue(card.mapTo(inner, QPoint(0, 0)).y())

    def _card_menu(self, card: RoutineCard, point: QPoint) -> None:
        """Right-click or the Menu key on a card: the "My routines" menu and the exercise
        sheet's, for that routine."""
        card.setFocus(Qt.FocusReason.OtherFocusReason)  # closing the menu comes back here
        self.select(card.routine_id)
        self.card_menu.clear()
        self.card_menu.addActions(self.mine_menu.actions())
        self.card_menu.addSeparator()
        sheet = self.sheet.menu()
        if sheet is not None:
            for action in sheet.actions():
                text = _("Exercise sheet: {action}").format(action=action.text())
                self.card_menu.addAction(text, action.trigger)
        self.card_menu.popup(card.mapToGlobal(point))

    def _routine_action(self, key: str) -> None:
        self.routine_action.emit(key, self.selected or "")

    def focus_default(self) -> None:
        card = self.cards.get(self.selected or "")
        (card or self.start).setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self._reveal)

    def _activate(self, routine_id: str) -> None:
        self.select(routine_id)
        self._start()

    def _sheet(self, printing: bool) -> None:
        if self.selected is not None:
            self.sheet_requested.emit(self.selected, printing)

    def _start(self) -> None:
        if self.selected is not None:
            self.start_requested.emit(self.selected)
