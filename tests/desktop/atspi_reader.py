"""Run by the system Python (Debian's python3-pyatspi): prints, as JSON, every object a
screen reader finds showing in the app named stretchdesk: role, name, text, and whether it
takes the keyboard focus."""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]


def walk(node, found: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    try:
        states = node.getState()
        showing = states.contains(pyatspi.STATE_SHOWING)
        entry = {
            "role": node.getRoleName(),
            "name": node.name or "",
            "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
            "text": "",
        }
        try:
            text = node.queryText()
            entry["text"] = text.getText(0, text.characterCount)
        except NotImplementedError:
            pass
        if showing:
            found.append(entry)
        for index in range(node.childCount):
            walk(node.getChildAtIndex(index), found)
    except Exception:  # an object that went away while being read
        return


def main() -> int:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for application in pyatspi.Registry.getDesktop(0):
            if application is not None and application.name == "stretchdesk":
                found: list = []  # type: ignore[type-arg]
                walk(application, found)
                print(json.dumps(found))
                return 0
        time.sleep(0.2)
    print(json.dumps({"error": "stretchdesk is not on the accessibility bus"}))
    return 1


if __name__ == "__main__":
    sys.exit(main())
