"""The row of plain buttons at the top of the window: Routines, History, Settings, Safety,
About, each reached with Alt and its underlined letter (in the person's language)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from stretchdesk.i18n import N_, _
from stretchdesk.ui.kit.widgets import button

ENTRIES = (  # the caption with its Alt key, the name, the screen
    (N_("&Routines"), N_("Routines"), "start"),
    (N_("&History"), N_("History"), "history"),
    (N_("&Settings"), N_("Settings"), "settings"),
    (N_("Sa&fety"), N_("Safety"), "safety"),
    (N_("&About"), N_("About these exercises"), "about"),
)


def nav_bar(go: Callable[[str], None]) -> tuple[QWidget, dict[str, QPushButton]]:
    """The bar and its buttons by screen; a click calls ``go(screen)``."""
    bar = QWidget()
    row = QHBoxLayout(bar)
    row.setContentsMargins(24, 6, 24, 0)
    buttons: dict[str, QPushButton] = {}
    for marked, named, screen in ENTRIES:
        text, name = _(marked), _(named)
        key = text[text.index("&") + 1] if "&" in text else ""
        show = _("Show {screen} (Alt+{key})").format(screen=name.lower(), key=key)
        item = button(text, name, show)
        item.setProperty("kind", "nav")  # plain buttons: each is one Tab stop
        item.clicked.connect(lambda _checked=False, s=screen: go(s))
        row.addWidget(item)
        buttons[screen] = item
    row.addStretch(1)
    return bar, buttons
