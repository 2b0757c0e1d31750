"""Protocol 2 on the client, against a scripted server: hello, marks, 409 history, lies."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from store import Store, open_store, outbox
from sync.commands.sync_now import error_line
from sync.engine import RoundReport
from sync.pull import apply_incoming
from tests.sync.fake_server import API, EPOCH, Scripted, hello, page

NIP = "198001012005011042"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path)


@pytest.fixture
def server() -> Scripted:
    return Scripted()


def record(n: int, seq: int, **extra: Any) -> dict[str, Any]:
    return {
        "collection": "training",
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "rev": 1,
        "seq": seq,
        "deleted": False,
        "owner": NIP,
        "created_by": NIP,
        "created_at": "2026-03-01T08:00:00+09:00",
        "updated_by": NIP,
        "updated_at": "2026-03-01T08:00:00+09:00",
        "conflicts": [],
        "data": {"title": f"Diklat {n}", "path": "classical", "jp": 20},
        **extra,
    }


def sent_params(server: Scripted) -> list[dict[str, str]]:
    return [dict(call.request.url.params) for call in server.changes.calls]


@pytest.mark.parametrize(("protocol", "side"), [(1, "server"), (3, "client")])
def test_hello_of_another_protocol_ends_the_round_naming_the_side_to_update(
    store: Store, server: Scripted, protocol: int, side: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", "en")
    server.hello.mock(return_value=hello(protocol))
    store.records.edit("training", "t1", {"jp": 1}, owner=NIP, by=NIP)
    report = server.engine(store).run_round()
    assert (report.error, report.upgrade) == ("protocol", side)
    assert server.paths() == ["GET /api/v1/hello"]  # nothing pushed to a stranger
    assert len(store.records.outbox()) == 1
    line = error_line(report, "http://kinerja.test", NIP)
    assert ("update Kinerja" if side == "client" else "update the server") in line


def test_the_mark_is_kept_with_the_cursor_and_sent_back(store: Store, server: Scripted) -> None:
    server.changes.side_effect = [
        page([record(1, 3)], 3, True, "3.aaaaaaaaaaaaaaaa"),
        page([record(2, 7)], 7, False, "7.bbbbbbbbbbbbbbbb"),
        page([], 7, False, "7.bbbbbbbbbbbbbbbb"),
    ]
    assert server.engine(store).run_round().error is None
    assert outbox.base_version(store) == outbox.BaseVersion(7, "7.bbbbbbbbbbbbbbbb")
    assert server.engine(store).run_round().error is None
    assert [(p["since"], p.get("mark")) for p in sent_params(server)] == [
        ("0", None),
        ("3", "3.aaaaaaaaaaaaaaaa"),
        ("7", "7.bbbbbbbbbbbbbbbb"),
    ]


def test_a_store_with_a_cursor_but_no_mark_just_goes_on(store: Store, server: Scripted) -> None:
    with store.transaction() as tx:  # as schema 2 leaves a protocol 1 store
        tx.put("meta", "epoch", EPOCH)
        tx.put("meta", "cursor", 11)
    server.changes.mock(return_value=page([], 11, False, "11.cccccccccccccccc"))
    report = server.engine(store).run_round()
    assert report.error is None and not report.epoch_changed and report.requeued == 0
    assert sent_params(server) == [{"since": "11", "limit": "1000"}]
    assert outbox.base_version(store).mark == "11.cccccccccccccccc"


def test_pulled_records_keep_created_by_and_created_at(store: Store, server: Scripted) -> None:
    server.changes.mock(return_value=page([record(1, 3)], 3, False, "3.aaaaaaaaaaaaaaaa"))
    server.engine(store).run_round()
    kept = store.records.get("training", "00000000-0000-4000-8000-000000000001")
    assert kept is not None
    assert (kept["created_by"], kept["created_at"]) == (NIP, "2026-03-01T08:00:00+09:00")


def test_our_own_push_coming_back_brings_the_servers_creation_fields(
    store: Store, server: Scripted
) -> None:
    store.records.edit("training", "t1", {"jp": 1}, owner=NIP, by=NIP)

    def back(request: httpx.Request) -> httpx.Response:
        return page(
            [
                {
                    **record(0, 100),
                    "id": "t1",
                    "data": {"jp": 1},
                    "created_at": "2026-05-05T01:02:03Z",
                }
            ],
            100,
            False,
            "100.dddddddddddddddd",
        )

    server.changes.mock(side_effect=back)
    assert server.engine(store).run_round().applied == 1
    kept = store.records.get("training", "t1")
    assert kept is not None and kept["created_at"] == "2026-05-05T01:02:03Z"
    assert kept["pending"] is None and kept["base"]["rev"] == 1


def test_409_history_resyncs_what_the_server_lost_though_the_epoch_stayed(
    store: Store, server: Scripted
) -> None:
    """A database restored under the same epoch: the mark tells, the client puts back."""
    kept, lost = record(1, 3), record(2, 4)
    server.changes.mock(return_value=page([kept, lost], 4, False, "4.aaaaaaaaaaaaaaaa"))
    server.engine(store).run_round()
    lifetime_before = store.get_meta("lifetime")
    server.router.reset()

    def restored(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("mark") == "4.aaaaaaaaaaaaaaaa":
            return httpx.Response(409, json={"error": {"code": "history", "message": "restored"}})
        return page([kept], 3, False, "3.ffffffffffffffff")  # the copy lacks the second

    server.changes.mock(side_effect=restored)
    report = server.engine(store).run_round()

    assert report.error is None and report.epoch_changed and report.requeued == 1
    assert store.get_meta("lifetime") != lifetime_before and store.get_meta("epoch") == EPOCH
    [pushed] = orjson.loads(server.push.calls.last.request.content)["mutations"]
    assert (pushed["id"], pushed["base_rev"], pushed["data"]) == (lost["id"], None, lost["data"])
    assert [(p["since"], p.get("mark")) for p in sent_params(server)] == [
        ("4", "4.aaaaaaaaaaaaaaaa"),
        ("0", None),
        ("3", "3.ffffffffffffffff"),
    ]
    assert server.engine(store).run_round().requeued == 0  # once, not a storm


def test_a_second_409_in_one_round_ends_it_instead_of_looping(
    store: Store, server: Scripted
) -> None:
    server.changes.mock(
        return_value=httpx.Response(409, json={"error": {"code": "history", "message": "x"}})
    )
    report = server.engine(store).run_round()
    assert report.error == "history" and server.changes.call_count == 2


def test_a_feed_that_stalls_ends_the_round(store: Store, server: Scripted) -> None:
    server.changes.side_effect = [page([record(1, 5)], 5, True), page([], 5, True)]
    report = server.engine(store).run_round()
    assert report.error == "malformed" and "stayed at 5" in (report.detail or "")
    assert outbox.base_version(store).cursor == 5  # what came is kept
    assert len(store.records.list("training")) == 1


def test_a_feed_ending_below_the_cursor_is_a_restore(store: Store, server: Scripted) -> None:
    """A store from protocol 1 has no mark: a restored server shows as a shorter feed."""
    synced = record(1, 3)
    with store.transaction() as tx:
        apply_incoming(tx, synced, EPOCH, False)
        tx.put("meta", "epoch", EPOCH)
        tx.put("meta", "cursor", 40)
    server.changes.side_effect = [
        page([], 12, False, "12.aaaaaaaaaaaaaaaa"),  # the restored feed, shorter
        page([], 12, False, "12.aaaaaaaaaaaaaaaa"),  # from 0: the synced record is gone
        page([], 13, False, "13.bbbbbbbbbbbbbbbb"),  # after the push that put it back
    ]
    report = server.engine(store).run_round()
    assert report.error is None and report.epoch_changed and report.requeued == 1
    assert [p["since"] for p in sent_params(server)] == ["40", "0", "12"]
    [pushed] = orjson.loads(server.push.calls.last.request.content)["mutations"]
    assert pushed["id"] == synced["id"]


def test_an_endless_feed_ends_the_round(store: Store, server: Scripted) -> None:
    served = iter(range(1, 10_000))

    def forever(request: httpx.Request) -> httpx.Response:
        n = next(served)
        return page([record(n, n)], n, True, f"{n}.eeeeeeeeeeeeeeee")

    server.changes.mock(side_effect=forever)
    report = server.engine(store, max_pages=50).run_round()
    assert report.error == "malformed" and "50 pages" in (report.detail or "")
    assert server.changes.call_count == 50
    assert outbox.base_version(store).cursor == 50 and len(store.records.list("training")) == 50


def test_push_results_of_the_wrong_shape_change_nothing(store: Store, server: Scripted) -> None:
    store.records.edit("training", "t1", {"jp": 1}, owner=NIP, by=NIP)
    server.push.mock(return_value=httpx.Response(200, json={"epoch": EPOCH, "results": []}))
    report = server.engine(store).run_round()
    assert report.error == "malformed" and "0 results for 1" in (report.detail or "")
    [entry] = store.records.outbox()
    assert entry["sent_at"] is not None  # frozen, to go again as it was


def test_gzip_answers_are_read(store: Store, server: Scripted) -> None:
    body = orjson.dumps(
        {"epoch": EPOCH, "changes": [record(1, 3)], "next": 3, "mark": "3.a", "more": False}
    )
    server.changes.mock(
        return_value=httpx.Response(
            200, content=gzip.compress(body), headers={"Content-Encoding": "gzip"}
        )
    )
    assert server.engine(store).run_round().received == 1
    assert "gzip" in server.changes.calls.last.request.headers["Accept-Encoding"]


def test_a_store_that_cannot_be_written_ends_the_round_as_an_error(
    store: Store, server: Scripted, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from store import StoreWriteFailed
    from store.core import Store as StoreClass

    store.records.edit("training", "t1", {"jp": 1}, owner=NIP, by=NIP)

    def full(*_args: Any) -> None:
        raise StoreWriteFailed(Path("store.journal"), OSError(errno.ENOSPC, "No space left"))

    monkeypatch.setattr(StoreClass, "_commit_locked", lambda self, tx, durable=True: full())
    report: RoundReport = server.engine(store).run_round()
    assert report.error == "store" and "No space left" in (report.detail or "")


def test_apply_incoming_still_takes_a_lifetime_tag(store: Store) -> None:
    """The demo installs its year through apply_incoming with its epoch as the tag."""
    with store.transaction() as tx:
        apply_incoming(tx, record(1, 3), "demo-epoch", False)
        tx.put("meta", "epoch", "demo-epoch")
    kept = store.records.get("training", "00000000-0000-4000-8000-000000000001")
    assert kept is not None and kept["base"]["lifetime"] == "demo-epoch"
    assert API.endswith("/api/v1")
