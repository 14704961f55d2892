"""About these exercises: where each one and its dose come from, and the version."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from stretchdesk import __version__
from stretchdesk.routine import ExerciseLibrary, Routine
from stretchdesk.routine.content import SafetyContent
from stretchdesk.ui.widgets import label, scrolled


class AboutScreen(QWidget):
    def __init__(
        self,
        content: SafetyContent,
        library: ExerciseLibrary,
        routines: list[Routine],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("About these exercises")
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 24, 48, 24)
        column.addWidget(label("About these exercises", "title"))
        column.addWidget(
            label(
                "Each exercise, its dose and its caution come from the public health-service "
                "and clinical sources below; where a value is this app's own choice, it says so.",
                "lead",
            )
        )
        column.addWidget(label("Exercises", "heading"))
        for exercise in sorted(library.values(), key=lambda e: e.title):
            column.addWidget(label(exercise.title, "subheading"))
            column.addWidget(label(exercise.source, "muted"))
        column.addWidget(label("Routines", "heading"))
        for routine in routines:
            column.addWidget(label(routine.title, "subheading"))
            column.addWidget(label(routine.source, "muted"))
        column.addWidget(label("Sources", "heading"))
        self.sources = label("\n".join(f"[{s.key}]  {s.name}" for s in content.sources))
        self.sources.setAccessibleName("Sources")
        self.sources.setTextInteractionFlags(self.sources.textInteractionFlags())
        column.addWidget(self.sources)
        column.addSpacing(16)
        column.addWidget(label(f"stretchdesk {__version__}", "small"))
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner))
