"""Dates, times and numbers in the window, in the person's locale (QLocale's default, set at
start from the Language setting by app.set_language). The Qt-free layers and the documents use
stretchdesk/formats.py, which follows the same language."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

# A day and a short month without the year: no QLocale format gives one, so the pattern is
# chosen per language (the numbers, names and order of the rest come from the locale).
DAY_MONTH = {QLocale.Language.German: "d. MMM", QLocale.Language.English: "d MMM"}
DAY_MONTH_DEFAULT = "d MMM"
# a whole date in words: "2 November 2026", "2. November 2026", "2 de noviembre de 2026"
LONG_DATE = {
    QLocale.Language.German: "d. MMMM yyyy",
    QLocale.Language.Spanish: "d 'de' MMMM 'de' yyyy",
}
LONG_DATE_DEFAULT = "d MMMM yyyy"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def short_date(day: date) -> str:
    """ "3 Dec" / "3. Dez." / "3 dic" """
    locale = QLocale()
    return locale.toString(qdate(day), DAY_MONTH.get(locale.language(), DAY_MONTH_DEFAULT))


def long_date(day: date) -> str:
    """ "2 November 2026" / "2. November 2026" / "2 de noviembre de 2026" / "2 novembre 2026" """
    locale = QLocale()
    return locale.toString(qdate(day), LONG_DATE.get(locale.language(), LONG_DATE_DEFAULT))


def weekday_date_time(moment: datetime) -> str:
    """A local date and time for a table or a card: "Tue 1 Dec 2026, 08:23"."""
    locale = QLocale()
    day = qdate(moment.date())
    weekday = locale.dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)
    clock = QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    return f"{weekday} {short_date(moment.date())} {moment.year}, {clock}"


def decimal(value: float, places: int = 1) -> str:
    return QLocale().toString(value, "f", places)


def signed(value: float, places: int = 1) -> str:
    """ "+1.5" / "−0,8": the sign always written."""
    return ("+" if value >= 0 else "−") + decimal(abs(value), places)
