"""Records quick-relief sessions into a history, as fast as it can, until it is killed.

After each committed step it prints ``step SESSION POSITION``; the parent test kills it at
random moments and checks that every step it announced is in the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from stretchdesk import paths
from stretchdesk.history import HistoryStore, SessionRecorder
from stretchdesk.routine import load_catalog, load_library
from stretchdesk.session import FakeClock, SessionEngine
from stretchdesk.session.emitter import Stage
from stretchdesk.session.events import Event, SessionStarted, StepFinished


def main() -> None:
    store, _ = HistoryStore.open(Path(sys.argv[1]))
    library = load_library(paths.exercises_dir())
    routine = load_catalog(library, paths.builtin_routines_dir()).get("quick-relief")
    assert routine is not None
    print("ready", flush=True)
    while True:
        clock = FakeClock()
        engine = SessionEngine(routine, clock=clock)
        recorder = SessionRecorder(store, clock=clock)

        def announce(event: Event, recorder: SessionRecorder = recorder) -> None:
            # the recorder's stage comes first, so this runs after its commit returned
            if isinstance(event, SessionStarted):
                print(f"session {recorder.session_id}", flush=True)
            elif isinstance(event, StepFinished):
                print(f"step {recorder.session_id} {event.position}", flush=True)

        engine.add_listener(recorder, Stage.RECORD)
        engine.add_listener(announce, Stage.SHOW)
        engine.start()
        while not engine.finished:
            clock.advance(2.0)
            engine.poll()


if __name__ == "__main__":
    main()
