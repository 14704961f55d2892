"""Tests that change the machine as root: installing the package with apt, mounting a
tmpfs. They run in CI (``CI`` set; .ci/run runs as root on a machine made for it), or where
``STRETCHDESK_ROOT_TESTS=1`` asks for them; on a developer's machine, even in a root shell,
they are skipped and say why. In CI a run without root fails them, never skips them."""

from __future__ import annotations

import os

import pytest

IN_CI = bool(os.environ.get("CI"))
ASKED = os.environ.get("STRETCHDESK_ROOT_TESTS") == "1"


def is_root() -> bool:
    return os.geteuid() == 0


def may_act_as_root() -> bool:
    """Root, where changing the machine is allowed (CI, or asked for)."""
    return is_root() and (IN_CI or ASKED)


def require_root(what: str) -> None:
    """Go on only where ``what`` (a test's work as root, in words) may be done: skip it
    elsewhere, and fail it in CI without root."""
    if not is_root():
        if IN_CI:
            pytest.fail(f"{what} needs root, and CI runs every test (run it as root)", False)
        pytest.skip(f"{what} needs root")
    if not (IN_CI or ASKED):
        pytest.skip(
            f"{what} changes this machine as root: it runs in CI (CI=1) "
            "or with STRETCHDESK_ROOT_TESTS=1"
        )
