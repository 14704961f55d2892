"""The settings the app runs with, and the only way to change them: ``save`` writes them
and announces the change to whoever follows (``changed(old, new)``: each screen and part of
the app that shows or uses a setting), then the result (``saved(problem)``: the Settings
screen's "Saved." or what went wrong). No Qt: the services hold it (the command line only
reads the settings, with load_prefs), and a follower that fails cannot stop the others or the
save.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from stretchdesk.announcer import Announcer
from stretchdesk.i18n import _
from stretchdesk.settings.declared import Preferences
from stretchdesk.settings.loading import LoadedPreferences, open_prefs
from stretchdesk.settings.saving import NotSaved, save_prefs


def _said_plainly(exc: Exception) -> str:
    return _("The change could not be applied everywhere ({error}).").format(error=exc)


class PrefsStore:
    def __init__(
        self,
        settings: Path,
        state: Path,
        *,
        on_failure: Callable[[Exception], str] = _said_plainly,
    ) -> None:
        """Read the settings (a damaged file is kept aside: ``loaded`` says what happened).
        ``on_failure``: what a follower's exception becomes, in words."""
        self.settings = settings
        self.state = state
        self.loaded: LoadedPreferences = open_prefs(settings, state)
        self._prefs = self.loaded.prefs
        self.changed: Announcer[[Preferences, Preferences]] = Announcer(on_failure)
        self.saved: Announcer[[str | None]] = Announcer(on_failure)

    @property
    def prefs(self) -> Preferences:
        return self._prefs

    def save(self, prefs: Preferences) -> str | None:
        """Use and save ``prefs``; announce them if they differ. Returns what went wrong in
        words (saving, or a follower): they apply until the app closes even if not saved."""
        old, self._prefs = self._prefs, prefs
        problems = [p for p in (self._write(prefs),) if p]
        if prefs != old:
            problems += self.changed.emit(old, prefs)
        result = " ".join(problems) or None
        self.saved.emit(result)
        return result

    def _write(self, prefs: Preferences) -> str | None:
        try:
            save_prefs(self.settings, prefs, self.state)
        except NotSaved as exc:
            return _(
                "Settings could not be saved in {root} ({value}); they apply until you "
                "close the app."
            ).format(root=exc.folder, value=exc.strerror or exc)
        except ValueError as exc:  # a value the Settings screen should never have made
            return _("Settings were not saved: {problem}.").format(problem=exc)
        return None
