"""What the app needs from the desktop around it, in code without Qt: the D-Bus wire format
(desktop/wire.py)."""
