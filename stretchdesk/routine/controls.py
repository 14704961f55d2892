"""The characters a file's text may not hold, wherever it is shown or echoed: C0 controls
(escape, 0x1b, among them), DEL, C1 (0x9b is a one-byte CSI), the bidirectional controls
that reorder what follows them, and the line and paragraph separators. A routine's text is
refused with them (routine/fields.py); the command line writes them out (cli/common.py)."""

from __future__ import annotations

CONTROLS = frozenset(
    [
        *range(0x00, 0x20),
        0x7F,
        *range(0x80, 0xA0),
        *(0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)),
        *(0x2028, 0x2029),
    ]
)
TAB = frozenset([ord("\t")])  # shown as a space: harmless in any text
LINE_ENDS = frozenset(map(ord, "\n\r"))


def first_control(text: str, *, lines: bool = False) -> str | None:
    """The first control character in ``text`` other than a tab, or None; ``lines``: new
    lines are allowed too (a text of a few paragraphs)."""
    allowed = TAB | LINE_ENDS if lines else TAB
    for char in text:
        code = ord(char)
        if code in CONTROLS and code not in allowed:
            return char
    return None
