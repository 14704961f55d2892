"""The session engine: a state machine over a routine on an injected clock. Imports no Qt.

The names below load with their own module when first used (``from stretchdesk.session
import SessionEngine`` loads the engine then), so that a module needing only the events or
the settings does not load the engine with them."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# each name and the module of this package that holds it
_HOMES = {
    "Clock": "clock",
    "FakeClock": "clock",
    "monotonic": "clock",
    "SessionEngine": "engine",
    "Event": "events",
    "RewarmLevel": "events",
    "StepStatus": "events",
    "StopLocation": "events",
    "StopReason": "events",
    "AgendaItem": "plan",
    "Segment": "plan",
    "SegmentKind": "plan",
    "SessionOptions": "settings",
    "SessionSettings": "settings",
    "AgendaEntry": "view",
    "EngineState": "view",
    "ItemState": "view",
    "Refusal": "view",
    "RefusalReason": "view",
    "SessionView": "view",
}

if TYPE_CHECKING:
    from stretchdesk.session.clock import Clock, FakeClock, monotonic
    from stretchdesk.session.engine import SessionEngine
    from stretchdesk.session.events import (
        Event,
        RewarmLevel,
        StepStatus,
        StopLocation,
        StopReason,
    )
    from stretchdesk.session.plan import AgendaItem, Segment, SegmentKind
    from stretchdesk.session.settings import SessionOptions, SessionSettings
    from stretchdesk.session.view import (
        AgendaEntry,
        EngineState,
        ItemState,
        Refusal,
        RefusalReason,
        SessionView,
    )
else:

    def __getattr__(name: str) -> object:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(f"{__name__}.{home}"), name)
        globals()[name] = value
        return value


__all__ = [
    "AgendaEntry",
    "AgendaItem",
    "Clock",
    "EngineState",
    "Event",
    "FakeClock",
    "ItemState",
    "Refusal",
    "RefusalReason",
    "RewarmLevel",
    "Segment",
    "SegmentKind",
    "SessionEngine",
    "SessionOptions",
    "SessionSettings",
    "SessionView",
    "StepStatus",
    "StopLocation",
    "StopReason",
    "monotonic",
]
