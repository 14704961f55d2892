"""Hostile settings and state files: far dates, wrong types, values that would break the file
(what cannot be read at all: tests/hostile/test_unreadable_state.py). Reading state never
fails or waits, and a value never wipes the others."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import asdict, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from time import monotonic
from zoneinfo import ZoneInfo

import pytest

from stretchdesk import paths, tomlwrite
from stretchdesk.routine import Phase, RoutineError
from stretchdesk.routine.draft import Draft, DraftStep
from stretchdesk.routine.mine import save_draft
from stretchdesk.schedule.days import Plan, summary
from stretchdesk.schedule.reminders import (
    Remind,
    ReminderRules,
    Wait,
    decide,
    next_slot,
    parse_times,
)
from stretchdesk.schedule.state import ReminderState, load_state
from stretchdesk.services import Services
from stretchdesk.settings import (
    LoadedPreferences,
    Preferences,
    from_mapping,
    load_prefs,
    open_prefs,
    save_prefs,
)

CHILD = Path(__file__).parents[1] / "faults" / "app_child.py"
NOW = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
RULES = ReminderRules((time(8), time(18)))
BERLIN = ZoneInfo("Europe/Berlin")
LIMIT = 5.0  # seconds: every read here takes milliseconds


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    """Every test here is over in seconds (the app's start included); a read that waits
    runs in a child process with a timeout."""
    started = monotonic()
    yield
    assert monotonic() - started < 60


def run_app(data_dir: Path) -> list[str]:
    """The real app (as tests/faults runs it) started on ``data_dir``: the banner's lines."""
    done = subprocess.run(
        [sys.executable, str(CHILD), str(data_dir), "--report"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert not (data_dir / "crash.log").exists(), (data_dir / "crash.log").read_text()
    return [line[len("banner ") :] for line in done.stdout.splitlines() if "banner " in line]


# ---------------------------------------------------------------------- far dates


def test_the_app_starts_with_dates_at_the_ends_of_the_calendar(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "settings.toml").write_text(
        'safety_seen = true\nhealth_asked = true\nplan_start = "9999-12-31"\nreminders = true\n',
        encoding="utf-8",
    )
    (data_dir / "reminders.json").write_text(
        json.dumps(
            {"shown": "0001-01-01T00:00:00+05:00", "snoozed_until": "9999-12-31T23:59:59-05:00"}
        ),
        encoding="utf-8",
    )
    banner = "\n".join(run_app(data_dir))
    assert "Some settings could not be used." in banner  # plan_start, in its details
    assert "What the reminders last did could not all be read" in banner
    assert "Something went wrong" not in banner


@pytest.mark.parametrize(
    "written",
    [
        '"9999-12-31"',
        '"0001-01-01"',
        '"1999-12-31"',
        '"2027-02-30"',
        "2027-01-04",  # a TOML date, not text
        "20270104",
        '"' + "9" * 5000 + '"',
        "[]",
    ],
)
def test_a_plan_start_out_of_range_falls_back_with_a_note(
    tmp_path: Path, data_dir: Path, written: str
) -> None:
    path = data_dir / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text(f"safety_seen = true\nplan_start = {written}\n", encoding="utf-8")
    loaded = load_prefs(path)
    assert loaded.prefs == Preferences(safety_seen=True)
    assert len(loaded.problems) == 1 and "plan_start" in loaded.problems[0]
    assert len(loaded.problems[0]) < 400  # the value is not repeated at length
    services = Services.load(paths.DataPaths(data_dir), wall=lambda: NOW)
    try:
        assert services.today_words(BERLIN) == ""
        assert services.plan_words(BERLIN) == []
    finally:
        services.close()


def test_a_plan_that_reaches_the_last_date_is_no_plan() -> None:
    assert Preferences(plan_start="9999-12-31").plan() is None
    assert Preferences(plan_start="2027-01-04", plan_weeks=500).plan() is None
    with pytest.raises(ValueError, match="date from 2000-01-01"):
        Plan(date(9999, 12, 31), 6)


@pytest.mark.parametrize(
    "shown",
    [
        "0001-01-01T00:00:00+05:00",  # before year 1 in UTC
        "9999-12-31T23:59:59-05:00",  # after year 9999 in UTC
        "9999-12-31T23:00:00+00:00",  # far ahead: it would silence the reminders for good
        "1970-01-01T00:00:00+00:00",
        "2026-11-02T08:00:00",  # no zone
        "tomorrow",
        "9" * 1000,
        12,
        ["2026-11-02T08:00:00+00:00"],
        {"a": 1},
    ],
)
def test_reminder_state_out_of_range_is_left_out_with_a_note(tmp_path: Path, shown: object) -> None:
    path = tmp_path / "reminders.json"
    path.write_text(json.dumps({"shown": shown, "snoozed_until": shown}), encoding="utf-8")
    loaded = load_state(path, NOW)
    assert loaded.state == ReminderState()
    assert len(loaded.problems) == 2
    assert all("reminders.json" in p and len(p) < 400 for p in loaded.problems)
    # and the reminder due now comes
    due = decide(RULES, UTC, NOW, [], shown=loaded.state.shown)
    assert isinstance(due, Remind)


def test_a_time_far_ahead_never_silences_the_reminders_for_good() -> None:
    """A clock set back after a reminder was shown (or a hand-edited file) leaves a "shown"
    or "Later" in the future: more than a day ahead, it is not believed."""
    far = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
    assert isinstance(decide(RULES, UTC, NOW, [], shown=far), Remind)
    assert isinstance(decide(RULES, UTC, NOW, [], snoozed_until=far), Remind)
    soon = NOW + timedelta(minutes=30)  # a real "Later" is still kept
    assert decide(RULES, UTC, NOW, [], shown=NOW, snoozed_until=soon) == Wait(soon)


@pytest.mark.parametrize(
    "now",
    [
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
        datetime(9999, 12, 25, tzinfo=UTC),
        datetime(1, 1, 1, 0, 1, tzinfo=UTC),
        datetime(1, 1, 5, tzinfo=UTC),
    ],
)
def test_a_clock_at_the_ends_of_the_calendar_breaks_nothing(now: datetime) -> None:
    quiet = ReminderRules(RULES.times, quiet=(time(0), time(8)))
    for zone in (UTC, BERLIN, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Niue")):
        for rules in (RULES, quiet):
            assert decide(rules, zone, now, [now], shown=now, snoozed_until=now) == Wait(None)
            assert next_slot(rules, zone, now) is None
            assert summary(rules, None, zone, now, done=[], days_done=set()) == ""


# ---------------------------------------------------------------------- a damaged settings file


FIRST_RUN_DONE = Preferences(
    safety_seen=True,
    health_asked=True,
    health_pregnant=True,
    health_hip=True,
    lead_in=9,
    theme="dark",
)


def test_a_damaged_file_keeps_the_first_run_and_the_health_answers(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_prefs(path, FIRST_RUN_DONE)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(5, 'reminder_times = "08:00')  # a string left open: the file is not TOML
    lines.insert(9, "[[[")
    damaged = "\n".join(lines) + "\n"
    path.write_text(damaged, encoding="utf-8")
    loaded = open_prefs(path)
    assert loaded.prefs == FIRST_RUN_DONE
    assert "damaged" in loaded.problems[0]
    assert "settings could still be read from it and are kept" in loaded.problems[0]
    kept = list(tmp_path.glob("settings.damaged-*.toml"))
    assert [p.read_text(encoding="utf-8") for p in kept] == [damaged]
    assert kept[0].name in loaded.problems[0]
    # written again at once: the next start has them, and says nothing
    again = load_prefs(path)
    assert again.prefs == FIRST_RUN_DONE and again.problems == []


def test_the_app_says_what_happened_to_a_damaged_settings_file(data_dir: Path) -> None:
    save_prefs(data_dir / "settings.toml", FIRST_RUN_DONE)
    with (data_dir / "settings.toml").open("a", encoding="utf-8") as out:
        out.write('note = "\x01\n')
    banner = "\n".join(run_app(data_dir))
    assert "settings could still be read from it and are kept" in banner
    assert load_prefs(data_dir / "settings.toml").prefs == FIRST_RUN_DONE


@pytest.mark.parametrize(
    "hostile",
    [
        "x\ny",
        'x" \nsafety_seen = false\n#',
        "\x00",
        "\x7f",
        "a\rb",
        "../../etc",
        "X" * 5000,
        "a--b",
    ],
)
def test_a_value_that_does_not_fit_never_wipes_the_settings(data_dir: Path, hostile: str) -> None:
    services = Services.load(paths.DataPaths(data_dir))
    try:
        assert services.settings.save(FIRST_RUN_DONE) is None
        said = services.settings.save(replace(FIRST_RUN_DONE, reminder_routine=hostile))
    finally:
        services.close()
    assert said is not None and "reminder_routine" in said
    loaded = load_prefs(data_dir / "settings.toml")
    assert loaded.prefs == FIRST_RUN_DONE and loaded.problems == []


def test_an_unsaved_setting_names_the_config_folder(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").mkdir()  # cannot be replaced by a file
    data = paths.DataPaths(tmp_path / "data", config=config, state=tmp_path / "state")
    services = Services.load(data)
    try:
        said = services.settings.save(Preferences(safety_seen=True))
    finally:
        services.close()
    assert said is not None
    assert str(config) in said and str(tmp_path / "data") not in said


def test_the_file_written_is_toml_whatever_the_writer_is_given(tmp_path: Path) -> None:
    fields = asdict(FIRST_RUN_DONE) | {"reminder_routine": 'x\n[y]\x00\x7f"\\\u2028'}
    assert tomllib.loads("\n".join(tomlwrite.table(fields))) == fields


@pytest.mark.parametrize("routine_id", ["../outside", "a b", "A", "", "x\n", "é", "a/b"])
def test_a_draft_whose_id_is_not_an_id_is_never_written(tmp_path: Path, routine_id: str) -> None:
    draft = Draft(routine_id, "Title", steps=(DraftStep("pelvic-tilt", Phase.WARMUP),))
    folder = tmp_path / "routines" / "mine"
    for path in (None, folder / "own.toml"):
        with pytest.raises(RoutineError, match="lower-case words joined by hyphens"):
            save_draft(draft, folder, path)
    assert not any(tmp_path.rglob("*.toml"))


@pytest.mark.parametrize("word", ["²:00", "١:00", "0" * 5000 + ":00", "007:05", "8:5", ":00"])
def test_a_time_of_day_is_two_ascii_numbers(word: str) -> None:
    with pytest.raises(ValueError, match=r"is not a time like 08:00"):
        parse_times(word)
    loaded = load_prefs_text(f'reminder_times = "{word}"\n')
    assert loaded.prefs.reminder_times == Preferences().reminder_times
    assert "reminder_times" in loaded.problems[0] and len(loaded.problems[0]) < 400


def load_prefs_text(text: str) -> LoadedPreferences:
    return from_mapping(tomllib.loads(text), "settings.toml")


def test_the_language_read_before_the_services_loses_nothing(data_dir: Path) -> None:
    """app.py reads the settings once for the language, before the services read them: that
    first read changes nothing, so the second still finds the damaged file and says so."""
    save_prefs(data_dir / "settings.toml", replace(FIRST_RUN_DONE, language="de"))
    with (data_dir / "settings.toml").open("a", encoding="utf-8") as out:
        out.write("[[[\n")
    assert load_prefs(data_dir / "settings.toml").prefs.language == "de"  # as app.py does
    services = Services.load(paths.DataPaths(data_dir))
    try:
        assert services.prefs == replace(FIRST_RUN_DONE, language="de")
        said = [n.message for n in services.notices]
        assert any("settings could still be read from it and are kept" in m for m in said)
    finally:
        services.close()


@pytest.mark.parametrize(
    "started", ["9999-12-31T23:59:59.000Z", "0001-01-01T00:00:00.000+05:00", "0001-01-01T00:00Z"]
)
def test_a_history_time_at_the_ends_of_the_calendar_breaks_no_plan(
    data_dir: Path, started: str
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, plan_start="2026-10-26"))
    services = Services.load(paths.DataPaths(data_dir), wall=lambda: NOW)
    try:
        services.history.execute(
            "INSERT INTO session (routine_id, routine_title, started_at, ended_at, outcome,"
            " total_steps, planned_seconds, active_seconds, pain_before, owner)"
            " VALUES ('quick-relief', 'Quick', ?, ?, 'completed', 1, 60, 60, 5, 'x')",
            (started, started),
        )
        services.history.commit()
        assert services.today_words(BERLIN).startswith("Today: not done yet.")
        assert services.plan_words(BERLIN) == [] or services.plan_words(BERLIN)[0].startswith(
            "Plan: week 2 of 6"
        )
    finally:
        services.close()
