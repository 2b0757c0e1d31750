"""Saves off the UI thread: one worker per save, one handler for its outcome.

As Harlequin runs its blocking work: ``@work``-style thread workers in the
group ``"save"`` (the store may wait up to 30 s for the profile's lock, and
a disk may be slow), their results handled in one place. A screen calls
``self.save(job, done)``: ``job`` runs in the worker and returns a
client.writes result; ``done`` gets it back on the UI thread when it is
``Saved``. ``Issues`` go to the screen's ``show_issues`` (beside the fields)
and every refusal or store failure becomes a message in the person's
language, never a traceback. "Menyimpan…" shows when a save takes over
100 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.widgets import Label
from textual.worker import Worker, WorkerState

from client.writes import Denied, Failed, Issues, Saved, SaveResult
from tui.texts import _

SAVE_GROUP = "save"
SHOW_AFTER_SECONDS = 0.1


class SavingLabel(Label):
    """ "Menyimpan…", docked over the screen while a slow save runs."""

    DEFAULT_CSS = """
    SavingLabel {
        dock: top;
        width: auto;
        padding: 0 1;
        background: $warning;
        color: $text;
    }
    """


if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[Any]
else:
    _Base = object


class Saving(_Base):
    """Mixed into a screen or dialog that saves through client.writes, off the UI thread."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._on_saved: dict[Worker[Any], Callable[[Saved], object]] = {}
        self._saving_label: SavingLabel | None = None

    def save(self, job: Callable[[], SaveResult], done: Callable[[Saved], object]) -> None:
        """Run ``job`` in a thread worker; ``done`` once it saved."""
        worker: Worker[SaveResult] = self.run_worker(
            job, thread=True, group=SAVE_GROUP, exit_on_error=False
        )
        self._on_saved[worker] = done
        self.set_timer(SHOW_AFTER_SECONDS, self._show_saving)

    @property
    def is_saving(self) -> bool:
        return any(not worker.is_finished for worker in self._on_saved)

    def _show_saving(self) -> None:
        if self.is_saving and self._saving_label is None and self.is_attached:
            self._saving_label = SavingLabel(_("Saving…"))
            self.mount(self._saving_label)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one handler of every save's outcome."""
        worker = event.worker
        if worker.group != SAVE_GROUP or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            return
        done = self._on_saved.pop(worker, None)
        if not self.is_saving and self._saving_label is not None:
            self._saving_label.remove()
            self._saving_label = None
        if event.state == WorkerState.ERROR:
            reason = worker.error
            self.notify(
                _("Not saved: {reason}").format(reason=reason),
                title=_("Not saved"),
                severity="error",
                timeout=15,
            )
            return
        result = worker.result
        if isinstance(result, Saved):
            if done is not None:
                done(result)
        elif isinstance(result, Issues):
            self.show_issues(result)
        elif isinstance(result, Denied | Failed):
            self.notify(result.message, title=_("Not saved"), severity="error", timeout=15)

    def show_issues(self, issues: Issues) -> None:
        """Say what is wrong; a form overrides this to show each message beside its field."""
        self.notify("\n".join(issues.messages), title=_("Not saved"), severity="error")
