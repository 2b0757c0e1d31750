"""The pull cursor's mark: a server brought back from any backup is noticed at the next round.

Each scenario, on SQLite and PostgreSQL: a client pulls, the operator takes a
backup, more changes arrive and the client pulls them, then the backup is
put back. The client's next pull, from the cursor and mark it holds, must
answer 409 ``history`` whether the data folder came back whole (mark file
included), the database alone, or the server took new writes before the
client came back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.server import samples
from tests.server.restoring import Backup
from tests.support import pg
from tests.support.live_server import LiveServer, make_nip, mutation

STAFF, OTHER = make_nip(1), make_nip(2)


def pull(server: LiveServer, token: str, since: int = 0, mark: str = "") -> httpx.Response:
    with server.client(token) as client:
        return client.get("/changes", params={"since": since, "mark": mark, "limit": 1000})


def cursor(server: LiveServer, token: str, since: int = 0, mark: str = "") -> tuple[int, str]:
    """Pull until the end from (since, mark); returns the new (next, mark)."""
    while True:
        answer = pull(server, token, since, mark)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        since, mark = body["next"], body["mark"]
        if not body["more"]:
            return since, mark


def trainings(server: LiveServer, token: str, owner: str, count: int) -> None:
    pushed = [
        mutation("training", samples.training(title=f"T{n}"), owner=owner) for n in range(count)
    ]
    assert {r["status"] for r in server.push(token, pushed)} == {"applied"}


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    if request.param == "sqlite":
        live = LiveServer.start(tmp_path / "server")
        admin_url = None
    else:
        cluster: pg.Server = request.getfixturevalue("pg_server")
        live = LiveServer.start(tmp_path / "server", cluster.new_database())
        admin_url = cluster.admin_url
    live.add_employee(STAFF, "Staf Pelayanan")
    live.add_employee(OTHER, "Staf Lain")
    yield live, admin_url
    live.close()


@pytest.mark.parametrize("restore", ["folder_whole", "database_alone", "then_written"])
def test_a_restored_server_is_noticed_at_the_next_pull(
    server: tuple[LiveServer, str | None], restore: str, tmp_path: Path
) -> None:
    live, admin_url = server
    token, other = live.token_for(STAFF), live.token_for(OTHER)
    trainings(live, token, STAFF, 2)
    first = cursor(live, token)
    backup = Backup.take(live, tmp_path / "backup", admin_url)
    epoch = live.epoch()
    trainings(live, token, STAFF, 3)  # pushed and pulled after the backup: lost by the restore
    held = cursor(live, token, *first)
    assert held[0] == first[0] + 3

    backup.restore(whole=restore != "database_alone")
    if restore == "folder_whole":
        assert live.epoch() == epoch  # the mark file came back too: the epoch cannot tell
    if restore == "then_written":
        # Someone else syncs first: the server hands out the client's seqs anew.
        trainings(live, other, OTHER, 5)
    answer = pull(live, token, *held)
    assert answer.status_code == 409, answer.text
    assert answer.json()["error"]["code"] == "history"
    # The recovery: from 0, then the marks hold again.
    again = cursor(live, token)
    assert pull(live, token, *again).status_code == 200


def test_the_mark_holds_through_a_plain_restart_and_names_next(
    live_server: LiveServer,
) -> None:
    live_server.add_employee(STAFF, "Staf Pelayanan")
    token = live_server.token_for(STAFF)
    body = pull(live_server, token).json()
    assert body["next"] >= 1 and body["mark"].startswith(f"{body['next']}.")
    assert pull(live_server, token, 0).json()["mark"] == body["mark"]
    live_server.restart()
    trainings(live_server, token, STAFF, 1)
    answer = pull(live_server, token, body["next"], body["mark"])
    assert answer.status_code == 200 and len(answer.json()["changes"]) == 1


def test_a_bad_mark_answers_that_client_alone_and_keeps_the_epoch(
    live_server: LiveServer,
) -> None:
    live_server.add_employee(STAFF, "Staf Pelayanan")
    live_server.add_employee(OTHER, "Staf Lain")
    token, other = live_server.token_for(STAFF), live_server.token_for(OTHER)
    since, mark = cursor(live_server, token)
    epoch = live_server.epoch()
    seq, stamp = mark.split(".")
    forged = f"{seq}.{'0' * 16 if stamp != '0' * 16 else '1' * 16}"
    for bad_since, bad_mark in (
        (since, forged),
        (since - 1, mark),
        (since + 50, f"{since + 50}.{stamp}"),
    ):
        answer = pull(live_server, token, bad_since, bad_mark)
        assert answer.status_code == 409 and answer.json()["error"]["code"] == "history"
    for garbage in ("x", f"{seq}", f"{seq}.{stamp}.1", f"-1.{stamp}", f"{seq}.{stamp}0"):
        assert pull(live_server, token, since, garbage).status_code == 400, garbage
    assert live_server.epoch() == epoch
    assert pull(live_server, other, since, mark).status_code == 200
    # Without a mark (a store brought forward from protocol 1) the pull answers, with a mark.
    body = pull(live_server, token, since).json()
    assert body["mark"] == mark
