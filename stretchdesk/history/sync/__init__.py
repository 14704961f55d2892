"""One history across a person's computers, through a folder their own sync engine
(Syncthing, Nextcloud, any synced folder) keeps in step. No Qt, no network.

The live SQLite file is never put in the folder: each computer writes only its own small
immutable files there (names.py: one per finished session, one per later change), and
reads the others' into its own history (inbox.py), idempotent and in any order; of two
changes to one field the later wins (fields.py). ``SyncFolder.run`` is one pass.
"""

from stretchdesk.history.sync.syncer import SyncFolder, SyncReport

__all__ = ["SyncFolder", "SyncReport"]
