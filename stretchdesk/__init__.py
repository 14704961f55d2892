"""stretchdesk: a guided, safe lower-back routine for the mat."""

__version__ = "0.1.0"
