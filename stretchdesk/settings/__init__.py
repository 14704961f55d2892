"""The person's settings and the app's one-time flags: declared once (declared.py), read
(loading.py, flags.py), written (saving.py) and changed through the store that announces
it (store.py). No Qt."""

from stretchdesk.settings.declared import (
    CHOICES,
    DECLARATIONS,
    FLAGS,
    LANGUAGE_CHOICES,
    RANGES,
    SETTINGS,
    TEXT_SIZES,
    THEMES,
    VOICE_RATE_STEPS,
    Declared,
    Kind,
    Place,
    Preferences,
    whole_range,
)
from stretchdesk.settings.loading import (
    RENAMED,
    LoadedPreferences,
    from_mapping,
    load_prefs,
    open_prefs,
    salvage,
)
from stretchdesk.settings.saving import NotSaved, checked, dumps, save_prefs
from stretchdesk.settings.store import PrefsStore

__all__ = [
    "CHOICES",
    "DECLARATIONS",
    "FLAGS",
    "LANGUAGE_CHOICES",
    "RANGES",
    "RENAMED",
    "SETTINGS",
    "TEXT_SIZES",
    "THEMES",
    "VOICE_RATE_STEPS",
    "Declared",
    "Kind",
    "LoadedPreferences",
    "NotSaved",
    "Place",
    "Preferences",
    "PrefsStore",
    "checked",
    "dumps",
    "from_mapping",
    "load_prefs",
    "open_prefs",
    "salvage",
    "save_prefs",
    "whole_range",
]
