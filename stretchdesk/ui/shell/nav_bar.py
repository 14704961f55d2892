"""The row of plain buttons at the top of the window: Routines, History, Settings, Safety,
About, each reached with Alt and its underlined letter (in the person's language)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from stretchdesk.i18n import N_, _
from stretchdesk.ui.kit.fit_words import RowFit
from stretchdesk.ui.kit.widgets import button, restyle
from stretchdesk.ui.shell.screen_names import Screen

ENTRIES = (  # the caption with its Alt key, the name, the screen
    (N_("&Routines"), N_("Routines"), Screen.START),
    (N_("&History"), N_("History"), Screen.HISTORY),
    (N_("&Settings"), N_("Settings"), Screen.SETTINGS),
    (N_("Sa&fety"), N_("Safety"), Screen.SAFETY),
    (N_("&About"), N_("About these exercises"), Screen.ABOUT),
)


def nav_bar(
    go: Callable[[Screen], None], shown: Screen | None = None
) -> tuple[QWidget, dict[Screen, QPushButton]]:
    """The bar and its buttons by screen; a click calls ``go(screen)``. ``shown``: the
    screen to be shown first, marked before the buttons are first styled."""
    bar = QWidget()
    row = QHBoxLayout(bar)
    row.setContentsMargins(24, 6, 24, 0)
    buttons: dict[Screen, QPushButton] = {}
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
    mark_current(buttons, shown)  # (before RowFit measures them: nothing to restyle later)
    RowFit(bar, list(buttons.values()))  # a long translation at a large size: smaller words
    return bar, buttons


def mark_current(buttons: dict[Screen, QPushButton], shown: Screen | None) -> None:
    """The button of the screen shown now says so (to the eye and to a screen reader)."""
    for key, item in buttons.items():
        here = key is shown
        if item.property("current") != ("true" if here else "false"):
            item.setProperty("current", "true" if here else "false")
            item.setAccessibleDescription(
                _("The screen shown now")
                if here
                else _("Show {screen}").format(screen=item.accessibleName())
            )
            restyle(item)
