"""The Konflik area's read model: records in conflict, and changes the server refused.

No Textual: the Konflik screen draws these. A record is in
conflict in one of two ways (protocol.md, "The client side"):

- our push conflicted: the sync engine kept our data on the record and the
  server's version beside it in ``local_conflict``;
- another client's push conflicted with the version the server kept: the
  record came back from the server with entries in ``conflicts`` (their
  mutations, kept beside it by the server).

Either side may settle it (sync.choices.resolve). Either way there are two sides, "mine" (the record's data) and "theirs", and
a base (the last version both saw). Fields are compared at the top level of
``data``, nested values as one unit, as the sync engine merges them: a field
only one side changed merges by itself and is shown, not asked about.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from client.records import Snapshot
from client.texts import translator_for
from client.writes import Failed, Issues, Saved, validate
from domain.vocab import COLLECTIONS
from sync.choices import in_conflict

if TYPE_CHECKING:
    from client.services import Services

FieldStatus = Literal["same", "merged_mine", "merged_theirs", "ask"]
Choice = Literal["mine", "theirs", "edited"]


@dataclass(frozen=True)
class FieldRow:
    """One top-level field of the record, on both sides."""

    name: str
    status: FieldStatus
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class ConflictView:
    collection: str
    id: str
    owner: str | None
    mine: Mapping[str, Any]
    mine_by: str | None
    mine_at: str | None
    mine_deleted: bool
    theirs: Mapping[str, Any]
    theirs_by: str | None
    theirs_at: str | None
    theirs_deleted: bool
    rows: tuple[FieldRow, ...]
    # True when our push made the conflict; False when the server kept the
    # record's version and lists other pushes beside it (theirs: the newest)
    ours: bool
    clashing: int = 1  # how many pushes clashed with the kept version

    @property
    def asked(self) -> tuple[FieldRow, ...]:
        return tuple(row for row in self.rows if row.status == "ask")


_MISSING = object()


def _get(data: Mapping[str, Any] | None, name: str) -> Any:
    return _MISSING if data is None else data.get(name, _MISSING)


def field_rows(
    base: Mapping[str, Any] | None, mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> tuple[FieldRow, ...]:
    """Compare field by field against the base; both changed differently: ask."""
    names = sorted(set(mine) | set(theirs) | set(base or {}))
    rows = []
    for name in names:
        b, m, t = _get(base, name), _get(mine, name), _get(theirs, name)
        if m == t:
            status: FieldStatus = "same"
        elif base is not None and m == b:
            status = "merged_theirs"
        elif base is not None and t == b:
            status = "merged_mine"
        else:
            status = "ask"
        rows.append(
            FieldRow(
                name,
                status,
                None if m is _MISSING else m,
                None if t is _MISSING else t,
            )
        )
    return tuple(rows)


def _rows_from_lists(
    lists: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> tuple[FieldRow, ...]:
    """The sync engine's own verdict (local_conflict.fields: mine, theirs, clashes)."""
    clashes = set(lists.get("clashes") or ())
    only_mine = set(lists.get("mine") or ())
    only_theirs = set(lists.get("theirs") or ())
    rows = []
    for name in sorted(set(mine) | set(theirs) | clashes):
        status: FieldStatus
        if name in clashes:
            status = "ask"
        elif name in only_mine:
            status = "merged_mine"
        elif name in only_theirs:
            status = "merged_theirs"
        else:
            status = "same" if mine.get(name) == theirs.get(name) else "ask"
        rows.append(FieldRow(name, status, mine.get(name), theirs.get(name)))
    return tuple(rows)


def conflict_view(
    record: Mapping[str, Any], settling: Collection[str] = (), me: str | None = None
) -> ConflictView | None:
    """The two sides of a record, or None when it is not in conflict for ``me``.

    ``settling``: the conflicts a queued resolution already names (the
    outbox's ``resolves``); they are settled here and wait only for the push.
    """
    mine = record.get("data") or {}
    local = record.get("local_conflict")
    if local:
        theirs = local.get("data") or {}
        lists = local.get("fields")
        base = (record.get("base") or {}).get("data")
        return ConflictView(
            collection=record["collection"],
            id=record["id"],
            owner=record.get("owner"),
            mine=mine,
            mine_by=record.get("updated_by"),
            mine_at=record.get("updated_at"),
            mine_deleted=bool(record.get("deleted")),
            theirs=theirs,
            theirs_by=local.get("by"),
            theirs_at=local.get("at"),
            theirs_deleted=bool(local.get("deleted")),
            rows=(
                _rows_from_lists(lists, mine, theirs)
                if isinstance(lists, Mapping)
                else field_rows(base, mine, theirs)
            ),
            ours=True,
        )
    if not in_conflict(record, settling, me):
        return None
    # Other pushes clashed with the version the server kept (the record's
    # data): the newest is "theirs", and settling it settles them all.
    kept = [
        c
        for c in record.get("conflicts") or []
        if isinstance(c, Mapping) and c.get("mutation_id") not in settling
    ]
    last = kept[-1]
    theirs = last.get("data") or {}
    return ConflictView(
        collection=record["collection"],
        id=record["id"],
        owner=record.get("owner"),
        mine=mine,
        mine_by=record.get("updated_by"),
        mine_at=record.get("updated_at"),
        mine_deleted=bool(record.get("deleted")),
        theirs=theirs,
        theirs_by=last.get("by"),
        theirs_at=last.get("at"),
        theirs_deleted=bool(last.get("deleted")),
        rows=field_rows(None, mine, theirs),
        ours=False,
        clashing=len(kept),
    )


WHOLE_RECORD = "__record__"


@dataclass
class Settlement:
    """The person's choices, field by field, for one conflict.

    When one side deleted the record and the other edited it, there are no
    fields to weigh: the one choice is the whole record (``WHOLE_RECORD``),
    kept as edited or left deleted.
    """

    view: ConflictView
    choices: dict[str, Choice] = field(default_factory=dict)
    edited: dict[str, Any] = field(default_factory=dict)

    @property
    def deletion(self) -> bool:
        return self.view.mine_deleted != self.view.theirs_deleted

    @property
    def asked(self) -> tuple[str, ...]:
        if self.deletion:
            return (WHOLE_RECORD,)
        return tuple(row.name for row in self.view.asked)

    def choose(self, name: str, choice: Choice, value: Any = None) -> None:
        self.choices[name] = choice
        if choice == "edited":
            self.edited[name] = value
        else:
            self.edited.pop(name, None)

    @property
    def complete(self) -> bool:
        return all(name in self.choices for name in self.asked)

    def value_of(self, row: FieldRow) -> Any:
        choice = self.choices.get(row.name)
        if choice == "edited":
            return self.edited[row.name]
        if choice == "theirs" or row.status == "merged_theirs":
            return row.theirs
        return row.mine

    def chosen_data(self) -> dict[str, Any] | None:
        """The data to push (None: the record stays deleted)."""
        if self.deletion:
            side = self.choices.get(WHOLE_RECORD)
            if side == "theirs":
                return None if self.view.theirs_deleted else dict(self.view.theirs)
            return None if self.view.mine_deleted else dict(self.view.mine)
        chosen: dict[str, Any] = {}
        for row in self.view.rows:
            takes_theirs = self.choices.get(row.name) == "theirs" or (
                row.name not in self.choices and row.status == "merged_theirs"
            )
            source = self.view.theirs if takes_theirs else self.view.mine
            if self.choices.get(row.name) == "edited" or row.name in source:
                chosen[row.name] = self.value_of(row)
        return chosen


# --- what the Konflik screen reads and writes --------------------------------


def read(services: Services) -> tuple[Snapshot, list[ConflictView], list[dict[str, Any]]]:
    """Every record, those in conflict as views, and those the server refused."""
    from sync.choices import settling

    view = Snapshot.read(services, COLLECTIONS)
    everything = [r for name in COLLECTIONS for r in view.list(name, include_deleted=True)]
    settled = settling(services.store)
    views = [v for r in everything if (v := conflict_view(r, settled, services.me)) is not None]
    return view, views, [r for r in everything if r.get("rejected")]


def resolve(
    services: Services,
    view: Snapshot,
    collection: str,
    record_id: str,
    chosen: Mapping[str, Any] | None,
) -> Saved | Issues | Failed:
    """Queue the chosen version as the conflict's resolution (sync.choices.resolve)."""
    from store.errors import StoreError
    from sync.choices import resolve as queue_resolution

    record = view.get(collection, record_id)
    if chosen is not None:
        from client.writes import Write

        owner = record.get("owner") if record else None
        issues = validate(Write(collection, record_id, owner, chosen), view, services.lang)
        if issues is not None:
            return issues
    try:
        queue_resolution(
            services.store, collection, record_id, dict(chosen) if chosen is not None else None
        )
    except StoreError as failure:
        return Failed(failure.message(services.lang))
    services.request_sync()
    return Saved(record_id)


def discard(services: Services, collection: str, record_id: str) -> Saved | Failed:
    """Drop a refused local change: the record goes back to the server's version."""
    from store.errors import StoreError
    from sync.choices import discard as drop_change

    try:
        drop_change(services.store, collection, record_id)
    except StoreError as failure:
        return Failed(failure.message(services.lang))
    return Saved(record_id)


def code_meaning(code: str, lang: str) -> str:
    """What a rejection code of protocol.md means, in the person's language."""
    _ = translator_for(lang)
    meanings = {
        "invalid": _("the data is not valid"),
        "forbidden": _("you may not change this record"),
        "immutable": _("the record is final and can no longer change"),
    }
    return meanings.get(code, code)


def reason_text(rejected: Mapping[str, Any], lang: str) -> str:
    """Why the server refused a change, in the person's language."""
    _ = translator_for(lang)
    meaning = code_meaning(str(rejected.get("code", "")), lang)
    message = str(rejected.get("message") or "").strip()
    text = _("Rejected by the server: {meaning}.").format(meaning=meaning)
    if message:
        text += " " + _("Server's reason: {message}").format(message=message)
    return text
