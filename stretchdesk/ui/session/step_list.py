"""The session's steps at a glance: done, now, next, and stretches locked until the warm-ups."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from stretchdesk.i18n import N_, _
from stretchdesk.session import AgendaEntry, ItemState
from stretchdesk.ui.kit.theme import current_colors
from stretchdesk.ui.kit.widgets import plain_tip

MARKS = {
    ItemState.DONE: "✓",
    ItemState.SKIPPED: "–",
    ItemState.CURRENT: "▶",
    ItemState.UPCOMING: "○",
    ItemState.LOCKED: "⊘",
}
NOTES = {
    ItemState.DONE: N_("done"),
    ItemState.SKIPPED: N_("skipped"),
    ItemState.CURRENT: N_("now"),
    ItemState.UPCOMING: "",
    ItemState.LOCKED: N_("locked until the warm-ups are done"),
}
POSITION_ROLE = Qt.ItemDataRole.UserRole + 1


def entry_text(entry: AgendaEntry) -> str:
    title = entry.item.step.title
    if entry.item.is_rewarm:
        title = _("{title} (re-warm)").format(title=title)
    return f"{MARKS[entry.state]}  {title}"


def spoken_text(entry: AgendaEntry) -> str:
    note = NOTES[entry.state]
    title = entry.item.step.title
    return _("{title}, {state}").format(title=title, state=_(note)) if note else title


def header_text(entries: list[AgendaEntry], index: int) -> str:
    phase = entries[index].item.phase
    names = {"warmup": N_("Warm-ups"), "stretch": N_("Stretches"), "cooldown": N_("Cool-downs")}
    name = _("Re-warm") if entries[index].item.is_rewarm else _(names[phase.value])
    if entries[index].state is ItemState.LOCKED:
        name = _("{phase} · locked").format(phase=name)
    return name.upper()


class StepList(QListWidget):
    """Enter or a double click asks to go to a step; the engine decides whether it may."""

    jump_requested = Signal(int)
    swap_requested = Signal(int)  # P on a warm-up: its other position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Steps of this session"))
        self.setAccessibleDescription(
            _(
                "Done, current and coming steps. Stretches stay locked until the warm-ups "
                "are done. "
                "Press Enter to go to a step, P to do a warm-up in its other position."
            )
        )
        self.setWordWrap(True)  # long names wrap; they are never cut
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # and wrap again when it resizes
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(self._activated)
        self._shown: list[tuple[str, ItemState]] = []

    def show_agenda(
        self, entries: list[AgendaEntry], notes: Mapping[int, str] | None = None
    ) -> None:
        """``notes``: why a routine step is left out or needs care (the health check)."""
        notes = notes or {}

        def note_of(entry: AgendaEntry) -> str:
            index = entry.item.routine_index
            return notes.get(index, "") if index is not None else ""

        shown = [(entry_text(e) + ("  ⚠" if note_of(e) else ""), e.state) for e in entries]
        if shown == self._shown:
            return
        self._shown = shown
        c = current_colors()
        self.clear()
        group: tuple[object, bool] | None = None
        current_row = -1
        for position, entry in enumerate(entries):
            if (entry.item.phase, entry.item.is_rewarm) != group:
                group = (entry.item.phase, entry.item.is_rewarm)
                header = QListWidgetItem(header_text(entries, position))
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                if entry.state is ItemState.LOCKED:
                    header.setToolTip(_("Stretches unlock when the warm-ups are done"))
                    header.setData(
                        Qt.ItemDataRole.AccessibleTextRole,
                        _("Stretches, locked until the warm-ups are done"),
                    )
                font = QFont(self.font())
                font.setBold(True)
                header.setFont(font)
                header.setForeground(QColor(c.muted))
                self.addItem(header)
            item = QListWidgetItem(shown[position][0])
            item.setData(POSITION_ROLE, position)
            note = note_of(entry)
            spoken = f"{spoken_text(entry)}. {note}" if note else spoken_text(entry)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(plain_tip(spoken))
            if entry.state in (ItemState.LOCKED, ItemState.DONE, ItemState.SKIPPED):
                item.setForeground(QColor(c.muted))
            if entry.state is ItemState.CURRENT:
                font = QFont(self.font())
                font.setBold(True)
                item.setFont(font)
                current_row = self.count()
            self.addItem(item)
        self._fit_rows()
        if current_row >= 0:
            self.setCurrentRow(current_row)
            self.scrollToItem(self.item(current_row))

    def _fit_rows(self) -> None:
        """Each row as tall as its wrapped name needs at this width (never cut short)."""
        self.ensurePolished()
        width = max(40, self.viewport().width() - 16)
        for row in range(self.count()):
            item = self.item(row)
            font = QFont(self.font())  # the list's own size (its style sheet sets it)
            font.setBold(item.font().bold())
            metrics = QFontMetrics(font)
            needed = metrics.boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text()
            )
            item.setSizeHint(QSize(width, needed.height() + 10))
        self.doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() == Qt.Key.Key_P and item is not None and not event.isAutoRepeat():
            position = item.data(POSITION_ROLE)
            if position is not None:
                self.swap_requested.emit(int(position))
                event.accept()
                return
        super().keyPressEvent(event)

    def _activated(self, item: QListWidgetItem) -> None:
        position = item.data(POSITION_ROLE)
        if position is not None:
            self.jump_requested.emit(int(position))
