"""The login, logout, sync, status and export commands: exit codes, messages, --json."""

from __future__ import annotations

import csv
import io
import signal
import stat
import time
import uuid
from pathlib import Path

import orjson
import pytest

from store import open_store
from sync.session import session_path
from tests.support.live_server import DEFAULT_PASSWORD, LiveServer, make_nip
from tests.sync.commands_helpers import as_json, kinerja, start_kinerja
from tests.sync.devices import training

NIP = make_nip(42)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def signed_in(live_server: LiveServer, home: Path) -> Path:
    live_server.add_employee(NIP, "Dewi Sartika")
    live_server.set_password(NIP)
    result = kinerja(
        home,
        "login",
        live_server.root_url,
        "--nip",
        NIP,
        "--password-stdin",
        stdin=DEFAULT_PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    return home


def add_training(home: Path, data: dict[str, object]) -> str:
    store = open_store(home)
    record_id = store.records.new_id()
    store.records.edit("training", record_id, data, owner=NIP, by=NIP)
    return record_id


def test_login_keeps_a_private_token_and_the_server_in_meta(
    signed_in: Path, live_server: LiveServer
) -> None:
    assert stat.S_IMODE(session_path(signed_in).stat().st_mode) == 0o600
    store = open_store(signed_in)
    assert store.get("meta", "server_url") == live_server.root_url
    assert store.get("meta", "nip") == NIP


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (
            ["login", "kinerja.example", "--nip", NIP, "--password-stdin"],
            "x\n",
            "not a server address",
        ),
        (["login", "http://127.0.0.1:9", "--nip", "12345", "--password-stdin"], "x\n", "18"),
        (["login", "http://127.0.0.1:9", "--nip", NIP, "--password-stdin"], "\n", "No password"),
        (["sync"], None, "Not signed in"),
    ],
    ids=["bad-url", "bad-nip", "no-password", "sync-without-login"],
)
def test_mistakes_end_in_one_line_and_exit_2(
    home: Path, args: list[str], stdin: str | None, expected: str
) -> None:
    result = kinerja(home, *args, stdin=stdin)
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_wrong_password_and_unreachable_server(live_server: LiveServer, home: Path) -> None:
    live_server.add_employee(NIP, "Dewi Sartika")
    live_server.set_password(NIP)
    wrong = kinerja(
        home, "login", live_server.root_url, "--nip", NIP, "--password-stdin", stdin="salah\n"
    )
    assert wrong.returncode == 2 and "Wrong NIP or password" in wrong.stderr
    assert not session_path(home).exists()


def test_messages_are_indonesian_by_default(home: Path) -> None:
    result = kinerja(home, "sync", KINERJA_LANG="")
    assert result.returncode == 2 and "Belum masuk" in result.stderr


def test_sync_json_exit_0_when_all_synced(signed_in: Path) -> None:
    add_training(signed_in, training())
    result = kinerja(signed_in, "sync", "--json")
    assert result.returncode == 0, result.stderr
    report = as_json(result)
    assert report["ok"] is True and report["exit"] == 0
    assert (report["sent"], report["applied"], report["error"]) == (1, 1, None)
    assert report["waiting"] == {"pending": 0, "conflicts": 0, "rejected": 0}
    status = as_json(kinerja(signed_in, "status", "--json"))
    assert status["pending"] == 0 and status["signed_in"] is True and status["last_sync_at"]


def test_sync_exit_1_when_a_rejection_waits_for_a_person(signed_in: Path) -> None:
    add_training(signed_in, training(jp=-5))  # JP must be above 0
    result = kinerja(signed_in, "sync")
    assert result.returncode == 1, result.stderr
    assert "rejected" in result.stdout
    status = as_json(kinerja(signed_in, "status", "--json"))
    assert (status["rejected"], status["pending"]) == (1, 0)


def test_sync_exit_2_when_the_server_is_down(signed_in: Path, live_server: LiveServer) -> None:
    add_training(signed_in, training())
    live_server.stop()
    result = kinerja(signed_in, "sync", "--json", KINERJA_SYNC_ATTEMPTS="1")
    assert result.returncode == 2
    report = as_json(result)
    assert report["error"] == "unreachable" and report["waiting"]["pending"] == 1


def test_a_revoked_token_asks_to_log_in_again_and_loses_nothing(
    signed_in: Path, live_server: LiveServer
) -> None:
    record_id = add_training(signed_in, training())
    token = orjson.loads(session_path(signed_in).read_bytes())["token"]
    with live_server.client(token) as client:
        client.delete("/session")
    result = kinerja(signed_in, "sync")
    assert result.returncode == 2
    assert f"kinerja login {live_server.root_url} --nip {NIP}" in result.stderr
    store = open_store(signed_in)
    assert [entry["id"] for entry in store.records.outbox()] == [record_id]


def test_logout_tells_the_server_and_keeps_pending_changes(
    signed_in: Path, live_server: LiveServer
) -> None:
    add_training(signed_in, training())
    token = orjson.loads(session_path(signed_in).read_bytes())["token"]
    result = kinerja(signed_in, "logout")
    assert result.returncode == 0 and "Signed out" in result.stdout and ": 1." in result.stdout
    assert not session_path(signed_in).exists()
    with live_server.client(token) as client:
        assert client.get("/changes").status_code == 401
    assert len(open_store(signed_in).records.outbox()) == 1


def test_logout_offline_forgets_the_token_and_says_so(
    signed_in: Path, live_server: LiveServer
) -> None:
    live_server.stop()
    result = kinerja(signed_in, "logout")
    assert result.returncode == 0 and "could not be told" in result.stdout
    assert not session_path(signed_in).exists()


def test_export_json_and_csv(signed_in: Path, tmp_path: Path) -> None:
    first = add_training(signed_in, training(title='Diklat, "PIM" IV'))
    add_training(signed_in, training(title="Bimtek SKP"))
    backup = tmp_path / "backup.json"
    assert kinerja(signed_in, "export", "-o", str(backup)).returncode == 0
    document = orjson.loads(backup.read_bytes())
    assert {r["id"] for r in document["records"]} >= {first} and len(document["outbox"]) == 2
    result = kinerja(signed_in, "export", "--format", "csv", "--collection", "training")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(row["title"] for row in rows) == ["Bimtek SKP", 'Diklat, "PIM" IV']
    assert rows[0]["jp"] == "20"
    missing = kinerja(signed_in, "export", "--format", "csv")
    assert missing.returncode == 2 and "--collection" in missing.stderr


def test_sync_killed_mid_pull_resumes_without_fetching_twice(
    live_server: LiveServer, tmp_path: Path, home: Path
) -> None:
    token = live_server.account(NIP, "Dewi Sartika")
    mutations = [
        {
            "mutation_id": str(uuid.uuid4()),
            "collection": "training",
            "id": f"00000000-0000-4000-8000-{n:012d}",
            "owner": NIP,
            "op": "upsert",
            "base_rev": None,
            "data": training(title=f"Diklat {n}"),
            "resolves": [],
        }
        for n in range(600)
    ]
    for start in range(0, len(mutations), 300):
        assert {r["status"] for r in live_server.push(token, mutations[start : start + 300])} == {
            "applied"
        }
    total = len(live_server.pull_all(token)[0])
    login = kinerja(
        home,
        "login",
        live_server.root_url,
        "--nip",
        NIP,
        "--password-stdin",
        stdin=DEFAULT_PASSWORD + "\n",
    )
    assert login.returncode == 0

    running = start_kinerja(home, "sync", KINERJA_SYNC_PAGE_LIMIT="3")
    store = open_store(home)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and running.poll() is None:
        with store.transaction() as tx:
            if (tx.get("meta", "cursor") or 0) > 0:
                break
        time.sleep(0.01)
    running.send_signal(signal.SIGKILL)
    running.communicate()
    assert running.returncode == -signal.SIGKILL, "the sync ended before it could be killed"
    with store.transaction() as tx:
        saved = len(tx.all("records"))
    assert 0 < saved < total

    result = kinerja(home, "sync", "--json", KINERJA_SYNC_PAGE_LIMIT="50")
    assert result.returncode == 0, result.stderr
    assert as_json(result)["received"] == total - saved
    with store.transaction() as tx:
        assert len(tx.all("records")) == total


def test_help_is_indonesian_by_default(home: Path) -> None:
    result = kinerja(home, "sync", "--help", KINERJA_LANG="")
    assert result.returncode == 0 and "putaran sinkronisasi" in result.stdout


def test_login_to_another_server_refuses_to_mix_its_data(signed_in: Path) -> None:
    add_training(signed_in, training())
    result = kinerja(
        signed_in, "login", "http://127.0.0.1:9", "--nip", NIP, "--password-stdin", stdin="x\n"
    )
    assert result.returncode == 2 and "KINERJA_HOME" in result.stderr
    assert session_path(signed_in).exists()  # the first server's session is untouched
