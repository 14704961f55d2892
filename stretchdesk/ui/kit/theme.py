"""Light and dark themes with strong contrast, and a text size that scales the whole window.

Widgets say what they are with a ``role`` (labels) or ``kind`` (buttons) property; the one
style sheet here decides how each looks. Colours meet WCAG AA (4.5:1) for text; the pain
button is white on deep red in both themes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from stretchdesk import paths

if TYPE_CHECKING:
    from stretchdesk.settings import Preferences

TEXT_SCALE = {"normal": 1.0, "large": 1.25, "extra-large": 1.5}
BASE_PX = 18


@dataclass(frozen=True)
class Colors:
    window: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    focus: str
    pain: str
    pain_hover: str
    alert: str  # headings of the red flags
    warn_bg: str
    warn_text: str
    error_bg: str
    error_text: str
    ok: str
    link: str  # links on the window's colour and on a surface: 4.5:1 or more on both
    dark: bool


LIGHT = Colors(
    window="#f5f3ee",
    surface="#ffffff",
    text="#1c1d1f",
    muted="#4b5157",
    accent="#1d6770",
    accent_text="#ffffff",
    border="#c9c6bd",
    focus="#0b57d0",
    pain="#b3261e",
    pain_hover="#8c1d18",
    alert="#a11d16",
    warn_bg="#fff4d6",
    warn_text="#4a3800",
    error_bg="#fde7e6",
    error_text="#5c1410",
    ok="#1e6b34",
    link="#0b57d0",
    dark=False,
)
DARK = Colors(
    window="#16191d",
    surface="#21262c",
    text="#f1f3f4",
    muted="#b9c0c7",
    accent="#7fd0d8",
    accent_text="#0d1f22",
    border="#454c55",
    focus="#8ab4f8",
    pain="#c62828",
    pain_hover="#e53935",
    alert="#ffb4ab",
    warn_bg="#3d3317",
    warn_text="#ffe7a3",
    error_bg="#4a1c1a",
    error_text="#ffdad6",
    ok="#8fd19e",
    link="#8ab4f8",
    dark=True,
)


def colors_for(theme: str) -> Colors:
    if theme == "dark":
        return DARK
    if theme == "light":
        return LIGHT
    hints = QGuiApplication.styleHints()
    return DARK if hints.colorScheme() == Qt.ColorScheme.Dark else LIGHT


def check_mark(c: Colors) -> str:
    """A tick drawn in the colour that reads on the accent (a styled box loses Qt's own)."""
    name = "check-dark.svg" if c.dark else "check-light.svg"
    return (paths.assets_dir() / "ui" / name).as_posix()


def paused_bg(c: Colors) -> str:
    """The pause overlay: the window's colour, mostly opaque, so the words stand out."""
    colour = QColor(c.window)
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, 225)"


def px(size: float, scale: float) -> int:
    return round(size * scale)


def style_sheet(c: Colors, scale: float) -> str:
    def f(size: float) -> str:
        return f"{px(size, scale)}px"

    return f"""
    QWidget {{ background: {c.window}; color: {c.text}; font-size: {f(BASE_PX)}; }}
    QLabel {{ background: transparent; }}
    QLabel[role="title"] {{ font-size: {f(40)}; font-weight: 600; }}
    QLabel[role="heading"] {{ font-size: {f(28)}; font-weight: 600; }}
    QLabel[role="subheading"] {{ font-size: {f(22)}; font-weight: 600; }}
    QLabel[role="lead"] {{ font-size: {f(24)}; }}
    QLabel[role="muted"] {{ color: {c.muted}; }}
    QLabel[readable="true"] {{ border: 3px solid transparent; }}
    QLabel[readable="true"]:focus {{ border: 3px solid {c.focus}; }}
    QLabel[role="alert"] {{ color: {c.alert}; font-size: {f(22)}; font-weight: 600; }}
    QLabel[role="emergency"] {{ color: {c.alert}; font-size: {f(32)}; font-weight: 700; }}
    QLabel[role="emergency-lead"] {{ font-size: {f(24)}; font-weight: 600; }}
    QFrame[role="emergency-box"] {{ background: {c.surface}; border: 3px solid {c.alert};
        border-radius: {f(12)}; }}
    QLabel[role="small-text"] {{ font-size: {f(16)}; }}
    QLabel[role="instructions"] {{ font-size: {f(20)}; }}
    QLabel[role="small"] {{ color: {c.muted}; font-size: {f(15)}; }}
    QLabel[role="badge"] {{ background: {c.accent}; color: {c.accent_text};
        border-radius: {f(8)}; padding: {f(4)} {f(14)}; font-size: {f(22)}; font-weight: 600; }}
    QLabel[role="getready"] {{ color: {c.accent}; font-size: {f(30)}; font-weight: 700; }}
    QLabel[role="caution"] {{ color: {c.warn_text}; background: {c.warn_bg};
        border-radius: {f(6)}; padding: {f(8)}; }}
    QLabel[role="notice"] {{ color: {c.warn_text}; background: {c.warn_bg};
        border-radius: {f(6)}; padding: {f(10)}; font-size: {f(22)}; }}
    QLabel[role="notice-empty"] {{ background: transparent; padding: {f(10)}; }}
    QLabel[role="place"], QLabel[role="breathing"] {{ color: {c.muted}; }}
    QLabel[role="side"] {{ color: {c.text}; }}
    QLabel[role="paused"] {{ color: {c.text}; background: {paused_bg(c)};
        border: 4px solid {c.accent}; border-radius: {f(16)}; font-weight: 800; }}
    QFrame[role="card"] {{ background: {c.surface}; border: 2px solid {c.border};
        border-radius: {f(12)}; }}
    QFrame[role="card"][selected="true"] {{ border: 4px solid {c.accent}; }}
    QFrame[role="card"]:focus {{ border: 4px solid {c.focus}; }}
    QFrame[role="card"][broken="true"] {{ background: {c.warn_bg}; border: 2px dashed {c.border}; }}
    QFrame[role="card"][broken="true"] QLabel {{ color: {c.warn_text}; }}
    QFrame[role="card"][broken="true"]:focus {{ border: 4px solid {c.focus}; }}
    QFrame[role="banner"] {{ background: {c.warn_bg}; border-bottom: 2px solid {c.border}; }}
    QFrame[role="banner"][error="true"] {{ background: {c.error_bg}; }}
    QFrame[role="banner"] QLabel {{ color: {c.warn_text}; }}
    QFrame[role="banner"][error="true"] QLabel {{ color: {c.error_text}; }}
    QFrame[role="panel"] {{ background: {c.surface}; border-radius: {f(12)}; }}
    QPushButton {{ background: {c.surface}; color: {c.text}; border: 2px solid {c.border};
        border-radius: {f(10)}; padding: {f(10)} {f(20)}; min-height: {f(36)}; }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton:focus {{ border: 4px solid {c.focus}; }}
    QPushButton:disabled {{ color: {c.muted}; border-style: dashed; }}
    QPushButton:checked {{ background: {c.accent}; color: {c.accent_text}; }}
    QPushButton[kind="primary"] {{ background: {c.accent}; color: {c.accent_text};
        border-color: {c.accent}; font-size: {f(24)}; font-weight: 600; }}
    QPushButton[kind="primary"]:focus {{ border: 4px solid {c.focus}; }}
    QPushButton[kind="pain"] {{ background: {c.pain}; color: #ffffff; border: 3px solid {c.pain};
        border-radius: {f(14)}; font-size: {f(30)}; font-weight: 700;
        padding: {f(14)} {f(28)}; min-height: {f(64)}; }}
    QPushButton[kind="pain"]:hover {{ background: {c.pain_hover}; }}
    QPushButton[kind="pain"]:focus {{ border: 5px solid {c.focus}; }}
    QPushButton[kind="nav"] {{ border: none; background: transparent; padding: {f(8)} {f(14)}; }}
    QPushButton[kind="nav"][current="true"] {{ background: {c.surface}; color: {c.accent};
        border-bottom: 4px solid {c.accent}; border-radius: 0; }}
    QPushButton[kind="nav"]:focus {{ border: 3px solid {c.focus}; }}
    QRadioButton[kind="rating"] {{ font-size: {f(24)}; }}
    QListWidget, QTableView, QPlainTextEdit, QLineEdit {{
        background: {c.surface}; border: 2px solid {c.border}; border-radius: {f(6)};
        padding: {f(4)}; }}
    QListWidget:focus, QTableView:focus, QPlainTextEdit:focus, QLineEdit:focus {{
        border: 3px solid {c.focus}; }}
    QSpinBox, QComboBox {{ min-height: {f(36)}; min-width: {f(200)}; }}
    QListWidget::item {{ padding-top: {f(3)}; padding-bottom: {f(3)}; }}
    QListWidget::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QHeaderView::section {{ background: {c.window}; color: {c.text}; border: none;
        border-bottom: 2px solid {c.border}; padding: {f(6)}; font-weight: 600; }}
    QTableView::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QCalendarWidget QTableView {{ padding: 0; border: none; }}
    QCalendarWidget QSpinBox {{ min-width: 0; }}
    QCheckBox {{ spacing: {f(10)}; }}
    QCheckBox::indicator {{ width: {f(22)}; height: {f(22)}; border: 2px solid {c.border};
        border-radius: {f(4)}; background: {c.surface}; }}
    QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.accent};
        image: url({check_mark(c)}); }}
    QCheckBox[role="lead"] {{ font-size: {f(24)}; }}
    QCheckBox[role="lead"]::indicator {{ width: {f(30)}; height: {f(30)};
        border: 2px solid {c.border}; border-radius: {f(4)}; background: {c.surface}; }}
    QCheckBox[role="lead"]::indicator:checked {{ background: {c.accent};
        border-color: {c.accent}; image: url({check_mark(c)}); }}
    QCheckBox:focus {{ color: {c.focus}; }}
    QCheckBox::indicator:focus {{ border: 3px solid {c.focus}; }}
    QLabel[focused="true"] {{ color: {c.focus}; }}
    QScrollArea {{ border: none; }}
    QScrollArea[kind="reading"] {{ border: 3px solid transparent; }}
    QScrollArea[kind="reading"]:focus {{ border: 3px solid {c.focus}; }}
    QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}
    """


def apply_theme(app: QApplication, theme: str, text_size: str) -> Colors:
    """Style the whole application; returns the colours for widgets that paint themselves."""
    c = colors_for(theme)
    scale = TEXT_SCALE.get(text_size, 1.0)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(c.window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(c.text))
    palette.setColor(QPalette.ColorRole.Base, QColor(c.surface))
    palette.setColor(QPalette.ColorRole.Text, QColor(c.text))
    palette.setColor(QPalette.ColorRole.Button, QColor(c.surface))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(c.text))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(c.accent))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(c.accent_text))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(c.muted))
    for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
        palette.setColor(role, QColor(c.link))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(c, scale))
    app.setProperty("stretchdesk_scale", scale)
    app.setProperty("stretchdesk_dark", c.dark)
    return c


def current_colors() -> Colors:
    app = QApplication.instance()
    return DARK if app is not None and app.property("stretchdesk_dark") else LIGHT


def current_scale() -> float:
    app = QApplication.instance()
    value = app.property("stretchdesk_scale") if app is not None else None
    return float(value) if value else 1.0


def theme_follows(old: Preferences, new: Preferences) -> None:
    """A follower of the settings: the whole application restyled when the theme or the
    text size changes."""
    app = QApplication.instance()
    if (old.theme, old.text_size) != (new.theme, new.text_size) and isinstance(app, QApplication):
        apply_theme(app, new.theme, new.text_size)
