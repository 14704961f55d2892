"""Who the routines are for, and the red flags: shown on first run and from the Safety tab."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from stretchdesk.i18n import _
from stretchdesk.routine.content import SafetyContent, Section
from stretchdesk.ui.kit.read_aloud import read_in_order, tab_stop
from stretchdesk.ui.kit.widgets import bullet_list, button, label, reading


def section_widgets(
    section: Section,
    *,
    heading_role: str = "alert",
    lines_role: str | None = None,
    lead_role: str | None = None,
) -> list[QWidget]:
    """Heading, lead sentence, bulleted lines and sources of one section, for a layout."""
    heading = label(section.title, heading_role)
    lead = label(section.lead.text, lead_role or lines_role) if section.lead else None
    lines = tab_stop(
        bullet_list(section.lines, lines_role),
        (section.title, section.lead.text if section.lead else "", *section.lines),
    )
    source = (
        label(_("Source: {names}").format(names=section.source), "small")
        if section.source
        else None
    )
    return [w for w in (heading, lead, lines, source) if w is not None]


def red_flags(
    content: SafetyContent,
    *,
    lines_role: str | None = "lead",
    lead_role: str = "emergency-lead",
    extra: tuple[Section, ...] = (),
) -> list[QWidget]:
    """The two levels of red flags: the emergency first, larger and framed in red, then
    "see a doctor soon" (and any ``extra`` sections) in a plain panel."""
    emergency = _alert_box(content.emergency, "emergency", lines_role, lead_role)
    soon = QFrame()
    soon.setProperty("role", "panel")
    column = QVBoxLayout(soon)
    column.setContentsMargins(24, 16, 24, 16)
    for number, section in enumerate((content.doctor, *extra)):
        if number:
            column.addSpacing(12)
        for widget in section_widgets(section, heading_role="heading", lines_role=lines_role):
            column.addWidget(widget)
    return [emergency, soon]


def pregnancy_signs(content: SafetyContent) -> QFrame:
    """When to call the midwife or maternity unit, framed like the emergency list; hidden
    until the pregnancy answer is given (the health check shows it then)."""
    frame = _alert_box(content.pregnancy_signs, "alert", "lead", "lead")
    frame.setVisible(False)
    return frame


def _alert_box(
    section: Section, heading_role: str, lines_role: str | None, lead_role: str
) -> QFrame:
    """A section framed in red; its lines are a Tab stop named with the heading."""
    frame = QFrame()
    frame.setProperty("role", "emergency-box")
    column = QVBoxLayout(frame)
    column.setContentsMargins(24, 16, 24, 16)
    for widget in section_widgets(
        section, heading_role=heading_role, lines_role=lines_role, lead_role=lead_role
    ):
        column.addWidget(widget)
    return frame


class SafetyScreen(QFrame):
    understood = Signal()

    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Safety information"))
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 24, 48, 24)
        column.setSpacing(10)
        title = label(content.who.title, "title")
        column.addWidget(title)
        who = tab_stop(bullet_list(content.who.lines, "lead"), (title.text(), *content.who.lines))
        column.addWidget(who)
        column.addWidget(label(_("Source: {names}").format(names=content.who.source), "small"))
        column.addSpacing(12)
        # the red flags come first, the emergency largest; never smaller than the other lines
        for widget in red_flags(content, lines_role="lead"):
            column.addWidget(widget)
            column.addSpacing(12)
        for widget in section_widgets(
            content.pain_stop, heading_role="heading", lines_role="lead", lead_role="lead"
        ):
            column.addWidget(widget)
        column.addStretch(1)
        self.ok = button(
            _("I understand"),
            _("I understand"),
            _("I have read who these routines are for and when to seek care (Enter)"),
            "primary",
        )
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.understood.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(reading(inner, self.accessibleName()), 1)
        bottom = QWidget()
        bottom.setLayout(row)
        row.setContentsMargins(48, 8, 48, 24)
        outer.addWidget(bottom)
        # Tab from "I understand" reads each section once, in the order shown
        read_in_order(self.ok, [w for w in inner.findChildren(QLabel) if w.property("readable")])

    def focus_default(self) -> None:
        self.ok.setFocus(Qt.FocusReason.OtherFocusReason)
