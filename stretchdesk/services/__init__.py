"""What the window needs from the rest of the app, built once by app.py. No Qt.

``Services`` loads the content in the person's language and holds its parts, one module
each: the settings (stretchdesk/settings/: a store that announces changes), the routines
on offer (routines.py, announcing ``routines_changed``), the history (history.py), what the
screens say from them (words.py) and the making of a session (sessions.py). Problems with
any of them become sentences in ``notices`` for the window's banner; none stops the app.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from stretchdesk import i18n, paths
from stretchdesk.announcer import Announcer
from stretchdesk.crashlog import write_crash_log
from stretchdesk.i18n import _
from stretchdesk.routine import Catalog, ExerciseLibrary, load_catalog, load_library
from stretchdesk.routine.catalog import FileMemo
from stretchdesk.routine.content import SafetyContent, sources_path
from stretchdesk.routine.services_for import local_content
from stretchdesk.routine.sources import load_sources
from stretchdesk.routine.territory import desktop_territory
from stretchdesk.routine.tomlfile import keeping
from stretchdesk.routine.translate import (
    ENGLISH,
    builtin_sentences,
    catalog_in,
    content_in,
    library_in,
)
from stretchdesk.services.content_cache import ContentCache
from stretchdesk.services.notices import Notice
from stretchdesk.services.routines import RoutineShelf
from stretchdesk.services.sessions import LiveSession, SessionFactory
from stretchdesk.services.words import ScreenWords
from stretchdesk.session import Clock, monotonic
from stretchdesk.settings import Preferences, PrefsStore

if TYPE_CHECKING:  # (the history loads after the window's first paint)
    import sqlite3

    from stretchdesk.history import HistoryStore


def utc_now() -> datetime:
    """The one clock's time (history/timefmt.py), its module loaded when first asked."""
    from stretchdesk.history.timefmt import utc_now as now  # noqa: PLC0415

    return now()


def content_path() -> Path:
    return paths.content_file()


content_folders = paths.content_folders


class Services(RoutineShelf, ScreenWords, SessionFactory):
    def __init__(
        self,
        data: paths.DataPaths,
        library: ExerciseLibrary,
        catalog: Catalog,
        content: SafetyContent,
        *,
        clock: Clock = monotonic,
        wall: Callable[[], datetime] = utc_now,
    ) -> None:
        self.data = data
        self.library = library
        self.catalog = catalog
        self.content = content
        self.clock = clock
        self.wall = wall
        self.notices: list[Notice] = []
        self.memo = FileMemo()  # what the person's routine files held when last read
        self.texts = ENGLISH  # the content's sentences in the person's language (see load)
        self.routines_changed: Announcer[[]] = Announcer(self._follower_failed)
        self.store: HistoryStore | None = None
        self.store_opened: Callable[[HistoryStore], None] | None = None  # (opened late)
        self._reader: sqlite3.Connection | None = None
        self.history_waiting = False  # (Services.load: opened now, or after the first paint)
        self.late_notices: list[Notice] = []
        self.settings = PrefsStore(data.settings, data.flags, on_failure=self._follower_failed)
        loaded = self.settings.loaded
        if loaded.damaged is not None:  # what happened, then what could not be used
            said, *details = loaded.problems
            self.notices.append(Notice(said, details=details))
        elif loaded.problems:
            self.notices.append(
                Notice(_("Some settings could not be used."), details=loaded.problems)
            )

    @classmethod
    def load(
        cls,
        data: paths.DataPaths,
        *,
        clock: Clock = monotonic,
        wall: Callable[[], datetime] = utc_now,
        quick_bytes: int | None = None,
    ) -> Services:
        """Load the built-in content; a broken install raises RoutineError (shown by app.py).
        ``quick_bytes``: read only so much of the person's routine files now; the others
        wait in ``catalog.pending`` (the window reads them once it shows), and the history
        is opened once the window is first painted (or first read), not now."""
        cache = ContentCache(paths.content_cache(), paths.assets_dir())  # (as last parsed)
        with keeping(cache):
            texts, problems = builtin_sentences(i18n.language(), content_folders())
            library = library_in(load_library(paths.exercises_dir()), texts)
            sources = load_sources(sources_path(content_path()))
            memo = FileMemo()
            catalog = load_catalog(
                library,
                paths.builtin_routines_dir(),
                data.routines,
                sources,
                quick_bytes=quick_bytes,
                memo=memo,
            )
            # the numbers to call where the desktop says it is (routine/services_for.py)
            place = local_content(content_path(), sources, i18n.language(), desktop_territory())
        cache.save()
        content = content_in(place, texts)
        services = cls(data, library, catalog_in(catalog, texts), content, clock=clock, wall=wall)
        services.memo = memo
        services.texts = texts
        if problems:
            services.notices.append(
                Notice(
                    _("Some translations could not be read: shown in English."), details=problems
                )
            )
        if quick_bytes is None:
            services.open_history()
        else:
            services.history_waiting = True
        return services

    def reviewed(self) -> bool:
        """Both the window's words and the content were checked by a native speaker (or
        are the English they are written in)."""
        english = i18n.language() in (i18n.SOURCE, i18n.PSEUDO)
        return english or bool(i18n.reviewed_by() and self.texts.reviewed_by)

    # ------------------------------------------------------------------ settings
    @property
    def prefs(self) -> Preferences:
        """The settings now (changed only through ``settings.save``, which announces it)."""
        return self.settings.prefs

    def _follower_failed(self, exc: Exception) -> str:
        """A part of the app that follows the settings or the routines failed: written to
        crash.log; one sentence for the person."""
        log = write_crash_log(self.data.crash_log, exc, "following a change")
        where = _(" The details are in {log}.").format(log=log) if log else ""
        return _(
            "Something went wrong while following the change ({error}); everything else "
            "carried on.{where}"
        ).format(error=exc, where=where)

    def close(self) -> None:
        self.close_history()


__all__ = ["LiveSession", "Notice", "Services", "content_folders", "content_path"]
