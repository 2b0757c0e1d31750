"""``kinerja login`` gives no password away: no plain http off this computer, no URL credentials."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import open_store
from sync.session import session_path
from sync.signin import UnsafeServerUrl, check_server_url, is_loopback, sign_in
from tests.sync.commands_helpers import kinerja

NIP = "198001012005011042"


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.8.9.10", "localhost", "LOCALHOST", "app.localhost", "::1"]
)
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize(
    "host", ["10.0.0.5", "0.0.0.0", "192.168.1.1", "kinerja.malutprov.go.id", "localhost.evil", ""]
)
def test_other_hosts(host: str) -> None:
    assert not is_loopback(host)


def test_an_ipv4_mapped_loopback_is_loopback() -> None:
    assert is_loopback("::ffff:127.0.0.1") and not is_loopback("::ffff:10.0.0.1")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://localhost:8080/api/v1",
        "http://[::1]:8080",
        "https://kinerja.malutprov.go.id",
    ],
)
def test_safe_addresses_pass(url: str) -> None:
    check_server_url(url)


def test_plain_http_elsewhere_needs_to_be_asked_for() -> None:
    with pytest.raises(UnsafeServerUrl) as refused:
        check_server_url("http://10.20.30.40:8080")
    assert refused.value.kind == "plain_http"
    check_server_url("http://10.20.30.40:8080", insecure_http=True)


@pytest.mark.parametrize(
    "url",
    [
        "https://199001012020121001:rahasia@kinerja.example",
        "https://admin@kinerja.example",
        "http://u:rahasia@127.0.0.1:8080",
    ],
)
def test_credentials_in_the_url_are_refused_even_when_insecure_is_allowed(url: str) -> None:
    with pytest.raises(UnsafeServerUrl) as refused:
        check_server_url(url, insecure_http=True)
    assert refused.value.kind == "credentials" and "rahasia" not in refused.value.shown
    assert "@" not in refused.value.shown


def test_the_apps_sign_in_path_refuses_too_before_any_request(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with pytest.raises(UnsafeServerUrl):
        sign_in(store, "http://10.20.30.40:9", NIP, "rahasia")  # nothing listens: no request made
    assert store.get_meta("server_url") is None and not session_path(tmp_path).exists()


def test_login_refuses_plain_http_in_one_line_and_keeps_nothing(tmp_path: Path) -> None:
    result = kinerja(
        tmp_path, "login", "http://10.20.30.40:8080", "--nip", NIP, "--password-stdin", stdin="x\n"
    )
    assert result.returncode == 2 and "--insecure-http" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not session_path(tmp_path).exists()
    indonesian = kinerja(
        tmp_path,
        "login",
        "http://10.20.30.40:8080",
        "--nip",
        NIP,
        "--password-stdin",
        stdin="x\n",
        KINERJA_LANG="",
    )
    assert "tanpa enkripsi" in indonesian.stderr


def test_login_refuses_a_url_with_a_password_without_echoing_it(tmp_path: Path) -> None:
    result = kinerja(
        tmp_path,
        "login",
        "https://u:rahasia-sekali@kinerja.example",
        "--nip",
        NIP,
        "--password-stdin",
        stdin="x\n",
    )
    assert result.returncode == 2 and "user name or password" in result.stderr
    assert "rahasia-sekali" not in result.stderr + result.stdout


def test_insecure_http_lets_the_address_through(tmp_path: Path) -> None:
    # .invalid never resolves: getting as far as the connection proves the address passed
    result = kinerja(
        tmp_path,
        "login",
        "http://kinerja.invalid:8080",
        "--insecure-http",
        "--nip",
        NIP,
        "--password-stdin",
        stdin="x\n",
    )
    assert result.returncode == 2 and "Could not sign in" in result.stderr
