"""The routines on offer, as the person's files say them: read at start (the large ones
after the first paint, on a worker thread), again when a file is saved, added, deleted or
put in the folder, and the routines opened from elsewhere kept on offer. A part of
``Services``; the reading itself is Qt-free and safe on any thread, taking the result in is
the window thread's."""

from __future__ import annotations

from pathlib import Path

from stretchdesk import paths
from stretchdesk.announcer import Announcer
from stretchdesk.routine import Catalog, ExerciseLibrary, Routine, load_catalog
from stretchdesk.routine.catalog import FileMemo, Loaded
from stretchdesk.routine.content import SafetyContent
from stretchdesk.routine.translate import Sentences, catalog_in, routine_in


class RoutineShelf:
    """What ``Services`` holds for it: the library, the content (its sources), the person's
    folder, the memo of files read and the translation of their words."""

    library: ExerciseLibrary
    content: SafetyContent
    catalog: Catalog
    memo: FileMemo
    texts: Sentences
    data: paths.DataPaths
    routines_changed: Announcer[[]]  # the routines on offer changed (the cards follow)

    def reload_routines(self) -> None:
        """Read the routines again after one of the person's files was saved, added or
        deleted; a routine opened from elsewhere (``--routine FILE``) stays on offer."""
        self.use_routines(self.read_catalog())

    def read_catalog(self) -> Catalog:
        """The routines as the files say now, a file that did not change not read again
        (touches nothing here: any thread may ask)."""
        return catalog_in(
            load_catalog(
                self.library,
                paths.builtin_routines_dir(),
                self.data.routines,
                self.content.sources,
                memo=self.memo,
            ),
            self.texts,
        )

    def use_routines(self, catalog: Catalog) -> None:
        """Offer ``catalog`` from now on, with the routines opened from elsewhere; announced
        if that changes what is on offer."""
        mine = self.data.routines.resolve() if self.data.routines.is_dir() else None
        opened = [
            r
            for r in self.catalog.routines
            if not r.builtin and (r.path is None or r.path.resolve().parent != mine)
        ]
        before, self.catalog = self.catalog, catalog
        for routine in opened:
            self.catalog.add(routine)
        if self.catalog != before:
            self.routines_changed.emit()

    def read_routines(self, files: list[Path]) -> list[tuple[Path, Loaded]]:
        """Read and check routine files: the costly part, safe on a worker thread."""
        return [(path, self.memo.load(path, self.library)) for path in files]

    def take_routines(self, read: list[tuple[Path, Loaded]]) -> bool:
        """Offer the routines of files read late (``catalog.pending``), in the person's
        language; True (and announced) if there is something new to show."""
        taken = self.catalog.take(read, self.content.sources, lambda r: routine_in(r, self.texts))
        if taken:
            self.routines_changed.emit()
        return taken

    def finish_routines(self) -> bool:
        """Read now whatever of the person's routine files is still waiting; True if
        there was any."""
        return bool(self.catalog.pending) and self.take_routines(
            self.read_routines(self.catalog.pending)
        )

    def add_routine(self, routine: Routine) -> bool:
        """Offer a routine opened from a file (``--routine FILE``); True (and announced) if
        it is new."""
        added = self.catalog.add(routine)
        if added:
            self.routines_changed.emit()
        return added
