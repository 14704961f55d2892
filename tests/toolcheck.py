"""Whether every test tool must be there: .ci/run sets STRETCHDESK_REQUIRE_TEST_TOOLS=1, so a
test skipped for a missing tool fails there; on a desktop without them `make test` skips
those tests and says why."""

from __future__ import annotations

import os

import pytest

REQUIRE_TOOLS = os.environ.get("STRETCHDESK_REQUIRE_TEST_TOOLS") == "1"


def missing_tool(reason: str) -> None:
    """Skip (or, where every tool must be there, fail) a test that lacks a tool."""
    if REQUIRE_TOOLS:
        pytest.fail(f"{reason}; STRETCHDESK_REQUIRE_TEST_TOOLS=1 runs every test", False)
    pytest.skip(reason)
