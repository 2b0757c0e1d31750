"""client.person_file: the one read model of a person's file, held here or fetched."""

from __future__ import annotations

from pathlib import Path

from client import person_file
from client.monitoring import read_team
from demo.office import EMPLOYEE, SUPERIOR
from tests.tui.shell_world import signed_in


def test_a_team_members_file_is_held_here(tmp_path: Path) -> None:
    services = signed_in(tmp_path, SUPERIOR.nip)
    held = person_file.held(read_team(services), EMPLOYEE.nip)
    assert held is not None and not held.fetched and held.error is None
    assert list(held.records) == list(person_file.COLLECTIONS)
    assert held.records["plan"] and all(r["owner"] == EMPLOYEE.nip for r in held.records["plan"])


def test_a_file_the_server_cannot_give_says_why_instead_of_raising(tmp_path: Path) -> None:
    services = signed_in(tmp_path, SUPERIOR.nip)  # a profile whose server does not answer
    found = person_file.fetch(services, EMPLOYEE.nip)
    assert found.fetched and found.records == {}
    assert found.error  # the sync status's words for an unreachable server
