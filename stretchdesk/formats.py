"""Dates, times and numbers in the person's language, without Qt: for the Qt-free layers,
the command line and the documents. The window uses QLocale (stretchdesk/ui/kit/formats.py).

The names of months and weekdays, the order of a date's parts and the decimal mark are
translated like any other sentence (a translator writes "{day}. {month} {year}" for German),
so no locale has to be installed on the machine. Machine-readable output (CSV, the history
file, settings) never goes through here: it stays ISO-8601 with a decimal point.
"""

from __future__ import annotations

from datetime import date, datetime, time

from stretchdesk.i18n import N_, _, pgettext

MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


def month_name(day: date) -> str:
    return _(MONTHS[day.month - 1])


def short_month(day: date) -> str:
    names = (
        pgettext("short month", "Jan"),
        pgettext("short month", "Feb"),
        pgettext("short month", "Mar"),
        pgettext("short month", "Apr"),
        pgettext("short month", "May"),
        pgettext("short month", "Jun"),
        pgettext("short month", "Jul"),
        pgettext("short month", "Aug"),
        pgettext("short month", "Sep"),
        pgettext("short month", "Oct"),
        pgettext("short month", "Nov"),
        pgettext("short month", "Dec"),
    )
    return names[day.month - 1]


def weekday_name(day: date) -> str:
    return _(WEEKDAYS[day.weekday()])


def long_date(day: date) -> str:
    """ "3 December 2026" """
    # Translators: a date; keep the names in braces, put them in your language's order.
    return pgettext("long date", "{day} {month} {year}").format(
        day=day.day, month=month_name(day), year=day.year
    )


def short_date(day: date) -> str:
    """ "3 Dec 2026" """
    # Translators: a date with a short month name.
    return pgettext("short date", "{day} {month} {year}").format(
        day=day.day, month=short_month(day), year=day.year
    )


def day_month(day: date) -> str:
    """ "3 Dec" """
    # Translators: a day and a short month name, without the year.
    return _("{day} {month}").format(day=day.day, month=short_month(day))


def month_year(day: date) -> str:
    """ "Dec 2026" """
    # Translators: a short month name and a year.
    return _("{month} {year}").format(month=short_month(day), year=day.year)


def clock(moment: time | datetime) -> str:
    """A time of day, 24-hour: "08:05" ("8.05 Uhr" if a translator writes it so)."""
    # Translators: a time of day; {hour} and {minute} are two digits each.
    return _("{hour}:{minute}").format(hour=f"{moment.hour:02d}", minute=f"{moment.minute:02d}")


def date_time(moment: datetime) -> str:
    """ "3 Dec 2026, 08:05" """
    # Translators: a date followed by a time of day.
    return _("{date}, {time}").format(date=short_date(moment.date()), time=clock(moment))


def decimal(value: float, places: int = 1) -> str:
    """A number with the language's decimal mark: "5.5" / "5,5"."""
    text = f"{value:.{places}f}"
    # Translators: the decimal mark of your language ("," in German, Spanish and French).
    return text.replace(".", pgettext("decimal mark", "."))
