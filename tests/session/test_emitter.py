"""Listeners hear each event stage by stage, whatever order they were added in, and one
that raises never keeps the others from hearing."""

from __future__ import annotations

import pytest

from stretchdesk.routine import Catalog
from stretchdesk.session import FakeClock, SessionEngine
from stretchdesk.session.emitter import ListenerFailure, Stage
from stretchdesk.session.events import Event, SessionStarted, SessionStopped


def _engine(catalog: Catalog) -> SessionEngine:
    routine = catalog.get("quick-relief")
    assert routine is not None
    return SessionEngine(routine, clock=FakeClock())


def test_stages_go_silence_record_show_whatever_the_order_added(catalog: Catalog) -> None:
    engine = _engine(catalog)
    heard: list[str] = []
    for stage in (Stage.SHOW, Stage.RECORD, Stage.SILENCE):
        engine.add_listener(
            lambda e, s=stage: heard.append(s.name) if isinstance(e, SessionStopped) else None,
            stage,
        )
    engine.start()
    engine.pain_stop()
    assert heard == ["SILENCE", "RECORD", "SHOW"]


@pytest.mark.parametrize("stage", list(Stage))
def test_a_raising_listener_is_reported_and_the_rest_still_hear(
    catalog: Catalog, stage: Stage
) -> None:
    engine = _engine(catalog)
    failures: list[ListenerFailure] = []
    engine.on_listener_error = failures.append
    heard: dict[Stage, list[Event]] = {s: [] for s in Stage}

    def broken(event: Event) -> None:
        raise RuntimeError("gone")

    engine.add_listener(broken, stage)  # first in its own stage
    for each in Stage:
        engine.add_listener(heard[each].append, each)
    engine.start()
    engine.pain_stop()
    for each in Stage:
        assert isinstance(heard[each][0], SessionStarted)
        assert isinstance(heard[each][-1], SessionStopped)
    assert failures
    assert {f.stage for f in failures} == {stage}
    assert all(str(f.error) == "gone" for f in failures)
    assert engine.finished


def test_a_failing_reporter_does_not_stop_delivery(catalog: Catalog) -> None:
    engine = _engine(catalog)

    def reporter(failure: ListenerFailure) -> None:
        raise OSError("no disk for the crash log")

    engine.on_listener_error = reporter
    engine.add_listener(lambda e: 1 / 0, Stage.SILENCE)
    heard: list[Event] = []
    engine.add_listener(heard.append, Stage.RECORD)
    engine.start()
    engine.pain_stop()
    assert isinstance(heard[-1], SessionStopped)


def test_without_a_reporter_everyone_hears_then_the_first_error_is_raised(
    catalog: Catalog,
) -> None:
    engine = _engine(catalog)
    engine.add_listener(lambda e: 1 / 0, Stage.SILENCE)
    heard: list[Event] = []
    engine.add_listener(heard.append, Stage.SHOW)
    with pytest.raises(ZeroDivisionError):
        engine.start()
    assert isinstance(heard[0], SessionStarted)
    assert engine.state.name == "RUNNING"
