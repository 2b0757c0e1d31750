"""Evidence files on the wire: uploaded before the push that names them, fetched when opened.

A push naming a file the server lacks is ``invalid`` (protocol.md), so before
each batch the engine asks the server, for every file the batch names, how
much of it it holds (``HEAD``), and sends the rest in parts, each with its
``Content-Range``. A link that drops mid-file costs at most the part in
flight: the next round asks again and resumes there; a file the server
holds whole is never sent again. A part whose answer was lost is answered
409 ``offset`` when sent again, and the uploader asks where to go on.

Files are fetched only when a person opens one (``fetch_blob``), never in
the sync round: a realisasi with five scans costs nothing until looked at.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from store.blobs import Blobs, is_sha256
from sync.link import BlobRefused, Link, MalformedAnswer, OffsetMoved, Patience
from sync.session import link_for_profile

JSON = dict[str, Any]
PART_BYTES = 1024 * 1024  # a part a poor link carries in seconds; a drop costs no more
# a server that keeps saying "not there" to the part it just asked for is not
# going to take the file this round
OFFSET_MOVES = 3


class NotSignedIn(LookupError):
    """``fetch_blob`` needs the server, and this profile has no session."""


def named_blobs(mutations: Iterable[JSON]) -> list[str]:
    """The SHA-256 of every evidence file the mutations name, once each, in order."""
    found: dict[str, None] = {}
    for mutation in mutations:
        if mutation.get("collection") != "progress" or mutation.get("op") == "delete":
            continue
        evidence = (mutation.get("data") or {}).get("evidence")
        for item in evidence if isinstance(evidence, list) else ():
            blob = item.get("blob") if isinstance(item, dict) else None
            sha = blob.get("sha256") if isinstance(blob, dict) else None
            if is_sha256(sha):
                found[sha] = None
    return list(found)


def upload_named_blobs(blobs: Blobs, link: Link, mutations: Iterable[JSON]) -> int:
    """Send the server what it lacks of each file named; returns how many files were sent.

    A file this profile does not hold, or that the server refuses (it no
    longer hashes to its name, or is too big), is not sent: the push then
    comes back ``rejected`` for that mutation alone, and a person sees why.
    """
    sent = 0
    for sha in named_blobs(mutations):
        if not blobs.has(sha):
            continue
        try:
            sent += upload(blobs, link, sha)
        except BlobRefused:
            continue
    return sent


def upload(blobs: Blobs, link: Link, sha: str) -> bool:
    """Resume or start one file's upload; True when bytes were sent, False when already there."""
    total = blobs.size(sha)
    held = link.blob_offset(sha)
    if held is None:
        return False
    moves = 0
    while True:
        if not 0 <= held <= total:
            raise MalformedAnswer(f"/blobs/{sha}: the server holds {held} of {total} bytes")
        part = blobs.read(sha, held, PART_BYTES)
        try:
            now_held = link.put_blob_part(sha, part, held, total)
        except OffsetMoved:
            moves += 1
            if moves > OFFSET_MOVES:
                raise
            now_held = link.blob_offset(sha)  # the server took a part whose answer we lost
        else:
            if now_held is not None and now_held <= held:
                raise MalformedAnswer(f"/blobs/{sha}: a part was taken but the file did not grow")
        if now_held is None:
            return True
        held = now_held


def fetch_blob(store: Any, sha256: str, *, patience: Patience | None = None) -> Path:
    """The file named ``sha256``, fetched from the server the first time a person opens it.

    Raises NotSignedIn, or a LinkError: BlobNotFound when the server has no
    such file for this user, Unreachable offline, MalformedAnswer when the
    bytes it sends do not hash to the name.
    """
    blobs: Blobs = store.blobs
    held = blobs.path(sha256)
    if held is not None:
        return held
    link = link_for_profile(store, patience=patience or Patience(attempts=3, total=120.0))
    if link is None:
        raise NotSignedIn(sha256)
    with link:
        data = link.get_blob(sha256)
    try:
        return blobs.keep(data, sha256)
    except ValueError:
        raise MalformedAnswer(f"/blobs/{sha256}: the bytes sent hash to another name") from None
