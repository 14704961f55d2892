"""Both themes keep text readable: WCAG contrast of every text colour on its background."""

from __future__ import annotations

import pytest

from stretchdesk.ui.kit.theme import DARK, LIGHT, Colors


def _luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("c", [LIGHT, DARK], ids=["light", "dark"])
def test_text_pairs_meet_wcag_aa(c: Colors) -> None:
    pairs = {
        "text on window": (c.text, c.window),
        "text on surface": (c.text, c.surface),
        "muted on window": (c.muted, c.window),
        "muted on surface": (c.muted, c.surface),
        "accent on window": (c.accent, c.window),
        "button text on accent": (c.accent_text, c.accent),
        "pain button": ("#ffffff", c.pain),
        "caution": (c.warn_text, c.warn_bg),
        "error banner": (c.error_text, c.error_bg),
        "red-flag headings": (c.alert, c.surface),
    }
    weak = {
        name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < 4.5
    }
    assert not weak
