"""Settings file: defaults, round trip, bad values named, a damaged file kept aside."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from stretchdesk.session.health import Answer
from stretchdesk.settings import LoadedPreferences, Preferences, load_prefs, open_prefs, save_prefs


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    loaded = load_prefs(tmp_path / "settings.toml")
    assert loaded.prefs == Preferences()
    assert loaded.problems == []


def test_round_trip(tmp_path: Path) -> None:
    prefs = Preferences(
        lead_in=9, hold_percent=60, theme="dark", text_size="large", voice_rate=-0.5
    )
    save_prefs(tmp_path / "settings.toml", prefs)
    assert load_prefs(tmp_path / "settings.toml").prefs == prefs


def test_bad_values_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'lead_in = 500\ntheme = "purple"\npain_ratings = "yes"\nhold_percent = 150\ncolour = 1\n',
        encoding="utf-8",
    )
    loaded = load_prefs(path)
    assert loaded.prefs.hold_percent == 150
    assert loaded.prefs.lead_in == Preferences().lead_in
    assert loaded.prefs.theme == "system"
    assert loaded.prefs.pain_ratings is True
    text = "\n".join(loaded.problems)
    for name in ("lead_in", "theme", "pain_ratings", "colour"):
        assert name in text


def test_a_damaged_file_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"lead_in = = \xff\xfe")
    assert load_prefs(path).prefs == Preferences()
    assert path.read_bytes() == b"lead_in = = \xff\xfe"  # reading alone changes nothing
    loaded = open_prefs(path)
    assert loaded.prefs == Preferences()
    assert "damaged" in loaded.problems[0]
    kept = list(tmp_path.glob("settings.damaged-*.toml"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"lead_in = = \xff\xfe"
    assert kept[0].name in loaded.problems[0]
    assert load_prefs(path) == LoadedPreferences(Preferences(), used=len(asdict(Preferences())))


def test_session_settings_follow_the_prefs() -> None:
    settings = Preferences(lead_in=8, hold_percent=50, rewarm_minutes=30).session_settings()
    assert settings.lead_in == 8
    assert settings.hold_scale == 0.5
    assert settings.rewarm_after == 30 * 60
    assert settings.full_rewarm_after >= settings.rewarm_after


def test_reminder_settings_are_checked_and_written_the_usual_way(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'reminder_times = "18:30,7:05"\nreminder_days = "Sun, MON"\nquiet_hours = "23:00-6:00"\n'
        'plan_start = "2027-01-04"\nplan_weeks = 8\n',
        encoding="utf-8",
    )
    loaded = load_prefs(path)
    assert loaded.problems == []
    prefs = loaded.prefs
    assert (prefs.reminder_times, prefs.reminder_days) == ("07:05 18:30", "mon sun")
    assert prefs.quiet_hours == "23:00-06:00"
    plan = prefs.plan()
    assert plan is not None and (plan.start.isoformat(), plan.weeks) == ("2027-01-04", 8)
    assert prefs.reminder_rules().days == frozenset({0, 6})
    assert Preferences().plan() is None
    path.write_text(
        'reminder_times = "noon"\nreminder_days = "someday"\nquiet_hours = "22:00"\n'
        'plan_start = "4 Jan"\nplan_weeks = 60\n',
        encoding="utf-8",
    )
    bad = load_prefs(path)
    assert bad.prefs == Preferences()
    text = "\n".join(bad.problems)
    for name in ("reminder_times", "reminder_days", "quiet_hours", "plan_start", "plan_weeks"):
        assert name in text


def test_the_old_surgery_answer_counts_for_both_back_surgery_and_the_hip(tmp_path: Path) -> None:
    """An earlier version asked one question, "back or hip surgery, or a hip replacement":
    its answer is read as both new answers (the safer reading), and written as them."""
    path = tmp_path / "settings.toml"
    path.write_text("health_asked = true\nhealth_surgery = true\n", encoding="utf-8")
    loaded = load_prefs(path)
    assert loaded.problems == []
    assert loaded.prefs.health_back_surgery and loaded.prefs.health_hip
    assert loaded.prefs.health_answers() == {Answer.BACK_SURGERY, Answer.HIP}
    save_prefs(path, loaded.prefs)
    text = path.read_text(encoding="utf-8")
    assert "health_surgery" not in text and "health_hip = true" in text
    assert load_prefs(path).prefs == loaded.prefs


def test_a_new_answer_in_the_file_wins_over_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("health_surgery = true\nhealth_hip = false\n", encoding="utf-8")
    prefs = load_prefs(path).prefs
    assert prefs.health_back_surgery and not prefs.health_hip
    path.write_text("health_surgery = false\n", encoding="utf-8")
    assert load_prefs(path).prefs.health_answers() == frozenset()


def test_the_old_surgery_answer_is_kept_from_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("safety_seen = true\nhealth_surgery = true\n[[[\n", encoding="utf-8")
    loaded = load_prefs(path)
    assert loaded.damaged is not None
    assert loaded.prefs.health_answers() == {Answer.BACK_SURGERY, Answer.HIP}


def test_every_health_answer_is_a_setting_and_comes_back() -> None:
    for answer in Answer:
        prefs = Preferences().with_health(frozenset({answer}))
        assert prefs.health_answers() == {answer}
        assert getattr(prefs, f"health_{answer.value}") is True


def test_the_old_severe_pain_default_gives_way_to_the_new_one(tmp_path: Path) -> None:
    """A file of the version whose prompt began at 8 holds 8 whether or not it was chosen:
    it becomes 7 (the scale's "severe"); a value chosen otherwise is kept."""
    path = tmp_path / "settings.toml"
    path.write_text("advice_high_pain = 8\n", encoding="utf-8")
    loaded = load_prefs(path)
    assert (loaded.prefs.advice_severe_pain, loaded.problems) == (7, [])
    path.write_text("advice_high_pain = 9\n", encoding="utf-8")
    assert load_prefs(path).prefs.advice_severe_pain == 9
    path.write_text("advice_high_pain = 9\nadvice_severe_pain = 6\n", encoding="utf-8")
    assert load_prefs(path).prefs.advice_severe_pain == 6
