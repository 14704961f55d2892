"""About these exercises: where each one and its dose come from, and the version."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from stretchdesk import __version__
from stretchdesk.formats import long_date
from stretchdesk.i18n import _
from stretchdesk.routine import ExerciseLibrary, Routine
from stretchdesk.routine.content import SafetyContent
from stretchdesk.routine.sources import Source
from stretchdesk.ui.before.safety_screen import section_widgets
from stretchdesk.ui.kit.widgets import label, reading


def source_html(source: Source, translate: Callable[[str], str] = str) -> str:
    name = html.escape(translate(source.name))
    link = f'<a href="{html.escape(source.url, quote=True)}">{name}</a>'
    checked = html.escape(_("Checked {date}").format(date=long_date(source.checked)))
    return f"<p>[{html.escape(source.key)}] {link}<br>{checked}</p>"


def source_links(sources: Iterable[Source], translate: Callable[[str], str] = str) -> QLabel:
    """Every source as a link that opens in the browser (by mouse, or Tab and Enter)."""
    widget = QLabel("".join(source_html(s, translate) for s in sources))
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText)
    widget.setOpenExternalLinks(True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return widget


class AboutScreen(QFrame):
    def __init__(
        self,
        content: SafetyContent,
        library: ExerciseLibrary,
        routines: list[Routine],
        reviewed: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("About these exercises"))
        self.review: QLabel | None = None
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 24, 48, 24)
        column.addWidget(label(_("About these exercises"), "title"))
        column.addWidget(
            label(
                _(
                    "Each exercise, its dose and its caution come from the public health-service "
                    "and clinical sources below; where a value is this app's own choice, it "
                    "says so."
                ),
                "lead",
            )
        )
        if not reviewed:
            self.review = label(
                _(
                    "This translation has not yet been reviewed by a native speaker. Where a "
                    "sentence seems wrong, the English one is the one the sources hold."
                ),
                "lead",
            )
            column.addWidget(self.review)
        for widget in section_widgets(
            content.how_often, heading_role="heading", lines_role="instructions"
        ):
            column.addWidget(widget)
        column.addWidget(label(_("Exercises"), "heading"))
        for exercise in sorted(library.values(), key=lambda e: e.title):
            column.addWidget(label(exercise.title, "subheading"))
            column.addWidget(label(exercise.source, "muted"))
        column.addWidget(label(_("Routines"), "heading"))
        for routine in routines:
            column.addWidget(label(routine.title, "subheading"))
            column.addWidget(label(routine.source, "muted"))
        column.addWidget(label(_("Sources"), "heading"))
        column.addWidget(
            label(
                _("Each source is cited by its key in square brackets. Links open in your browser.")
            )
        )
        self.sources = source_links(content.sources.values(), content.names)
        column.addWidget(self.sources)
        column.addSpacing(16)
        column.addWidget(label(f"stretchdesk {__version__}", "small"))
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(reading(inner, self.accessibleName()))
