"""What can go wrong with a store, told to people in Bahasa Indonesia or English.

The texts are English msgids of the ``store`` gettext domain; the Indonesian
catalogue is domain/locale/id/LC_MESSAGES/store.po.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.core import Store


def _translator(lang: str | None) -> Callable[[str], str]:
    # Imported when a message is shown, not when the store is opened.
    from domain.i18n import translator

    return translator("store", lang)


def _noop(text: str) -> str:
    """Marks a msgid for the catalogue; translated when the message is built."""
    return text


# Why a file was set aside (msgids).
NOT_JSON = _noop("not valid JSON")
WRONG_SHAPE = _noop("not the shape of a Kinerja store")
UNREADABLE = _noop("unreadable")
DAMAGED_LINE = _noop("a damaged entry in the middle of the journal")
DAMAGED_SAVES = _noop("damaged or cut-short saves in the journal")
FOREIGN_JOURNAL = _noop("the journal does not belong to its snapshot")
ORPHAN_JOURNAL = _noop("the snapshot it continues is damaged or missing")


class StoreError(Exception):
    """A store problem that a person must read; ``str()`` is in the interface language."""

    def message(self, lang: str | None = None) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class SetAside:
    """One damaged file and where it went."""

    original: Path
    moved_to: Path
    reason: str  # one of the msgids above
    detail: str = ""  # e.g. the OS error, untranslated


@dataclass(frozen=True)
class LostSaves:
    """One damaged stretch of the journal and the saves it cost (store/journal.py).

    Saves are numbered from 1 in each journal; ``last`` is None when how many
    were lost is unknown (at the tail, or in a journal from before protocol 2),
    and ``last < first`` when the stretch held no save at all (bytes put in
    between two whole lines). ``times`` are those still readable in the
    stretch; ``after`` and ``before`` those of the good saves around it.
    """

    first: int
    last: int | None
    tail: bool
    times: tuple[str, ...]
    after: str | None
    before: str | None
    offset: int

    @property
    def count(self) -> int | None:
        return None if self.last is None else max(0, self.last - self.first + 1)

    def message(self, lang: str | None = None) -> str:
        _ = _translator(lang)
        when = self._when(_)
        if self.tail:
            return _(
                "The last save of the journal, made {when}, was cut short and left out."
            ).format(when=when)
        if self.count == 0:
            return _(
                "Damaged bytes were found between two saves (byte {offset} of the journal); "
                "no save was lost."
            ).format(offset=self.offset)
        if self.count == 1:
            return _("Save {number} of the journal, made {when}, was damaged and left out.").format(
                number=self.first, when=when
            )
        if self.count is None:
            return _(
                "One or more saves of the journal, made {when}, were damaged and left out."
            ).format(when=when)
        return _(
            "Saves {first} to {last} of the journal, made {when}, were damaged and left out."
        ).format(first=self.first, last=self.last, when=when)

    def _when(self, _: Callable[[str], str]) -> str:
        if len(self.times) == 1 and (self.tail or self.count == 1):
            return _("at {time}").format(time=_shown(self.times[0]))
        if self.after and self.before:
            return _("between {start} and {end}").format(
                start=_shown(self.after), end=_shown(self.before)
            )
        if self.after:
            return _("after {time}").format(time=_shown(self.after))
        if self.times:
            return _("at {time}").format(time=_shown(self.times[0]))
        return _("at a time not recorded")


def _shown(instant: str) -> str:
    """A journal time (UTC) in this computer's time zone, as people read it."""
    try:
        moment = datetime.fromisoformat(instant)
    except ValueError:
        return instant
    return moment.astimezone().isoformat(sep=" ", timespec="seconds")


class StoreDamaged(StoreError):
    """A store file was damaged; it was moved aside and the store opened without it.

    ``store`` is the opened, usable Store (empty, or holding what was saved
    apart from the damaged part, as ``kept_changes`` says; ``lost`` says which
    saves of the journal were left out). Opening the same profile again
    succeeds without this error, since the damaged files are no longer in place.
    """

    def __init__(
        self,
        set_aside: tuple[SetAside, ...],
        kept_changes: bool,
        store: Store,
        lost: tuple[LostSaves, ...] = (),
    ) -> None:
        super().__init__()
        self.set_aside = set_aside
        self.kept_changes = kept_changes
        self.store = store
        self.lost = lost

    def message(self, lang: str | None = None) -> str:
        _ = _translator(lang)
        parts = []
        for item in self.set_aside:
            reason = _(item.reason) + (f": {item.detail}" if item.detail else "")
            parts.append(
                _(
                    "The local store file {original} was set aside ({reason}). "
                    "It was moved, unchanged, to {moved}."
                ).format(original=item.original, reason=reason, moved=item.moved_to)
            )
        parts.extend(lost.message(lang) for lost in self.lost)
        if self.lost:
            parts.append(_("Every other save was kept, the changes waiting to be sent above all."))
        elif self.kept_changes:
            parts.append(_("Kinerja continues with the changes saved before the damaged part."))
        else:
            parts.append(_("Kinerja continues with an empty local store."))
        parts.append(
            _(
                "Run `kinerja sync` to fetch your records again from the server. "
                "Changes not yet sent to the server may still be in the moved file: "
                "an administrator can recover them from it."
            )
        )
        return " ".join(parts)


class StoreBusy(StoreError):
    """Another process has held the profile's lock for too long."""

    def __init__(self, lock_path: Path, waited_s: float = 30.0) -> None:
        super().__init__()
        self.lock_path = lock_path
        self.waited_s = waited_s

    def message(self, lang: str | None = None) -> str:
        _ = _translator(lang)
        return _(
            "The local store {path} is locked by another Kinerja process that has not "
            "released it for {seconds} seconds. Close other Kinerja sessions of this "
            "profile and try again."
        ).format(path=self.lock_path, seconds=round(self.waited_s))


class StoreTooNew(StoreError):
    """The store was written by a newer Kinerja, whose schema this one cannot read."""

    def __init__(self, home: Path, found: int, known: int) -> None:
        super().__init__()
        self.home, self.found, self.known = home, found, known

    def message(self, lang: str | None = None) -> str:
        _ = _translator(lang)
        return _(
            "The local store in {home} was written by a newer version of Kinerja "
            "(schema {found}; this version knows up to {known}). Update Kinerja to open it."
        ).format(home=self.home, found=self.found, known=self.known)


class StoreWriteFailed(StoreError):
    """A commit could not be made durable (disk full, I/O error); nothing was saved."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__()
        self.path, self.error = path, error

    def message(self, lang: str | None = None) -> str:
        _ = _translator(lang)
        return _(
            "The change could not be saved to {path}: {error}. Nothing was changed; "
            "free some disk space or check the folder's permissions, then try again."
        ).format(path=self.path, error=self.error.strerror or self.error)


class StoreUnavailable(StoreError):
    """The profile folder cannot hold a store: no right to write there, disk full, ..."""

    def __init__(self, home: Path, error: OSError) -> None:
        super().__init__()
        self.home, self.error = home, error

    def message(self, lang: str | None = None) -> str:
        _ = _translator(lang)
        return _(
            "The local store in {home} cannot be opened: {error}. Check that you may "
            "write in that folder and that the disk has space (KINERJA_HOME chooses "
            "another folder)."
        ).format(home=self.home, error=self.error.strerror or self.error)


class BlobTooBig(StoreError):
    """An evidence file above the limit the server accepts (protocol.md: 10 MB)."""

    def __init__(self, name: str, size: int, limit: int) -> None:
        super().__init__()
        self.name, self.size, self.limit = name, size, limit

    def message(self, lang: str | None = None) -> str:
        _ = _translator(lang)
        return _(
            "The file {name} is too big to attach as evidence ({size} MB); "
            "a file may be at most {limit} MB."
        ).format(name=self.name, size=_megabytes(self.size), limit=_megabytes(self.limit))


class BlobsFull(StoreError):
    """Keeping one more evidence file would pass the profile's stated budget."""

    def __init__(self, name: str, size: int, used: int, budget: int) -> None:
        super().__init__()
        self.name, self.size, self.used, self.budget = name, size, used, budget

    def message(self, lang: str | None = None) -> str:
        _ = _translator(lang)
        return _(
            "The file {name} ({size} MB) does not fit: evidence files here already use "
            "{used} of {budget} MB. Nothing was attached."
        ).format(
            name=self.name,
            size=_megabytes(self.size),
            used=_megabytes(self.used),
            budget=_megabytes(self.budget),
        )


class BlobUnreadable(StoreError):
    """A file a person chose to attach could not be read."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__()
        self.path, self.error = path, error

    def message(self, lang: str | None = None) -> str:
        _ = _translator(lang)
        return _("The file {path} cannot be read: {error}. Nothing was attached.").format(
            path=self.path, error=self.error.strerror or self.error
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")
