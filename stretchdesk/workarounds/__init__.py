"""Every place where stretchdesk works around a library's bug or cost, in one package.

Each module's docstring starts with a WORKAROUND block: the library and versions, why it is
needed, and when to re-check it (tests/test_workarounds.py keeps every block complete). At
each PySide6, Qt or Python upgrade, read them all.

- pyside_none_refcount: refuse PySide6 6.12.0 on Python 3.11 (None's reference count).
- pyside_import_hook: PySide6's per-module source check, answered by reading the file.
- glibc_heap: a fixed mmap threshold, so freed decode buffers return to the system.
"""
