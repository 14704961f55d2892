"""A screen reader's view of the real window: an AT-SPI client (Debian's python3-pyatspi, run
by the system Python) walks the accessible tree of the app on a private X server and D-Bus
session, on the safety, start, session, recovery, history and builder screens. Every sentence shown
is in the tree, and no object that takes the focus is left without a name."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.toolcheck import missing_tool
from tests.ui.visible_text import unwrapped

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")
PACKAGES = "python3-pyatspi at-spi2-core dbus-x11 xvfb"
SCREENS = ["safety", "start", "session", "recovery", "history", "builder"]
QT_OWN_ROLES = {"scroll bar"}
# the app's name, the keys it names, the sources' keys, and the calendar's month and weekday
# names (QLocale writes those in the person's language; the pseudo-translation has no locale)
NAMES = {"stretchdesk", "Ctrl", "Shift", "Esc", "Alt", "Tab"}


def allowed_words() -> set[str]:
    from PySide6.QtCore import QLocale  # noqa: PLC0415

    from stretchdesk import paths  # noqa: PLC0415
    from stretchdesk.routine.sources import load_sources  # noqa: PLC0415

    english = QLocale(QLocale.Language.English)
    words = set(NAMES)
    for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        words.update(english.dayName(d, kind) for d in range(1, 8))
        words.update(english.monthName(m, kind) for m in range(1, 13))
    keys = load_sources(paths.content_file().parent / "sources.toml")
    return words | {part for key in keys for part in re.split(r"[\W\d_]", key) if part}


def _has_pyatspi() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False
    )
    return probe.returncode == 0


@pytest.fixture
def a11y_bus(x_display: str) -> Iterator[dict[str, str]]:
    """A private D-Bus session with the accessibility bus, for the app and the reader."""
    if not (BUS_LAUNCHER.exists() and _has_pyatspi() and Path("/usr/bin/dbus-launch").exists()):
        missing_tool(f"needs an AT-SPI client and bus (apt install {PACKAGES})")
    launched = subprocess.run(
        ["dbus-launch", "--sh-syntax"], capture_output=True, text=True, check=True
    ).stdout
    env = dict(os.environ, DISPLAY=x_display)
    for line in launched.splitlines():
        if "=" in line and line.startswith("DBUS_SESSION_BUS_"):
            key, value = line.rstrip(";").split("=", 1)
            env[key] = value.strip("'")
    bus = subprocess.Popen(
        [str(BUS_LAUNCHER), "--launch-immediately"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield env
    finally:
        bus.terminate()
        bus.wait(timeout=10)
        pid = env.get("DBUS_SESSION_BUS_PID")
        if pid:
            subprocess.run(["kill", pid], check=False)


def _read_tree(env: dict[str, str]) -> list[dict[str, object]]:
    done = subprocess.run(
        [str(SYSTEM_PYTHON), str(HERE / "atspi_reader.py")],
        env={k: v for k, v in env.items() if not k.startswith("PYTHON")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    tree = json.loads(done.stdout or "{}")
    assert isinstance(tree, list), (tree, done.stderr[-2000:])
    return tree


def test_every_shown_sentence_is_in_the_accessible_tree(
    a11y_bus: dict[str, str], data_dir: Path
) -> None:
    _visit(a11y_bus, data_dir, "en", _check)


def test_in_the_pseudo_translation_a_screen_reader_hears_no_untranslated_word(
    a11y_bus: dict[str, str], data_dir: Path
) -> None:
    """The real program in the pseudo-translation: every name and text a screen reader finds
    on each screen is wrapped, so none of them missed its translation."""
    _visit(a11y_bus, data_dir, "pseudo", _check_pseudo)


def _check_pseudo(screen: str, texts: list[str], tree: list[dict[str, object]]) -> None:
    left = []
    allowed = allowed_words()
    for node in tree:
        if str(node["role"]) in QT_OWN_ROLES:
            continue  # Qt's own parts (scroll bars): Qt's catalogues translate them
        for said in (str(node["name"]), str(node["text"])):
            words = [w for w in re.findall(r"[^\W\d_]{2,}", unwrapped(said)) if w not in allowed]
            if words:
                left.append(f"{node['role']}: {said[:70]!r}")
    assert left == [], (screen, sorted(set(left)))


def _visit(
    a11y_bus: dict[str, str],
    data_dir: Path,
    language: str,
    check: Callable[[str, list[str], list[dict[str, object]]], None],
) -> None:
    env = dict(
        a11y_bus,
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
        PYTHONPATH=str(ROOT),
        STRETCHDESK_LANGUAGE=language,
    )
    with subprocess.Popen(
        [sys.executable, str(HERE / "a11y_app.py"), str(data_dir)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as app:
        assert app.stdin is not None and app.stdout is not None
        try:
            assert json.loads(app.stdout.readline()) == {"ready": True}
            for screen in SCREENS:
                app.stdin.write(screen + "\n")
                app.stdin.flush()
                shown = json.loads(app.stdout.readline())
                assert shown["screen"] == screen
                check(screen, shown["texts"], _read_tree(a11y_bus))
        finally:
            if app.poll() is None:
                app.stdin.write("quit\n")
                app.stdin.flush()
                try:
                    app.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    app.kill()


def _check(screen: str, texts: list[str], tree: list[dict[str, object]]) -> None:
    heard = "\n".join(f"{node['name']}\n{node['text']}" for node in tree)
    # a separator shown as a middle dot is named as a comma (a voice would say "middle dot")
    missing = [t for t in texts if t not in heard and t.replace(" · ", ", ") not in heard]
    assert missing == [], (screen, missing)
    unnamed = [node["role"] for node in tree if node["focusable"] and not str(node["name"])]
    assert unnamed == [], (screen, unnamed)
    roles = {str(node["role"]) for node in tree}
    assert "check box" not in roles, (screen, roles)  # nav and pain scale are not check boxes
