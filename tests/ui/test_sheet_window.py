"""The routines screen's exercise sheet: Save as PDF for the chosen routine, and a clear
message when the file cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from stretchdesk.session.health import Answer, plan_for
from stretchdesk.ui.printing.save_pdf import PDF_FILTER as PDF
from stretchdesk.ui.shell.main_window import MainWindow
from tests.documents.test_sheet import pdf_info, pdf_text


@pytest.mark.needs("pdfinfo", package="poppler-utils")
def test_the_routines_screen_saves_the_chosen_routines_sheet(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "for my physio.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), PDF))
    window.start.select("quick-relief")
    menu = window.start.sheet.menu()
    assert [a.text() for a in menu.actions()] == ["Save as PDF…", "Print…"]
    menu.actions()[0].trigger()
    assert target.exists() and pdf_info(target)["Title"] == "Quick relief"
    assert "Saved the exercise sheet of Quick relief" in window.banner.text
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocked / "x.pdf"), PDF)
    )
    menu.actions()[0].trigger()
    assert (
        "could not be saved" in window.banner.text and "nothing was written" in window.banner.text
    )


@pytest.mark.needs("pdfinfo", package="poppler-utils")
def test_print_goes_through_the_systems_print_dialog(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415

    target = tmp_path / "printed.pdf"
    asked: list[str] = []

    def accept(dialog: QPrintDialog) -> int:  # the person picks "print to file" and OK
        asked.append(dialog.windowTitle())
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.start.select("lower-back-spasm")
    window.start.sheet.menu().actions()[1].trigger()
    assert asked == ["Print the exercise sheet of Lower back spasm relief"]
    assert int(pdf_info(target)["Pages"]) >= 3


@pytest.mark.needs("pdftotext", package="poppler-utils")
def test_the_sheet_leaves_out_what_the_session_leaves_out(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = window.services
    services.settings.save(services.prefs.with_health(frozenset({Answer.OSTEOPOROSIS})))
    routine = services.catalog.get("lower-back-spasm")
    assert routine is not None
    plan = plan_for(routine, services.prefs.health_answers())
    assert plan.left_out
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), PDF))
    window.start.select("lower-back-spasm")
    window.start.sheet.menu().actions()[0].trigger()
    text = " ".join(pdf_text(target).split())
    for line in services.health_for(routine).card:  # the card the routines screen shows
        assert line in text
    for index, step in enumerate(routine.steps):
        assert (f". {step.title} (" in text) == (index not in plan.left_out), step.title
