"""The screenshots of making and receiving routines: the builder (a copy of a built-in
routine being changed, with a refused move), the offer of a file from a clinician, and the
routines screen with the person's own routine on it (who made it, their note)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from stretchdesk.routine.mine import examine
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.desktop import sent_files
from stretchdesk.ui.routines import routine_actions

if TYPE_CHECKING:
    from tools.screenshots import Shooter

PRESCRIBED = """\
id = "from-the-clinic"
title = "From the clinic"
author = "Prescribed by Sam Rivera, physiotherapist, 1 December"
note = "Twice a day for 2 weeks. Go gently; stop with sharp pain."
description = "Gentle movement, then two stretches."
source = "Chosen for you by your physiotherapist: their own choice."

[[step]]
exercise = "march-in-place"
phase = "warmup"
duration = 90

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"

[[step]]
exercise = "knee-to-chest"
phase = "stretch"
hold = 15
reps = 3

[[step]]
exercise = "figure-four"
phase = "stretch"
"""


def routine_screens(shot: Shooter, tmp: Path, theme: str, size: tuple[int, int]) -> None:
    from tools.screenshots import make_window  # noqa: PLC0415

    data = tmp / f"{theme}-routines"
    data.mkdir()
    save_prefs(data / "settings.toml", Preferences(theme=theme, safety_seen=True))
    window, _ = make_window(data, theme, size)
    shot.window = window
    window.start.select("quick-relief")
    window.start.mine_actions["copy"].trigger()
    builder = window.builder
    builder.add_exercise("cat-cow")
    builder.steps.setCurrentRow(5)
    builder.move_step(5, 0)  # a stretch to the top: refused, with the check's words
    shot("builder")
    # A file from the physiotherapist, as it is offered.
    sent = tmp / f"{theme}-mail" / "from-the-clinic.toml"
    sent.parent.mkdir()
    sent.write_text(PRESCRIBED, encoding="utf-8")
    builder.editor.mark_saved()
    window.go_start()
    services = window.services
    found = examine(sent, services.library, services.catalog, services.content.sources)
    box = QMessageBox(QMessageBox.Icon.Question, "Add this routine?", "", parent=window)
    box.setText(sent_files.offer_text(found, services.planned_seconds(found.routine)))  # type: ignore[arg-type]
    box.addButton("Add to my routines", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.show()
    for _ in range(3):
        shot.app.processEvents()
    path = shot.out / f"{theme}-routine-offer{shot.suffix}.png"
    box.grab().save(str(path))
    shot.saved.append(path)
    box.hide()
    from stretchdesk.routine.mine import add_to_mine  # noqa: PLC0415

    add_to_mine(found, services.data.routines)
    routine_actions.refresh(window, "from-the-clinic")
    window.go_start()
    window.start.select("from-the-clinic")
    for _ in range(3):
        shot.app.processEvents()
    shot("start-mine")
    window.close()
    window.services.close()
