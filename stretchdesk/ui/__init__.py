"""The window (Qt), a package per feature: it draws, and forwards to the Qt-free code below."""
