"""What the app shows of itself on the desktop's bus, in code without Qt: the session as an
MPRIS 2.2 media player (desktop/mpris.py)."""
