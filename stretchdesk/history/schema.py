"""The history schema, one migration per version. ``PRAGMA user_version`` holds the version."""

from __future__ import annotations

import sqlite3

V1 = """
CREATE TABLE session (
    id INTEGER PRIMARY KEY,
    routine_id TEXT NOT NULL,
    routine_title TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    outcome TEXT NOT NULL DEFAULT 'running' CHECK (outcome IN
        ('running', 'completed', 'stopped_for_pain', 'ended_early', 'interrupted')),
    total_steps INTEGER NOT NULL,
    planned_seconds REAL NOT NULL,
    active_seconds REAL NOT NULL DEFAULT 0,
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    stopped_step INTEGER,
    stopped_exercise TEXT,
    stopped_side TEXT,
    stopped_rep INTEGER,
    stopped_seconds REAL,
    owner TEXT NOT NULL
);
CREATE INDEX session_started ON session (started_at);
CREATE INDEX session_running ON session (outcome) WHERE outcome = 'running';

CREATE TABLE step (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    routine_step INTEGER,
    exercise_id TEXT NOT NULL,
    title TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('warmup', 'stretch', 'cooldown')),
    status TEXT NOT NULL CHECK (status IN ('completed', 'skipped')),
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    active_seconds REAL NOT NULL
);
CREATE INDEX step_session ON step (session_id);

CREATE TABLE pain_report (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    reported_at TEXT NOT NULL,
    rating INTEGER CHECK (rating BETWEEN 0 AND 10),
    exercise_id TEXT,
    title TEXT,
    side TEXT,
    rep INTEGER,
    seconds_into_step REAL
);
CREATE INDEX pain_report_session ON pain_report (session_id);
CREATE INDEX pain_report_exercise ON pain_report (exercise_id, reported_at);
"""

# Version 2: a short note on a session (from the recovery or completion screen).
V2 = """
ALTER TABLE session ADD COLUMN note TEXT CHECK (note IS NULL OR length(note) <= 2000);
"""

# Version 3: the outcome "completed_with_skips"; a step "stopped" in progress by the end of
# its session; last_seen_at, the last moment a running session was known to be alive (an
# interrupted session ends there). SQLite cannot change a CHECK constraint, so both tables
# are rebuilt as its documentation describes (foreign keys off, copy, drop, rename).
V3 = """
CREATE TABLE session_v3 (
    id INTEGER PRIMARY KEY,
    routine_id TEXT NOT NULL,
    routine_title TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    outcome TEXT NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'completed',
        'completed_with_skips', 'stopped_for_pain', 'ended_early', 'interrupted')),
    total_steps INTEGER NOT NULL,
    planned_seconds REAL NOT NULL,
    active_seconds REAL NOT NULL DEFAULT 0,
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    stopped_step INTEGER,
    stopped_exercise TEXT,
    stopped_side TEXT,
    stopped_rep INTEGER,
    stopped_seconds REAL,
    owner TEXT NOT NULL,
    note TEXT CHECK (note IS NULL OR length(note) <= 2000),
    last_seen_at TEXT
);
INSERT INTO session_v3 (id, routine_id, routine_title, started_at, ended_at, outcome,
    total_steps, planned_seconds, active_seconds, pain_before, pain_after, stopped_step,
    stopped_exercise, stopped_side, stopped_rep, stopped_seconds, owner, note)
SELECT id, routine_id, routine_title, started_at, ended_at, outcome,
    total_steps, planned_seconds, active_seconds, pain_before, pain_after, stopped_step,
    stopped_exercise, stopped_side, stopped_rep, stopped_seconds, owner, note FROM session;
DROP TABLE session;
ALTER TABLE session_v3 RENAME TO session;
CREATE INDEX session_started ON session (started_at);
CREATE INDEX session_running ON session (outcome) WHERE outcome = 'running';

CREATE TABLE step_v3 (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    routine_step INTEGER,
    exercise_id TEXT NOT NULL,
    title TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('warmup', 'stretch', 'cooldown')),
    status TEXT NOT NULL CHECK (status IN ('completed', 'skipped', 'stopped')),
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    active_seconds REAL NOT NULL
);
INSERT INTO step_v3 SELECT id, session_id, position, routine_step, exercise_id, title, phase,
    status, started_at, ended_at, active_seconds FROM step;
DROP TABLE step;
ALTER TABLE step_v3 RENAME TO step;
CREATE INDEX step_session ON step (session_id)
"""

# Version 4: each step's dose as planned for that session (hold and reps on each side, or
# the seconds of a movement), so a clinician can follow an exercise's dose over time; and
# the warm-up it was swapped from, when it was done in its other position.
V4 = """
ALTER TABLE step ADD COLUMN planned_seconds REAL;
ALTER TABLE step ADD COLUMN hold REAL;
ALTER TABLE step ADD COLUMN reps INTEGER;
ALTER TABLE step ADD COLUMN sides TEXT;
ALTER TABLE step ADD COLUMN swapped_from TEXT;
CREATE INDEX step_exercise ON step (exercise_id)
"""

# Version 5: what the person was shown before a session, for the report to a clinician: the
# health check's answers (one "health" row per session, its name the answers' words, empty
# for none), each step those answers left out, marked or had done in its other position
# (its routine step and title), and
# each suggestion from the history as it was worded. A suggestion after which the person
# chose "not today" has no session.
V5 = """
CREATE TABLE shown (
    id INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES session (id) ON DELETE CASCADE,
    shown_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('health', 'left_out', 'marked', 'swapped',
        'suggestion')),
    name TEXT NOT NULL CHECK (length(name) <= 200),
    detail TEXT CHECK (detail IS NULL OR length(detail) <= 2000),
    step INTEGER
);
CREATE INDEX shown_session ON shown (session_id);
CREATE INDEX shown_when ON shown (shown_at)
"""

# Version 6: one history across a person's computers (history/sync/). Every session gets a
# unique id (uid) when it is written; "device" names the computer a session was done on
# (NULL: this one), "shared" that it is in the sync folder (written there or read from
# there). sync_device: the computers' names; sync_field: the latest change known to each
# changeable field of a session (its value as JSON, its recorded time and computer);
# sync_dirty: shared sessions changed here since the last pass; sync_file: the files of
# the sync folder already read; sync_dir: its folders read whole, as of their mtime.
V6 = """
ALTER TABLE session ADD COLUMN uid TEXT;
ALTER TABLE session ADD COLUMN device TEXT;
ALTER TABLE session ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
UPDATE session SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX session_uid ON session (uid);
CREATE INDEX session_unshared ON session (shared) WHERE shared = 0;
CREATE TRIGGER session_uid_given AFTER INSERT ON session WHEN NEW.uid IS NULL
BEGIN
    UPDATE session SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE TABLE sync_device (
    device TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) <= 200)
) WITHOUT ROWID;
CREATE TABLE sync_field (
    uid TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    at TEXT NOT NULL,
    device TEXT NOT NULL,
    PRIMARY KEY (uid, field)
) WITHOUT ROWID;
CREATE TABLE sync_dirty (session_id INTEGER PRIMARY KEY);
CREATE TABLE sync_file (name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE sync_dir (path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL) WITHOUT ROWID;
CREATE TRIGGER session_changed AFTER UPDATE OF note, outcome, pain_before, pain_after
ON session WHEN NEW.shared = 1
BEGIN
    INSERT OR IGNORE INTO sync_dirty (session_id) VALUES (NEW.id);
END;
CREATE TRIGGER pain_rated AFTER UPDATE OF rating ON pain_report
BEGIN
    INSERT OR IGNORE INTO sync_dirty (session_id)
    SELECT id FROM session WHERE id = NEW.session_id AND shared = 1;
END
"""

# Version 7: the latest change known to each changeable field of a session read from another
# computer's file, kept on its row rather than as five rows of sync_field: known_at, the
# file's recorded time (its computer is the session's device), and known, the fields' values
# in that file as a JSON array (sync/records.py FIELDS' order). A later change to a field is
# a row of sync_field, which wins over these by its time.
V7 = """
ALTER TABLE session ADD COLUMN known_at TEXT;
ALTER TABLE session ADD COLUMN known TEXT
"""

# Version 8: the steps of another computer's sessions read from its month file, kept as one
# value a month (step_pack: the month's steps, history/packed.py, and the ids of its
# sessions) until they are written as rows of step a few months at a time; meanwhile each
# such session's counts are on its row (packed_done, packed_skipped, packed_active: NULL
# once its steps are rows). Reading a month's sessions then costs one row per session.
# sync_waiting: the sessions that changes came for before the sessions themselves;
# sync_held: each month file read, with the names of the files it holds (read with it:
# JSON, the names in its folder), one row a month rather than one a file in sync_file.
V8 = """
CREATE TABLE step_pack (
    id INTEGER PRIMARY KEY,
    sessions TEXT NOT NULL,
    steps TEXT NOT NULL,
    first_end TEXT NOT NULL,
    last_end TEXT NOT NULL
);
ALTER TABLE session ADD COLUMN packed_done INTEGER;
ALTER TABLE session ADD COLUMN packed_skipped INTEGER;
ALTER TABLE session ADD COLUMN packed_active REAL;
CREATE TABLE sync_waiting (uid TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE sync_held (month TEXT PRIMARY KEY, names TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO sync_waiting SELECT DISTINCT f.uid FROM sync_field f
    WHERE NOT EXISTS (SELECT 1 FROM session s WHERE s.uid = f.uid)
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4, V5, V6, V7, V8)
LATEST = len(MIGRATIONS)


def empty_history() -> sqlite3.Connection:
    """An in-memory history with the current schema and no sessions."""
    conn = sqlite3.connect(":memory:")
    for script in MIGRATIONS:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {LATEST}")
    return conn
