"""What the PPK does to the ratings on the Evaluasi screen: step them, save a
draft, finalise, or discard a change the server refused.

A mixin of ``EvaluationScreen`` (tui/screens/evaluation/screen.py), kept apart
so that the screen module stays about what is shown. The predikat follows
the matrix (domain.predikat) for the two ratings chosen; finalising asks
first, since a final evaluation can't change again (protocol.md: immutable).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.widgets import Select

from client import evaluation as facts
from client.conflicts import discard
from client.evaluation import new_id
from client.feedback import iso
from client.writes import Saved, Write, save
from domain.vocab import RATINGS
from tui.screens.evaluation.tabs import EvaluationTabs
from tui.texts import review_ as _
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.saving import Saving


class EvaluationRatings(Saving, EvaluationTabs):
    """Reads and writes the screen's ratings; ``load`` shows what was saved."""

    result: str | None
    behaviour: str | None
    evaluation: Mapping[str, Any] | None
    breaches: list[Any]

    def load(self, *, reread: bool = True) -> None:
        """Read the records again and show them: the screen says how."""
        raise NotImplementedError

    @property
    def predikat(self) -> str | None:
        from domain.predikat import predikat

        if self.result is None or self.behaviour is None:
            return None
        return predikat(self.result, self.behaviour)

    def _draft(self, finalised_at: str | None = None) -> dict[str, Any] | None:
        if not (self.period and self.plan and self.result and self.behaviour):
            return None
        return facts.evaluation_data(
            period_id=self.period["id"],
            plan_id=self.plan["id"],
            result_rating=self.result,
            behaviour_rating=self.behaviour,
            predikat=self.predikat or "invalid",
            behaviour_notes=self.behaviour_notes,
            item_notes=self.item_notes,
            finalised_at=finalised_at,
        )

    def action_cycle(self, which: str) -> None:
        """Step a rating through Di Atas, Sesuai, Di Bawah Ekspektasi."""
        current = self.result if which == "result" else self.behaviour
        following = RATINGS[(RATINGS.index(current) + 1) % len(RATINGS)] if current else RATINGS[0]  # type: ignore[arg-type]
        widget = "#eval-result" if which == "result" else "#eval-behaviour"
        self.query_one(widget, Select).value = following

    def _write(self, finalised_at: str | None, said: str) -> None:
        """Save the evaluation (final when ``finalised_at``), then say ``said``."""
        data = self._draft(finalised_at)
        if data is None:
            self.notify(_("Choose both ratings first."), severity="warning")
            return
        record_id = self.evaluation["id"] if self.evaluation else new_id()
        write = Write("evaluation", record_id, self.person, data)
        services = self.services

        def saved(result: Saved) -> None:
            if result.snapshot is not None:
                self.records = result.snapshot
            self.load(reread=result.snapshot is None)
            self.notify(said)

        self.save(lambda: save(services, write, reread=facts.COLLECTIONS), saved)

    def action_save(self) -> None:
        self._write(None, _("Evaluation saved as a draft."))

    def action_finalise(self) -> None:
        if self._draft() is None:
            self.notify(_("Choose both ratings first."), severity="warning")
            return
        from domain.vocab import PREDIKAT_LABELS

        question = _(
            "Finalise the evaluation of {who} for {period} with predikat {predikat}? "
            "A final evaluation can't be changed or undone."
        ).format(
            who=self.records.name_of(self.person),
            period=self.period["data"].get("name") if self.period else "",
            predikat=PREDIKAT_LABELS[self.predikat],  # type: ignore[index]
        )
        if self.breaches:
            # the first breach in full, the rest counted: the dialog must fit 24 rows
            question += "\n⚠ " + self.breaches[0].message(self.services.lang)
            if len(self.breaches) > 1:
                question += " " + _("(+{n} more in Curve)").format(n=len(self.breaches) - 1)

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(iso(self.services.now()), _("The evaluation is final."))

        self.app.push_screen(ConfirmDialog(question), answered)

    def action_discard(self) -> None:
        if not self.evaluation:
            return
        record_id = self.evaluation["id"]

        def answered(yes: bool | None) -> None:
            if yes:
                services = self.services
                self.save(
                    lambda: discard(services, "evaluation", record_id), lambda _s: self.load()
                )

        self.app.push_screen(
            ConfirmDialog(
                _("Discard your rejected change? The evaluation goes back to the server's version.")
            ),
            answered,
        )
