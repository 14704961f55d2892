"""The session engine: a state machine over a routine on an injected clock. Imports no Qt."""

from stretchdesk.session.clock import Clock, FakeClock, monotonic
from stretchdesk.session.engine import SessionEngine
from stretchdesk.session.events import Event, RewarmLevel, StepStatus, StopLocation, StopReason
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
