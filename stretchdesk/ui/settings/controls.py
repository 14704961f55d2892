"""The Settings screen's controls: one per setting, shown and read the same way whatever its
kind (a spin box, a check box, a choice), and the rows they sit in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from stretchdesk.i18n import LANGUAGES, SOURCE, _, desktop_language
from stretchdesk.ui.kit.flow_layout import FlowLayout
from stretchdesk.ui.kit.wheel_guard import wheel_when_focused

Control = QSpinBox | QCheckBox | QComboBox  # a control that shows one setting as it is


def show_value(control: Control, value: Any) -> None:
    if isinstance(control, QSpinBox):
        control.setValue(value)
    elif isinstance(control, QCheckBox):
        control.setChecked(value)
    else:
        control.setCurrentIndex(max(0, control.findData(value)))


def value_of(control: Control) -> Any:
    if isinstance(control, QSpinBox):
        return control.value()
    if isinstance(control, QCheckBox):
        return control.isChecked()
    return str(control.currentData())


def on_change(control: Control, then: Callable[[], None]) -> None:
    if isinstance(control, QSpinBox):
        control.valueChanged.connect(then)
    elif isinstance(control, QCheckBox):
        control.toggled.connect(then)
    else:
        control.currentIndexChanged.connect(then)


def spin(limits: tuple[int, int], step: int, *, suffix: str, name: str, tip: str) -> QSpinBox:
    spin = wheel_when_focused(QSpinBox())
    spin.setRange(*limits)
    spin.setSingleStep(step)
    spin.setSuffix(suffix)
    spin.setAccessibleName(name)
    spin.setAccessibleDescription(tip)
    return spin


def language_names() -> dict[str, str]:
    """Each language in its own words; the first follows the desktop and says which."""
    desktop = LANGUAGES.get(desktop_language(), LANGUAGES[SOURCE])
    return {"": _("Follow the desktop ({language})").format(language=desktop), **LANGUAGES}


def combo(items: dict[str, str], name: str) -> QComboBox:
    """A choice; ``items`` are marked sentences, translated here (a language's own name is
    the same in every language)."""
    combo = wheel_when_focused(QComboBox())
    for key, text in items.items():
        combo.addItem(_(text), key)
    combo.setAccessibleName(name)
    return combo


def flowing(*items: QWidget) -> QWidget:
    """Buttons in a row that goes on to a second line when one is too narrow."""
    holder = QWidget()
    row = FlowLayout(holder)
    for item in items:
        row.add(item)
    return holder
