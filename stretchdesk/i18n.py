"""The app's own words in the person's language. No Qt.

One system for every layer and the command line: the standard library's gettext, with
catalogues compiled from ``po/<language>.po`` into
``stretchdesk/locale/<language>/LC_MESSAGES/stretchdesk.mo`` (``make translations``; they
ship in the wheel and the bundle). Code marks a sentence with ``_("...")`` where it is shown,
``ngettext(one, many, n)`` for plurals (never ``"s" if n > 1``), and ``N_("...")`` for a
constant that is translated later, where it is used. Content (exercises, routines, safety
texts) is translated in its own files beside the English ones.

``use(language)`` chooses: "" follows the desktop ($LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG),
a language without a catalogue falls back to English sentence by sentence, and "pseudo" is
the pseudo-translation the tests run the window in, to catch every sentence not marked.
"""

from __future__ import annotations

import gettext
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "stretchdesk"
SOURCE = "en"
LANGUAGES = {"en": "English", "de": "Deutsch", "es": "Español", "fr": "Français"}
PSEUDO = "pseudo"


class _State:
    """The catalogue in use (one per process: the window and the command line speak one
    language at a time)."""

    translations: gettext.NullTranslations = gettext.NullTranslations()
    language = SOURCE


def locale_dir() -> Path:
    return Path(__file__).resolve().parent / "locale"


def desktop_language(environ: Mapping[str, str] | None = None) -> str:
    """The desktop's language as a two-letter code ("de" from "de_DE.UTF-8"); "en" when it
    says nothing or "C"."""
    env = os.environ if environ is None else environ
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        for part in value.split(":"):
            code = part.split(".")[0].split("@")[0].split("_")[0].lower()
            if code and code not in ("c", "posix"):
                return code
    return SOURCE


class Pseudo(gettext.NullTranslations):
    """Every sentence wrapped and a third longer, letters accented, placeholders kept:
    "[!!Ƥȧīƞ — şŧǿƥ~~~!!]". A visible sentence without the wrapping was not marked."""

    ACCENTS = str.maketrans(
        "abcdefghijklmnoprstuwyzABCDEFGHIJKLMNOPRSTUWYZ",
        "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥřşŧŭẇẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤŘŞŦŬẆẎẐ",
    )

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)


def pseudo(message: str) -> str:
    if not message:
        return message
    out, depth, cited = [], 0, 0
    for ch in message:  # {names} stay as str.format fills them, [KEYS] as a source is cited
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif ch == "[":
            cited += 1
        elif ch == "]":
            cited = max(0, cited - 1)
        kept = depth or cited or ch in "}]"
        out.append(ch if kept else ch.translate(Pseudo.ACCENTS))
    # a third longer, in short words as a longer language's are (one long run of tildes
    # would be a word no line can break)
    extra = max(1, len(message) // 3)
    padding = " ".join("~" * min(5, extra - i) for i in range(0, extra, 5))
    return f"[!!{''.join(out)}{padding}!!]"


def use(language: str = "") -> str:
    """Speak ``language`` ("" the desktop's); returns the language now in use."""
    wanted = language or desktop_language()
    if wanted == PSEUDO:
        _State.translations, _State.language = Pseudo(), PSEUDO
        return PSEUDO
    found = gettext.translation(DOMAIN, locale_dir(), [wanted], fallback=True)
    _State.translations = found
    _State.language = wanted if isinstance(found, gettext.GNUTranslations) else SOURCE
    return _State.language


def language() -> str:
    return _State.language


def reviewed_by(language: str | None = None) -> str:
    """Who reviewed a language's words as a native speaker (locale/reviews.toml); "" if
    nobody has yet. English, the source language, needs no review."""
    language = _State.language if language is None else language
    if language in (SOURCE, PSEUDO):
        return SOURCE
    try:
        reviews = tomllib.loads((locale_dir() / "reviews.toml").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    value = reviews.get(language, "")
    return value.strip() if isinstance(value, str) else ""


def _(message: str) -> str:
    return _State.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _State.translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A sentence that is the same in English for two meanings ("May" the month, short or
    long): the context tells the translator which."""
    return _State.translations.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a sentence for translation where it is defined; ``_`` translates it in use."""
    return message
