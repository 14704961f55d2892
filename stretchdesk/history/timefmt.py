"""History timestamps: wall-clock UTC, ISO-8601 with milliseconds and a Z."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("history times must be timezone-aware")
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_utc(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def file_stamp(moment: datetime) -> str:
    """A UTC time safe in a file name: 20261124T150405Z."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
