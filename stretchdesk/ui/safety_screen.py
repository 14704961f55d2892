"""Who the routines are for, and the red flags: shown on first run and from the Safety tab."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from stretchdesk.routine.content import SafetyContent, Section
from stretchdesk.ui.widgets import bullet_list, button, label, scrolled


def section_widgets(
    section: Section, *, heading_role: str = "alert", lines_role: str | None = None
) -> list[QWidget]:
    """Heading, bulleted lines and source of one section, for a layout to hold."""
    heading = label(section.title, heading_role)
    lines = bullet_list(section.lines, lines_role)
    lines.setAccessibleName(section.title)
    source = label(f"Source: {section.source}", "small") if section.source else None
    return [w for w in (heading, lines, source) if w is not None]


class SafetyScreen(QWidget):
    understood = Signal()

    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Safety information")
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 24, 48, 24)
        column.setSpacing(10)
        title = label(content.who.title, "title")
        column.addWidget(title)
        who = bullet_list(content.who.lines, "lead")
        who.setAccessibleName("Who these routines are for")
        column.addWidget(who)
        column.addWidget(label(f"Source: {content.who.source}", "small"))
        column.addSpacing(12)
        flags = QHBoxLayout()
        flags.setSpacing(32)
        for section in (content.emergency, content.doctor):
            box = QVBoxLayout()
            for widget in section_widgets(section):
                box.addWidget(widget)
            box.addStretch(1)
            flags.addLayout(box, 1)
        column.addLayout(flags)
        column.addStretch(1)
        self.ok = button(
            "I understand",
            "I understand",
            "I have read who these routines are for and when to seek care (Enter)",
            "primary",
        )
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.understood.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner), 1)
        bottom = QWidget()
        bottom.setLayout(row)
        row.setContentsMargins(48, 8, 48, 24)
        outer.addWidget(bottom)

    def focus_default(self) -> None:
        self.ok.setFocus(Qt.FocusReason.OtherFocusReason)
