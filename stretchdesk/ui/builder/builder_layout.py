"""The builder's widgets and where they sit; builder_screen.py gives them their behaviour.

The fields (title, who made it, description, note, source) across the top; the library,
the steps and the chosen step side by side; what happened, the problems, Undo, Redo, the
planned minutes, Close and Save below. The whole screen scrolls on a small window or with
big text instead of making the window grow, and Tab goes as the eye reads.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.i18n import N_, _
from stretchdesk.ui.builder.builder_lists import LibraryList, StepList
from stretchdesk.ui.builder.builder_step import StepDetails
from stretchdesk.ui.kit.flow_layout import FlowLayout
from stretchdesk.ui.kit.widgets import SideBySide, bullet_list, button, label, scrolled

TEXT_FIELDS = (
    ("title", N_("&Title"), N_("The routine's name on its card")),
    ("author", N_("&Who made it"), N_('For example "Prescribed by A. Physio, 3 December"')),
    ("description", N_("&Description"), N_("A sentence or two for the card")),
    ("note", N_("&Note"), N_('For example "For 2 weeks, then come back to see me"')),
    (
        "source",
        N_("So&urce"),
        N_('Where the exercises and doses come from: [NHS], an address, or "my own choice"'),
    ),
)


def buddy_of(field: QWidget, text: str) -> QLabel:
    """A list's heading, whose Alt key goes to the list."""
    heading = label(text, "subheading")
    heading.setBuddy(field)
    return heading


class BuilderLayout(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Routine builder"))
        self.heading = label("", "title")
        self.fields: dict[str, QLineEdit] = {}
        self.library_list = LibraryList()
        self.steps = StepList()
        self.details = StepDetails()
        self.status = label("", "muted")
        self.problems = bullet_list([], "caution")
        self.minutes = label("", "subheading")
        self._build()
        self._tab_order()

    # ------------------------------------------------------------------ layout
    def _fields(self) -> QGridLayout:
        grid = QGridLayout()
        for i, (key, marked, marked_hint) in enumerate(TEXT_FIELDS):
            text, hint = _(marked), _(marked_hint)
            field = QLineEdit()
            field.setAccessibleName(text.replace("&", ""))
            field.setPlaceholderText(hint)
            field.setToolTip(hint)
            name = label(text, wrap=False)
            name.setBuddy(field)
            name.setTextFormat(Qt.TextFormat.PlainText)
            row, col = (i // 2, (i % 2) * 2) if key != "source" else (2, 0)
            grid.addWidget(name, row, col)
            grid.addWidget(field, row, col + 1, 1, 3 if key == "source" else 1)
            self.fields[key] = field
        return grid

    def _build(self) -> None:
        grid = self._fields()
        self._buttons()
        lists_holder = self._lists()
        bottom = QWidget()  # on two lines when the window is narrow
        bottom_flow = FlowLayout(bottom)
        placed: tuple[QWidget, ...] = (
            self.undo_button,
            self.redo_button,
            self.minutes,
            self.close_button,
            self.save_button,
        )
        for widget in placed:
            bottom_flow.add(widget)
        inner = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner))  # a small window or big text scrolls, never grows
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 16, 48, 16)
        column.addWidget(self.heading)
        column.addLayout(grid)
        column.addWidget(lists_holder, 1)
        column.addWidget(self.status)
        column.addWidget(self.problems)
        column.addWidget(bottom)

    def _buttons(self) -> None:
        self.add_button = button(
            _("Add →"), _("Add"), _("Add the chosen exercise to the routine (Enter)")
        )
        self.up_button = button(_("Move up"), _("Move up"), _("Move the chosen step up (Alt+Up)"))
        self.down_button = button(
            _("Move down"), _("Move down"), _("Move the chosen step down (Alt+Down)")
        )
        self.remove_button = button(
            _("Re&move"), _("Remove"), _("Take the chosen step out (Delete)")
        )
        self.undo_button = button(_("Undo"), _("Undo"), _("Undo the last change (Ctrl+Z)"))
        self.redo_button = button(_("Redo"), _("Redo"), _("Redo what was undone (Ctrl+Shift+Z)"))
        self.close_button = button(
            _("&Close"), _("Close"), _("Back to the routines; asks if not saved")
        )
        self.save_button = button(_("Sa&ve"), _("Save"), _("Save the routine (Ctrl+S)"), "primary")

    def _lists(self) -> QWidget:
        """The exercises, the steps, and the chosen step beside them (under them in a
        narrow window)."""
        left = QVBoxLayout()
        left.addWidget(buddy_of(self.library_list, _("E&xercises")))
        left.addWidget(self.library_list, 1)
        left.addWidget(self.add_button)
        middle = QVBoxLayout()
        middle.addWidget(buddy_of(self.steps, _("Steps, in &order")))
        middle.addWidget(self.steps, 1)
        moves = QWidget()  # on two lines when the list is narrow
        flow = FlowLayout(moves)
        for item in (self.up_button, self.down_button, self.remove_button):
            flow.add(item)
        middle.addWidget(moves)
        pair = QHBoxLayout()
        pair.setSpacing(24)
        pair.addLayout(left, 3)
        pair.addLayout(middle, 4)
        lists_holder = QWidget()  # the chosen step goes under the lists in a narrow window
        lists = SideBySide(lists_holder, 1100, scaled=True)
        lists.setContentsMargins(0, 0, 0, 0)
        lists.setSpacing(24)
        lists.addLayout(pair, 7)
        details = scrolled(self.details)  # its own scroll: the lists keep their height
        details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lists.addWidget(details, 3)
        return lists_holder

    def _tab_order(self) -> None:
        """Tab goes as the eye reads: the fields, the library, the steps, the chosen step,
        then Undo, Redo, Close and Save."""
        chain: list[QWidget] = [
            *self.fields.values(),
            self.library_list,
            self.add_button,
            self.steps,
            self.up_button,
            self.down_button,
            self.remove_button,
            self.details.phase,
            *self.details.numbers.values(),
            self.details.sides,
            self.undo_button,
            self.redo_button,
            self.close_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
