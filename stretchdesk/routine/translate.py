"""The content in the person's language: exercises, routines and the safety texts. No Qt.

A language's sentences sit beside the English files, one file per language and kind:
``assets/exercises/translations/de.toml``, ``assets/routines/translations/de.toml`` and
``assets/content/translations/de.toml``. Each maps an English sentence, exactly as the
English file writes it, to its translation::

    language = "de"
    reviewed_by = ""          # a native speaker who checked it, once one has

    [sentences]
    "Bring one knee towards your chest." = "Ziehen Sie ein Knie zur Brust."

So every translated sentence names the English one it translates, and its source is the
English sentence's source (sources.toml). A sentence whose English was changed, or that has
no translation yet, shows in English: the fallback is per sentence. A routine file may carry
its own translations in ``[translation.<language>]`` tables with the same layout.

Safety lines may add a source in the language (``[sources]``: English sentence = source key
of sources.toml), where a national health service publishes the same advice in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from stretchdesk import i18n
from stretchdesk.routine.catalog import Catalog
from stretchdesk.routine.content import SECTIONS, Line, SafetyContent, Section, describe
from stretchdesk.routine.errors import Problem, RoutineError
from stretchdesk.routine.model import Exercise, Routine, Step
from stretchdesk.routine.tomlfile import read_toml

FOLDER = "translations"


@dataclass(frozen=True)
class Sentences:
    """English sentence -> the person's language; unknown sentences stay English."""

    language: str = i18n.SOURCE
    table: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # sentence -> added source keys
    reviewed_by: str = ""

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if self.language == i18n.PSEUDO:
            return text if text.startswith("[!!") else i18n.pseudo(text)
        return self.table.get(text, text)

    def all(self, texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self(text) for text in texts)

    def with_own(self, own: Mapping[str, str]) -> Sentences:
        """These sentences with a routine file's own translations over them."""
        if not own:
            return self
        return replace(self, table=MappingProxyType({**self.table, **own}))


ENGLISH = Sentences()


def translations_file(folder: Path, language: str) -> Path:
    return folder / FOLDER / f"{language}.toml"


def read_sentences(path: Path, language: str) -> Sentences:
    """One translation file; a missing file is no translation, a broken one a RoutineError
    naming it (the caller shows it and goes on in English)."""
    if language == i18n.PSEUDO:
        return Sentences(i18n.PSEUDO)
    if language == i18n.SOURCE or not path.is_file():
        return Sentences(language)
    data = read_toml(path, str(path))
    problems: list[Problem] = []
    table = _text_table(data.get("sentences", {}), "[sentences]", str(path), problems)
    sources = _text_table(data.get("sources", {}), "[sources]", str(path), problems)
    if data.get("language", language) != language:
        problems.append(Problem(str(path), f'language = "{data.get("language")}" in {language}'))
    reviewed = data.get("reviewed_by", "")
    if not isinstance(reviewed, str):
        problems.append(Problem(str(path), "reviewed_by must be text"))
        reviewed = ""
    if problems:
        raise RoutineError(problems)
    return Sentences(language, MappingProxyType(table), MappingProxyType(sources), reviewed)


def _text_table(raw: object, name: str, label: str, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        problems.append(Problem(label, f"{name} must be a table of text"))
        return {}
    table = {}
    for english, text in raw.items():
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(label, f"{name} {english!r}: the translation is empty"))
            continue
        table[english] = text.strip()
    return table


# ---------------------------------------------------------------------- the content, translated
def exercise_in(exercise: Exercise, say: Sentences) -> Exercise:
    return replace(
        exercise,
        title=say(exercise.title),
        instructions=say.all(exercise.instructions),
        caution=say(exercise.caution),
        breathing=say(exercise.breathing),
        source=say(exercise.source),
    )


def library_in(library: Mapping[str, Exercise], say: Sentences) -> dict[str, Exercise]:
    return {key: exercise_in(exercise, say) for key, exercise in library.items()}


def step_in(step: Step, say: Sentences) -> Step:
    """A step whose exercise came from a translated library: its own words (a routine may
    give a step its own title, instructions or caution) translated too."""
    return replace(
        step,
        exercise=exercise_in(step.exercise, say),
        title=say(step.title),
        instructions=say.all(step.instructions),
        caution=say(step.caution),
        alternative=step_in(step.alternative, say) if step.alternative is not None else None,
    )


def routine_in(routine: Routine, say: Sentences) -> Routine:
    own = say.with_own(routine.translations.get(say.language, {}))
    return replace(
        routine,
        title=own(routine.title),
        description=own(routine.description),
        note=own(routine.note),
        source=own(routine.source),
        steps=tuple(step_in(s, own) for s in routine.steps),
        rewarm=tuple(step_in(s, own) for s in routine.rewarm),
    )


def content_in(content: SafetyContent, say: Sentences) -> SafetyContent:
    """The safety, pain and advice texts in the person's language. A translated safety line
    keeps its English line's sources and adds any the translation file names for it."""

    def line(item: Line) -> Line:
        added = tuple(k for k in say.sources.get(item.text, "").replace(",", " ").split() if k)
        return Line(say(item.text), tuple(dict.fromkeys((*item.keys, *added))))

    def section(part: Section) -> Section:
        lead = line(part.lead) if part.lead is not None else None
        made = Section(say(part.title), tuple(line(i) for i in part.items), "", lead, part.own)
        source = describe(made.keys, part.own, content.sources, say)
        return replace(made, source=source)

    sections: dict[str, Any] = {name: section(getattr(content, name)) for name in SECTIONS}
    texts = {
        # a group's source note stays English here (its keys and "own choice" are read from
        # it); a screen shows it through ``content.names``
        group: {key: value if key == "source" else say(value) for key, value in values.items()}
        for group, values in content.texts.items()
    }
    return replace(content, texts=texts, names=say, **sections)


def builtin_sentences(language: str, folders: tuple[Path, ...]) -> tuple[Sentences, list[str]]:
    """The sentences of every built-in content folder in ``language``, merged; a broken
    file is left out and named in the problems (its content shows in English)."""
    merged: dict[str, str] = {}
    sources: dict[str, str] = {}
    reviewers: list[str] = []
    problems: list[str] = []
    for folder in folders:
        try:
            found = read_sentences(translations_file(folder, language), language)
        except RoutineError as exc:
            problems.extend(str(p) for p in exc.problems)
            continue
        merged.update(found.table)
        sources.update(found.sources)
        reviewers.append(found.reviewed_by)
    if language == i18n.PSEUDO:
        return Sentences(i18n.PSEUDO), problems
    reviewed = " · ".join(dict.fromkeys(r for r in reviewers if r)) if all(reviewers) else ""
    return Sentences(
        language, MappingProxyType(merged), MappingProxyType(sources), reviewed
    ), problems


def catalog_in(catalog: Catalog, say: Sentences) -> Catalog:
    catalog.routines[:] = [routine_in(routine, say) for routine in catalog.routines]
    return catalog
