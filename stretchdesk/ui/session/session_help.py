"""The session's help (F1): when pain means stop, in the sourced words of safety.toml, and
the keys. Shown above the exercise until F1 is pressed again."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout

from stretchdesk.i18n import N_, _
from stretchdesk.routine.content import SafetyContent
from stretchdesk.ui.before.safety_screen import section_widgets
from stretchdesk.ui.kit.widgets import label

KEYS = N_(
    "Keys: Space start, pause or go on · Esc pain — stop · ◀ ▶ back and next · "
    "P other position (warm-ups) · F1 this help"
)


def help_panel(content: SafetyContent) -> QFrame:
    panel = QFrame()
    panel.setProperty("role", "panel")
    panel.setAccessibleName(_("Help"))
    column = QVBoxLayout(panel)
    column.setContentsMargins(16, 12, 16, 12)
    for widget in section_widgets(
        content.pain_stop, heading_role="subheading", lines_role="instructions"
    ):
        column.addWidget(widget)
    column.addWidget(label(_(KEYS), "muted"))
    panel.hide()
    return panel
