"""The history screen's report for a physiotherapist: the days chosen, saved as a PDF, and
each exercise's dose on the screen itself."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock
from stretchdesk.ui.history.report_actions import ReportDialog
from stretchdesk.ui.printing.save_pdf import PDF_FILTER
from stretchdesk.ui.shell.main_window import MainWindow
from tests.documents.test_sheet import pdf_info, pdf_text
from tests.ui.flows import run_until, start_session


@pytest.mark.needs("pdfinfo", "pdftotext", package="poppler-utils")
def test_the_history_screen_saves_a_report(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: window.current is window.completion, limit=4 * 3600)
    window.nav_buttons["history"].click()
    history = window.history
    assert "Single knee to chest (Quick relief): Hold 20 seconds, 2 times on each side since" in (
        history.doses.text()
    )
    chosen: list[tuple[object, object]] = []

    def accept(dialog: ReportDialog) -> int:  # the person keeps the days offered
        chosen.append(dialog.days())
        return QDialog.DialogCode.Accepted.value

    target = tmp_path / "report.pdf"
    monkeypatch.setattr(ReportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), PDF_FILTER))
    history.report.click()
    ((start, end),) = chosen
    assert end - start <= timedelta(weeks=12)
    assert int(pdf_info(target)["Pages"]) >= 1
    text = " ".join(pdf_text(target).split())
    assert "Exercise report" in text and "Quick relief" in text
    assert "Saved the report to" in window.banner.text
