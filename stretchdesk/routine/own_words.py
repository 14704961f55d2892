"""A routine file's own ``[translation.<language>]`` tables: each English sentence of the
file, as written, = its translation (docs/routines.md), within bounds a person's routine
never comes near (languages, sentences, their length)."""

from __future__ import annotations

from collections.abc import Mapping

from stretchdesk.i18n import _
from stretchdesk.routine.errors import shorten
from stretchdesk.routine.fields import MAX_TEXT, TableReader
from stretchdesk.routine.ids import is_id

MAX_LANGUAGES = 20  # [translation.<language>] tables of one routine
MAX_SENTENCES = 1000  # sentences in one of them (100 steps with their own words fit)


def own_translations(reader: TableReader) -> dict[str, dict[str, str]]:
    """``[translation.<language>]`` tables: each English sentence of the file, as written,
    = its translation (docs/routines.md)."""
    raw = reader.table.get("translation", {})
    if not isinstance(raw, Mapping):
        reader.problem(_('"translation" must hold one table per language, like [translation.de]'))
        return {}
    if len(raw) > MAX_LANGUAGES:
        reader.problem(
            _("has {count} [translation] tables; a routine has at most {most}").format(
                count=len(raw), most=MAX_LANGUAGES
            )
        )
        return {}
    found: dict[str, dict[str, str]] = {}
    for language, table in raw.items():
        name = shorten(language)
        if not is_id(language) or not isinstance(table, Mapping):
            reader.problem(
                _("[translation.{language}] must be a table under a language code").format(
                    language=name
                )
            )
            continue
        if len(table) > MAX_SENTENCES:
            reader.problem(
                _("[translation.{language}] has {count} sentences; at most {most}").format(
                    language=name, count=len(table), most=MAX_SENTENCES
                )
            )
            continue
        texts = {k: v for k, v in table.items() if isinstance(v, str) and v.strip()}
        if len(texts) != len(table):
            reader.problem(
                _("[translation.{language}]: every translation must be text").format(language=name)
            )
        longest = max((len(t) for t in (*texts, *texts.values())), default=0)
        if longest > MAX_TEXT:
            reader.problem(
                _(
                    "[translation.{language}]: a sentence is {length} characters long; "
                    "keep each to {most} or fewer"
                ).format(language=name, length=longest, most=MAX_TEXT)
            )
        found[language] = texts
    return found
