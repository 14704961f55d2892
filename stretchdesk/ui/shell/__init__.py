"""The window's frame: main window, screens built on first use, navigation, banner, place."""
