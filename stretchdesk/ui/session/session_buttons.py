"""The session's buttons as the engine's state has them: Start, Pause or Resume; Routines
before the start, Back after it; the other position of a warm-up that has one. Their words,
names for a screen reader and tips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchdesk.i18n import _
from stretchdesk.routine.model import Step
from stretchdesk.session import EngineState
from stretchdesk.ui.kit.widgets import plain_tip

if TYPE_CHECKING:
    from stretchdesk.ui.session.session_layout import SessionLayout


def label_buttons(
    layout: SessionLayout, state: EngineState, other: Step | None, *, swappable: bool
) -> None:
    """Set the buttons of ``layout`` for ``state`` and the step's ``other`` position."""
    labels = {EngineState.READY: _("Start"), EngineState.RUNNING: _("Pause")}
    text = labels.get(state, _("Resume"))
    layout.pause_button.setText(_("{action}  (Space)").format(action=text))
    ready = state is EngineState.READY
    layout.back_button.setText(_("◀  Routines") if ready else _("◀  Back"))
    layout.fit.refit()  # the words changed: they still fit their buttons
    layout.back_button.setAccessibleName(_("Back to the routines") if ready else _("Back"))
    layout.next_button.setEnabled(not ready)
    layout.pause_button.setAccessibleName(text)
    layout.swap_button.setVisible(swappable)
    if other is not None:
        layout.swap_button.setText(_("Other position  (P)"))
        layout.fit.refit()
        layout.swap_button.setToolTip(
            plain_tip(
                _("Do it {position}: {title} (P)").format(
                    position=other.position.label, title=other.title
                )
            )
        )
        layout.swap_button.setAccessibleName(_("Other position: {title}").format(title=other.title))
