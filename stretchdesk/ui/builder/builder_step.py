"""The chosen step in the builder: its phase and timing, with the limits a routine file
allows shown beside each number, and the exercise's own instructions to read."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QSpinBox, QVBoxLayout, QWidget

from stretchdesk.i18n import N_, _
from stretchdesk.routine import Exercise, Phase, Sides
from stretchdesk.routine.draft import DraftStep, timing_form
from stretchdesk.routine.fields import (
    LIMITS,
    MAX_REPS,
    TIMING_KEYS,
    TableReader,
    build_timing,
    merge_timing,
)
from stretchdesk.routine.loader import timing_defaults
from stretchdesk.routine.model import Timing
from stretchdesk.ui.kit.flow_layout import FittingForm
from stretchdesk.ui.kit.wheel_guard import wheel_when_focused
from stretchdesk.ui.kit.widgets import bullet_html, bullet_list, label

NAMES = {
    "duration": N_("Time"),
    "hold": N_("Hold"),
    "rep_seconds": N_("Each rep"),
    "reps": N_("Reps"),
    "rest": N_("Rest"),
}
MARKED = {  # each with its Alt key (Time, Hold and Each rep are never shown together)
    "duration": N_("Tim&e"),
    "hold": N_("Ho&ld"),
    "rep_seconds": N_("&Each rep"),
    "reps": N_("Reps"),  # (every other letter of it is taken on this screen)
    "rest": N_("R&est"),
}
SIDE_NAMES = {
    Sides.NONE: N_("One side only"),
    Sides.BOTH: N_("Left, then right"),
    Sides.ALTERNATE: N_("Left and right in turn"),
}


def limits(key: str) -> tuple[int, int]:
    if key == "reps":
        return 1, MAX_REPS
    high = LIMITS[key][1]
    return (0 if key == "rest" else 1), int(high)


def timing_of(step: DraftStep, exercise: Exercise) -> Timing | None:
    """The step's timing, or None while its numbers do not make one."""
    reader = TableReader("step", dict(step.keys))
    fields = merge_timing(timing_defaults(exercise), reader.timing_fields())
    return None if reader.problems else build_timing(fields, reader)


def effective(step: DraftStep, exercise: Exercise) -> dict[str, object]:
    """The step's timing values: the exercise's own, with the step's changes over them."""
    overrides = {k: v for k, v in step.keys if k in TIMING_KEYS}
    return merge_timing(timing_defaults(exercise), overrides)


class StepDetails(QWidget):
    phase_changed = Signal(object)  # Phase
    timing_changed = Signal(str, object)  # key, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("The chosen step"))
        self._filling = False
        self.heading = label("", "subheading")
        self.phase = wheel_when_focused(QComboBox())
        self.phase.setAccessibleName(_("Phase"))
        for phase in Phase:
            self.phase.addItem(phase.label, phase)
        self.phase.activated.connect(self._phase)
        self.numbers: dict[str, QSpinBox] = {}
        form = FittingForm()  # narrow: each name above its field
        form.addRow(_("&Phase"), self.phase)
        for key in ("duration", "hold", "rep_seconds", "reps", "rest"):
            box = wheel_when_focused(QSpinBox())
            low, high = limits(key)
            box.setRange(low, high)
            if key != "reps":
                box.setSuffix(_(" s"))
            box.setAccessibleName(_(NAMES[key]))
            span = _("From {low} to {high}") if key == "reps" else _("From {low} to {high} s")
            box.setAccessibleDescription(span.format(low=low, high=high))
            box.setToolTip(box.accessibleDescription())
            box.valueChanged.connect(lambda value, k=key: self._number(k, value))
            form.addRow(_(MARKED[key]), box)
            self.numbers[key] = box
        self.sides = wheel_when_focused(QComboBox())
        self.sides.setAccessibleName(_("Sides"))
        for sides, marked in SIDE_NAMES.items():
            name = _(marked)
            self.sides.addItem(name, sides)
        self.sides.activated.connect(self._sides)
        form.addRow(_("S&ides"), self.sides)
        self._form = form
        self.limits = label("", "small")
        self.about = bullet_list([], "small-text")
        self.caution = label("", "caution")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(self.limits)
        column.addWidget(self.about)
        column.addWidget(self.caution)
        column.addStretch(1)
        self.show_step(None, None)

    def show_step(self, step: DraftStep | None, exercise: Exercise | None) -> None:
        self._filling = True
        try:
            self._fill(step, exercise)
        finally:
            self._filling = False

    def _fill(self, step: DraftStep | None, exercise: Exercise | None) -> None:
        shown = step is not None and exercise is not None
        for widget in (self.phase, self.sides, *self.numbers.values()):
            self._form.setRowVisible(widget, shown)
        self.limits.setVisible(shown)
        if step is None or exercise is None:
            self.heading.setText(_("Choose a step to change its timing."))
            self.about.setText("")
            self.caution.setText("")
            return
        self.heading.setText(f"{exercise.title}, {exercise.position.label}")
        self.phase.setCurrentIndex(self.phase.findData(step.phase))
        values = effective(step, exercise)
        keys = timing_form(_timing_of(values))
        for key, box in self.numbers.items():
            self._form.setRowVisible(box, key in keys)
            if key in keys:
                box.setValue(round(float(str(values[key]))))
        self._form.setRowVisible(self.sides, exercise.per_side)
        self.sides.setCurrentIndex(self.sides.findData(Sides(str(values.get("sides", "none")))))
        spans = [
            _("{name} {low} to {high}").format(
                name=_(NAMES[k]).lower(), low=limits(k)[0], high=limits(k)[1]
            )
            for k in keys
        ]
        self.limits.setText(
            _("Allowed: {limits}. Seconds, except reps.").format(limits=", ".join(spans))
        )
        self.about.setText(bullet_html(exercise.instructions))
        self.caution.setText(exercise.caution)

    def _phase(self, index: int) -> None:
        if not self._filling:
            self.phase_changed.emit(self.phase.itemData(index))

    def _number(self, key: str, value: int) -> None:
        if not self._filling:
            self.timing_changed.emit(key, value)

    def _sides(self, index: int) -> None:
        if not self._filling:
            self.timing_changed.emit("sides", str(self.sides.itemData(index)))


def _timing_of(values: dict[str, object]) -> Timing:
    if "duration" in values:
        return Timing(duration=1.0)
    if "hold" in values:
        return Timing(hold=1.0)
    return Timing(rep_seconds=1.0)
