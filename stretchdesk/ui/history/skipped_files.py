"""The one line of the banner for the files of the shared folder that could not be read:
how many, what each kind means for the person and what to do (an update, nothing but
waiting, or deleting what is not stretchdesk's), the most useful first; no file names
(they mean nothing to the person)."""

from __future__ import annotations

from stretchdesk.i18n import _, ngettext

NEWER, NOT_YET, FOREIGN, OTHER = "newer", "not yet", "foreign", "other"
_ORDER = (NEWER, NOT_YET, FOREIGN, OTHER)  # the most useful to know first


def _kind(reason: str) -> str:
    """What a reason the sync code gives (history/sync/) means for the person."""
    if reason == _("it was written by a newer version of stretchdesk"):
        return NEWER
    if reason in (
        _("it is not complete or not readable"),
        _("it is not complete yet"),
        _("its pictures have not all come yet"),
    ):
        return NOT_YET
    if reason in (
        _("it is not a stretchdesk file"),
        _("it has no version"),
        _("it is not a regular file"),
        _("it does not hold what its name says"),
        _("it is larger than 1 MiB"),
        _("it is not a routine file"),
        _("its id is not its name"),
    ) or reason.startswith(
        (
            _before(_("it is larger than {size} MiB")),
            _before(_("it holds a wrong value ({what})")),
        )
    ):
        return FOREIGN
    return OTHER


def _before(sentence: str) -> str:
    """A sentence's words before its first placeholder."""
    return sentence.split("{", 1)[0]


def skipped_words(skipped: list[tuple[str, str]]) -> str:
    """One line for the files that could not be read: how many, why in plain words and
    what to do, the most useful reason first (no file names: they mean nothing)."""
    kinds = [_kind(reason) for _name, reason in skipped]
    count = len(skipped)
    head = ngettext(
        "{count} file in the shared folder could not be read",
        "{count} files in the shared folder could not be read",
        count,
    ).format(count=count)
    if set(kinds) == {OTHER}:
        reason = skipped[0][1]
        return ngettext(
            "{files}: {reason}. It is tried again later.",
            "{files}: {reason}. They are tried again later.",
            count,
        ).format(files=head, reason=reason)
    parts = [_why(kind, kinds.count(kind), count) for kind in _ORDER if kind in kinds]
    why = " ".join([parts[0], *(part[:1].upper() + part[1:] for part in parts[1:])])
    return _("{files}: {why}").format(files=head, why=why)


def _why(kind: str, n: int, count: int) -> str:
    """Which of the files, why, and what it means (``n`` of ``count`` files)."""
    if kind == NEWER:
        which = (
            ngettext(
                "it was written by a newer version of stretchdesk",
                "they were written by a newer version of stretchdesk",
                n,
            )
            if n == count
            else ngettext(
                "one was written by a newer version of stretchdesk",
                "{n} were written by a newer version of stretchdesk",
                n,
            )
        )
        means = _(
            "Sessions from the other computers that they hold are missing here until they "
            "can be read; update stretchdesk on this computer."
        )
    elif kind == NOT_YET:
        which = (
            ngettext("it is not complete yet", "they are not complete yet", n)
            if n == count
            else ngettext("one is not complete yet", "{n} are not complete yet", n)
        )
        means = ngettext(
            "It is read once your sync program has copied it whole.",
            "They are read once your sync program has copied them whole.",
            n,
        )
    elif kind == OTHER:  # (beside files of another kind: never all of them)
        which = ngettext("one cannot be read now", "{n} cannot be read now", n)
        means = ngettext("It is tried again later.", "They are tried again later.", n)
    else:
        which = (
            ngettext("it is not stretchdesk's", "they are not stretchdesk's", n)
            if n == count
            else ngettext("one is not stretchdesk's", "{n} are not stretchdesk's", n)
        )
        means = _("Files that are not stretchdesk's can be deleted.")
    return f"{which.format(n=n)}. {means}"
