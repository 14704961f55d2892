"""The install's content as parsed at the last start (services/content_cache.py): read
instead of its TOML files while they are unchanged, the same content either way, and a
cache that is damaged, hostile or stale is only ignored."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from stretchdesk import i18n, paths
from stretchdesk.routine import tomlfile
from stretchdesk.services import Services
from stretchdesk.services.content_cache import ContentCache


def loaded(data_dir: Path) -> tuple[Any, ...]:
    services = Services.load(paths.DataPaths(data_dir))
    try:
        return (
            [(r.id, r.title, r.steps) for r in services.catalog.routines],
            dict(services.library.items()),
            services.content.texts,
            services.content.sources,
        )
    finally:
        services.close()


def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the TOML parser is given from now on."""
    parsed: list[str] = []
    real = tomlfile.parse_toml_bytes

    def counted(data: bytes, label: str) -> dict[str, Any]:
        parsed.append(label)
        return real(data, label)

    monkeypatch.setattr(tomlfile, "parse_toml_bytes", counted)
    return parsed


def test_the_second_start_parses_none_of_the_install_and_loads_the_same(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = loaded(data_dir)
    assert paths.content_cache().is_file()
    parsed = parses(monkeypatch)
    assert loaded(data_dir) == first
    assert parsed == []


def test_a_changed_file_is_parsed_again(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assets = tmp_path / "assets"
    shutil.copytree(paths.assets_dir(), assets, ignore=shutil.ignore_patterns("*.png", "*.ogg"))
    monkeypatch.setattr(paths, "assets_dir", lambda: assets)
    loaded(data_dir)
    routine = assets / "routines" / "quick-relief.toml"
    text = routine.read_text(encoding="utf-8")
    routine.write_text(text.replace('title = "', 'title = "Changed: ', 1), encoding="utf-8")
    parsed = parses(monkeypatch)
    titles = [title for _id, title, _steps in loaded(data_dir)[0]]
    assert parsed == [str(routine)]
    assert any(title.startswith("Changed: ") for title in titles)


@pytest.mark.parametrize(
    "held",
    [
        b"not json",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"version": 1, "files": []}',
        b'{"version": 99, "files": {}}',
        b"[1, 2]",
        b"\xff\xfe",
    ],
)
def test_a_damaged_cache_is_ignored_and_written_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, held: bytes
) -> None:
    first = loaded(data_dir)
    cache = paths.content_cache()
    cache.write_bytes(held)
    assert loaded(data_dir) == first
    assert json.loads(cache.read_bytes())["version"] == 1


def test_a_hostile_entry_is_ignored(data_dir: Path) -> None:
    first = loaded(data_dir)
    cache = paths.content_cache()
    kept = json.loads(cache.read_bytes())
    for entry in kept["files"].values():
        entry[2] = "[" * 100_000  # too deep for the JSON reader: parsed again instead
    cache.write_text(json.dumps(kept), encoding="utf-8")
    assert loaded(data_dir) == first


def test_a_pipe_in_its_place_is_never_waited_for(data_dir: Path) -> None:
    cache = paths.content_cache()
    cache.parent.mkdir(parents=True)
    os.mkfifo(cache)
    first = loaded(data_dir)  # (a wait would hang here)
    assert first[0]


def test_only_the_installs_files_are_kept(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('title = "Mine"\n', encoding="utf-8")
    cache = ContentCache(tmp_path / "cache.json", paths.assets_dir())
    cache.put(mine, {"title": "Mine"})
    assert cache.get(mine) is None
    cache.save()
    assert not (tmp_path / "cache.json").exists()  # nothing to keep


def test_a_language_and_back_parses_nothing_more(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded(data_dir)
    i18n.use("de")
    try:
        loaded(data_dir)  # (the German words are parsed, and kept beside the rest)
        parsed = parses(monkeypatch)
        loaded(data_dir)
        i18n.use("")
        loaded(data_dir)
    finally:
        i18n.use("")
    assert parsed == []
