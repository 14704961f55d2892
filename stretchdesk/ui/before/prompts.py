"""The three questions before a session, each in its own module; named here for
ui/shell/screens.py, which imports them from this one."""

from stretchdesk.ui.before.advice_screen import AdviceScreen
from stretchdesk.ui.before.avoid_screen import AvoidScreen
from stretchdesk.ui.before.pain_before_screen import PainBeforeScreen

__all__ = ["AdviceScreen", "AvoidScreen", "PainBeforeScreen"]
