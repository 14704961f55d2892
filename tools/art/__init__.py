"""Reproducible artwork for stretchdesk: exercise illustrations, the icon, the contact sheet.

Run ``python -m tools.art`` (``make assets``) to regenerate everything under assets/ and docs/.
"""
