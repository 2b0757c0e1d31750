"""Whom F8 offers to switch to, and what each of them shows of the year.

Every sample person is on the list, each with the part of the year that is
theirs to see (demo/plans.py, demo/evaluations.py, demo/development.py);
each has a profile folder of their own under the demo folder, signed in the
first time they are chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from demo.office import (
    EMPLOYEE,
    HEAD,
    HR_ADMIN,
    NEWCOMER,
    PEOPLE,
    SECOND_SUPERIOR,
    STAFF,
    SUPERIOR,
    Person,
)
from demo.texts import N_, _

if TYPE_CHECKING:
    from client.services import Services

FIRST = SUPERIOR  # the demo opens as her

# What each person's view shows (English msgids of the ``demo`` domain).
SHOWS: Mapping[str, str] = {
    HEAD.nip: N_("approves the Kepala Bidang's SKP; decides objections (atasan PPK)"),
    SUPERIOR.nip: N_(
        "approves and evaluates her team (its spread breaks the curve); "
        "Plt of the other Kepala Bidang"
    ),
    SECOND_SUPERIOR.nip: N_("away on training, SKP waiting for the Kepala Dinas"),
    EMPLOYEE.nip: N_("SKP approved, evaluated each quarter; an objection waiting"),
    STAFF[1].nip: N_("SKP submitted, waiting for approval; short of 20 JP"),
    STAFF[2].nip: N_("SKP returned with a note; short of 20 JP"),
    STAFF[3].nip: N_("SKP still a draft (PPPK)"),
    NEWCOMER.nip: N_("new this year: no SKP yet"),
    STAFF[4].nip: N_("rated Sangat Baik; a reward (penghargaan)"),
    STAFF[5].nip: N_("objection decided: Butuh Perbaikan became Baik"),
    STAFF[6].nip: N_("coaching (pembinaan) under way: tested, next a fitting position"),
    STAFF[7].nip: N_("qualitative SKP, still a draft"),
    HR_ADMIN.nip: N_("admin (BKD): periods, units' ratings, the Plt, everyone's records"),
}


def services_for(home: Path) -> Services:
    """The Services of a signed-in demo profile."""
    from client.services import open_services

    services = open_services(home)
    if services is None:
        raise RuntimeError(f"the demo profile {home} is not signed in")
    return services


@dataclass(frozen=True)
class Choice:
    """One line of the F8 picker: ``key`` is the person's NIP."""

    key: str
    name: str
    detail: str


def choice_of(person: Person) -> Choice:
    return Choice(person.nip, person.name, f"{person.position} · {_(SHOWS[person.nip])}")


class DemoPeople:
    """The app's "switch person" hook (tui/app.py): the people, and opening one.

    ``open`` may take a moment (a first sign-in and sync), so the app calls it
    off its screen's thread; ``prepare(home, nip)`` is what signs a profile in
    when needed, or None when every profile is already signed in (tests).
    """

    def __init__(
        self,
        homes: Mapping[str, Path],
        prepare: Callable[[Path, str], None] | None = None,
    ) -> None:
        self.homes = dict(homes)
        self._prepare = prepare

    def people(self, current: Services) -> Sequence[Choice]:
        return [choice_of(p) for p in PEOPLE if p.nip in self.homes]

    def open(self, key: str) -> Services:
        home = self.homes[key]
        if self._prepare is not None:
            self._prepare(home, key)
        return services_for(home)
