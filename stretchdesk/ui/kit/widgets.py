"""Small building blocks shared by the screens: labels, buttons, text areas, check boxes
whose words wrap (the 0-10 pain scale is ui/kit/pain_scale.py)."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtGui import Qt as TextQt
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from stretchdesk.i18n import _
from stretchdesk.ui.kit.theme import current_scale


def double_click_seconds() -> float:
    """The desktop's double-click interval."""
    hints = QGuiApplication.styleHints()
    return max(0.1, hints.mouseDoubleClickInterval() / 1000.0)


def label(text: str = "", role: str | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    return widget


class Button(QPushButton):
    """A push button that Enter presses once: held down, Enter repeats nothing (Qt's own
    button would click again with every repeat of the key)."""

    # the size its words ask for at their own size, while they are drawn smaller to fit
    # (ShrinkToFit): the layout keeps offering that much, so they grow back when they can
    natural_size: QSize | None = None

    def sizeHint(self) -> QSize:
        return self.natural_size if self.natural_size is not None else super().sizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)


def button(text: str, name: str, description: str, kind: str | None = None) -> QPushButton:
    """A button that Enter presses when it has focus, with an accessible name and description."""
    widget = Button(text)
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setToolTip(plain_tip(description))
    widget.setAutoDefault(True)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    if kind:
        widget.setProperty("kind", kind)
    return widget


def widest_word(font: QFont, text: str) -> float:
    """The width of the widest word of ``text`` in ``font``."""
    metrics = QFontMetricsF(font)
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)


def pixels_for_cap(font: QFont, cap: float) -> int:
    """The font's pixel size whose capitals are at least ``cap`` pixels tall."""
    probe = QFont(font)
    probe.setPixelSize(100)
    per_pixel = QFontMetricsF(probe).capHeight() / 100 or 0.7
    return max(8, math.ceil(cap / per_pixel))


def wrapped_height(words: QLabel, text: str, width: int, font: QFont | None = None) -> int:
    """The height ``words`` would take with ``text`` at ``width`` (wrapped between words if
    it wraps), in its font or ``font``."""
    words.ensurePolished()
    metrics = QFontMetrics(font if font is not None else words.font())
    if not words.wordWrap():
        return metrics.height() + 2 * words.margin() + 2
    flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
    box = metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), flags, text)
    return box.height() + 2 * words.margin() + 2


def fit_words_in(words: QLabel, rect: QRect, largest: int) -> None:
    """``words`` at the largest pixel size up to ``largest`` at which each word fits the
    width of ``rect`` and all of them its height (never below 12)."""
    px = largest
    while px > 12:
        font = QFont(words.font())
        font.setPixelSize(px)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter
        tall = QFontMetrics(font).boundingRect(rect, flags, words.text()).height()
        if widest_word(font, words.text()) + 16 <= rect.width() and tall <= rect.height():
            break
        px -= 2
    wanted = f"QLabel {{ font-size: {px}px; }}"
    if words.styleSheet() != wanted:
        words.setStyleSheet(wanted)


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed (a widget not yet shown
    takes it when first polished: nothing to redo, and Qt's style stays untouched before the
    first paint)."""
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    # asked for again after unpolish: a widget with a style sheet of its own may be given
    # a new style object then (the old one is deleted)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def scrolled(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setViewport(_viewport())
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed Tab stop; the wheel scrolls
    return area


def _viewport() -> QWidget:
    """A scroll area's viewport made here, as Qt makes its own. The first widget made by Qt
    that Python is handed makes PySide6 set up every widget class it has (about 10 ms and
    1 MB before the first paint); one made in Python is already known."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    return viewport


# what can change the height some words need at the same width
REFIT = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutRequest)


def fit_height(widget: QWidget) -> None:
    """A form gives a field its minimum height, whatever its height for its width: make the
    minimum the height the words need at the width given."""
    needed = widget.heightForWidth(widget.width())
    if needed > 0 and widget.minimumHeight() != needed:
        widget.setMinimumHeight(needed)


class _StatusLine(QLabel):
    """A line of muted words under a control: it asks for a wide line, and wraps when the
    window or a large text size leaves less (it never makes the screen scroll sideways)."""

    def sizeHint(self) -> QSize:
        width = max(super().sizeHint().width(), 560)
        return QSize(width, self.heightForWidth(width))  # (Qt's guess is a narrow column)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_height(self)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in REFIT:
            fit_height(self)
        return handled

    def setText(self, text: str) -> None:
        super().setText(text)
        fit_height(self)


def status_line() -> QLabel:
    widget = _StatusLine()
    widget.setWordWrap(True)
    widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setProperty("role", "muted")
    return widget


class ReadingArea(QScrollArea):
    """A scroll area that the keyboard reaches: a Tab stop with a name and a focus frame,
    scrolled with Up, Down, Page Up, Page Down, Home and End (Qt's own knows no Home/End).
    Never sideways: what it holds wraps to its width."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A text inside that takes the focus (Tab, a screen reader) is scrolled into view."""
        inner = self.widget()
        if new is None or inner is None or not inner.isAncestorOf(new):
            return
        if new.height() <= self.viewport().height():
            self.ensureWidgetVisible(new)
        else:  # taller than the page: its beginning, where reading starts (after the
            # scroll area's own Tab handling, which would show its end)
            holder = new.parentWidget()  # a framed section starts at its frame's heading
            start = holder if holder is not None and holder is not inner else new
            top = start.mapTo(inner, QPoint(0, 0)).y()
            QTimer.singleShot(0, self, lambda: self.verticalScrollBar().setValue(top))


def reading(inner: QWidget, name: str) -> QScrollArea:
    """``inner`` in a scroll area the keyboard can scroll (see ReadingArea), named ``name``
    for a screen reader; for a screen whose words can be taller than the window."""
    area = ReadingArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    area.setAccessibleName(name)
    area.setAccessibleDescription(
        _("Scrolls with the arrow keys, Page Up, Page Down, Home and End")
    )
    area.setProperty("kind", "reading")
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(area.follow_focus)
    return area


def bullet_html(lines: tuple[str, ...] | list[str]) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (
        '<ul style="margin-top: 0px; margin-bottom: 0px; margin-left: 0px; -qt-list-indent: 1;">'
        f"{items}</ul>"
    )


def bullet_list(lines: tuple[str, ...] | list[str], role: str | None = None) -> QLabel:
    """A bulleted list whose wrapped lines hang under their first word."""
    widget = label("", role)
    widget.setTextFormat(Qt.TextFormat.RichText)
    widget.setText(bullet_html(lines))
    return widget


class SideBySide(QBoxLayout):
    """Two columns side by side, or one above the other when the window is too narrow to
    read them side by side (nothing is cut, nothing scrolls sideways)."""

    NARROW = 1000

    def __init__(self, parent: QWidget, narrow: int = NARROW, *, scaled: bool = False) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight, parent)
        self.narrow = narrow  # below this window width: one above the other
        self.scaled = scaled  # the width grows with the text size

    def setGeometry(self, rect: QRect) -> None:
        parent = self.parentWidget()
        width = parent.window().width() if parent is not None else rect.width()
        narrow = self.narrow * (current_scale() if self.scaled else 1.0)
        wanted = (
            QBoxLayout.Direction.TopToBottom if width < narrow else QBoxLayout.Direction.LeftToRight
        )
        if self.direction() != wanted:
            self.setDirection(wanted)
        super().setGeometry(rect)


class _CheckWords(QObject):
    """Ties a check box to the words beside it: a click on the words ticks the box, as a click
    on its own text would, and the words take the focus colour while the box has the focus."""

    def __init__(self, box: QCheckBox, words: QLabel) -> None:
        super().__init__(words)
        self._box, self._words = box, words
        words.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the focus can arrive without a FocusIn of its own
            app.focusChanged.connect(self._focus_moved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._words and event.type() == QEvent.Type.MouseButtonRelease:
            if self._box.isEnabled():
                self._box.setFocus(Qt.FocusReason.MouseFocusReason)
                self._box.click()
            return True
        return False

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._box in (old, new):
            self._words.setProperty("focused", "true" if new is self._box else "false")
            restyle(self._words)


class _Wrapped(QWidget):
    """The box and its words: as tall as the words need at the width it is given (its
    height follows its width), and never asking for the width of the words on one line."""

    def __init__(self, ties: _CheckWords, box: QCheckBox, words: QLabel) -> None:
        super().__init__()
        self.ties = ties  # kept: its event filter lives as long as the words
        self.box, self.words = box, words
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _beside(self) -> int:
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        return self.box.sizeHint().width() + max(0, spacing)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        words = self.words.heightForWidth(max(1, width - self._beside()))
        layout = self.layout()  # the width the words get there, which can be less
        laid = layout.totalHeightForWidth(width) if layout is not None else 0
        return max(self.box.sizeHint().height(), words, laid)

    def sizeHint(self) -> QSize:
        em = self.words.fontMetrics().horizontalAdvance("M")
        whole = self.words.fontMetrics().horizontalAdvance(self.words.text())
        width = self._beside() + min(whole + em, 22 * em)  # (an em: the label's own margins)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        em = self.words.fontMetrics().horizontalAdvance("M")
        width = self._beside() + 8 * em
        return QSize(width, self.box.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_height(self)
        self._refit_words()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in REFIT:
            fit_height(self)
            self._refit_words()
        return handled

    def _refit_words(self) -> None:
        """The layout keeps the words' height from before a new text size: lay them out
        again when they are shorter than they need."""
        words, layout = self.words, self.layout()
        if layout is not None and words.height() < words.heightForWidth(words.width()):
            words.updateGeometry()
            layout.invalidate()


def wrapping(box: QCheckBox, role: str | None = None) -> QWidget:
    """``box`` with its words beside it on lines that wrap: a QCheckBox's own text never
    wraps, and a longer language would widen the window. The box keeps the words as its
    name (or description) for a screen reader; Space and a click on the words tick it."""
    text = box.text()
    box.setText("")
    plain = text.replace("&", "")
    if not box.accessibleName():
        box.setAccessibleName(plain)
    elif not box.accessibleDescription():
        box.setAccessibleDescription(plain)  # a short name, and the words as its description
    words = label(text, role)
    words.setBuddy(box)
    holder = _Wrapped(_CheckWords(box, words), box, words)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(words, 1)
    return holder


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as the words it is: Qt reads a tooltip that looks like
    markup as rich text (a routine's title could load a picture or make a link)."""
    return TextQt.convertFromPlainText(text) if TextQt.mightBeRichText(text) else text
