"""The one rule for ids (routines, exercises, translation languages), and ids made from a
person's titles in any Latin script.

An id is lower-case ASCII words joined by hyphens, at most ``MAX_ID_LENGTH`` characters:
a routine's file is named after its id, and ``<id>-NN.toml`` with the writer's temporary
suffix must stay well inside a file name's 255 bytes. ``stretchdesk check`` and the code
that names a file both ask ``is_id``.
"""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # \Z: no new line after it
MAX_ID_LENGTH = 64

# Letters that NFKD does not take apart into a base letter and its accents.
_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "ŧ": "t",
        "Ŧ": "T",
        "ŋ": "ng",
        "Ŋ": "Ng",
        "ĸ": "k",
        "ſ": "s",
    }
)


def is_id(value: str) -> bool:
    """``value`` is an id: lower-case words joined by hyphens, not too long."""
    return len(value) <= MAX_ID_LENGTH and ID_PATTERN.match(value) is not None


def plain_letters(text: str) -> str:
    """``text`` with its Latin letters written without accents: "Übungen" -> "Ubungen",
    "Straße" -> "Strasse", "Łódź" -> "Lodz". Other scripts are left as they are."""
    apart = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in apart if not unicodedata.combining(ch))


def id_words(title: str, most: int = MAX_ID_LENGTH) -> str:
    """An id from ``title`` (its Latin letters and digits), at most ``most`` characters;
    "" when it has none."""
    words = re.findall(r"[a-z0-9]+", plain_letters(title).lower())
    return "-".join(words)[:most].strip("-")
