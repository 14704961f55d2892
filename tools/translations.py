"""``make translations``: the template of every marked sentence, the catalogues brought up to
date with it, and the compiled catalogues the app reads.

    python -m tools.translations [--check]

1. Extract ``_()``, ``N_()``, ``ngettext()`` and ``pgettext()`` from stretchdesk/ into
   po/stretchdesk.pot.
2. Update po/<language>.po for each language in ``stretchdesk.i18n.LANGUAGES`` (new ones
   are made; a sentence whose English changed becomes fuzzy, and a fuzzy sentence is not
   used: the English shows until a translator confirms it).
3. Compile each into stretchdesk/locale/<language>/LC_MESSAGES/stretchdesk.mo.

``--check`` changes nothing and exits 1 if the template or a compiled catalogue is out of
date (the tests run it). Babel is a development dependency; the app needs only gettext.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from stretchdesk import i18n

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "po"
TEMPLATE = PO / f"{i18n.DOMAIN}.pot"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


HEAD = {
    "project": "stretchdesk",
    "copyright_holder": "The stretchdesk developers",
    "msgid_bugs_address": "https://github.com/stretchdesk/stretchdesk/issues",
    "charset": "utf-8",
    "fuzzy": False,
}
HEADER = (
    "# {language} translation of stretchdesk's own words (the content has its own files).\n"
    "# Review: {review} (stretchdesk/locale/reviews.toml)."
)


def extract() -> Catalog:
    catalog = Catalog(**HEAD)  # type: ignore[arg-type]
    found = extract_from_dir(
        str(ROOT / "stretchdesk"),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, line, message, comments, context in found:
        catalog.add(
            message,
            locations=[(f"stretchdesk/{filename}", line)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(
        out,
        catalog,
        width=100,
        sort_output=True,
        omit_header=False,
        ignore_obsolete=True,
        include_lineno=False,  # the file, not the line: editing code does not stale it
    )
    return _without_dates(out.getvalue())


def _without_dates(data: bytes) -> bytes:
    """The creation and revision dates would change every file on every run."""
    lines = [
        line
        for line in data.split(b"\n")
        if not line.startswith((b'"POT-Creation-Date:', b'"PO-Revision-Date:'))
    ]
    return b"\n".join(lines)


def _mo_bytes(catalog: Catalog) -> bytes:
    """The compiled catalogue, the same bytes on every run (its header's dates fixed)."""
    catalog.creation_date = FIXED_DATE
    catalog.revision_date = FIXED_DATE
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _settled(data: bytes, template: Catalog, language: str) -> bytes:
    """Update again until nothing changes (an update after one that dropped obsolete
    sentences can differ), so ``make translations`` twice is the same as once."""
    for _ in range(5):
        catalog = read_po(io.BytesIO(data), locale=language)
        catalog.update(template, update_header_comment=False)
        again = _po_bytes(catalog)
        if again == data:
            break
        data = again
    return data


def build() -> dict[Path, bytes]:
    """Every file ``make translations`` writes, with what it holds."""
    template = extract()
    files = {TEMPLATE: _po_bytes(template)}
    for language in i18n.LANGUAGES:
        if language == i18n.SOURCE:
            continue
        po = PO / f"{language}.po"
        if po.exists():
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=language)
            catalog.update(template, update_header_comment=False)
        else:
            catalog = Catalog(locale=language, **HEAD)  # type: ignore[arg-type]
            catalog.update(template)
        reviewer = i18n.reviewed_by(language)
        review = f"reviewed by {reviewer}" if reviewer else "not yet reviewed by a native speaker"
        catalog.header_comment = HEADER.format(language=i18n.LANGUAGES[language], review=review)
        files[po] = _settled(_po_bytes(catalog), template, language)
        mo = i18n.locale_dir() / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
        # compiled from the file as written, so a second run changes nothing
        files[mo] = _mo_bytes(read_po(io.BytesIO(files[po]), locale=language))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.translations")
    parser.add_argument("--check", action="store_true", help="change nothing; 1 if out of date")
    args = parser.parse_args(argv)
    stale = []
    for path, data in build().items():
        old = path.read_bytes() if path.exists() else None
        if old == data:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for path in stale:
        verb = "out of date" if args.check else "written"
        print(f"{path.relative_to(ROOT)}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
