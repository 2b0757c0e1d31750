"""The bukti dukung of a realisasi, listed, and a copy of a file saved where asked.

Shown from Realisasi (the employee) and Evaluasi (the PPK and the employee).
Enter on a file asks for a folder (the file picker in folder mode) and writes
a copy there, fetching it from the server the first time (client/evidence.py);
the dialog then says where the copy is. A link is listed with its address,
to be opened in a browser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from client.evidence import EvidenceProblem, describe, is_here, save_copy, texts
from client.services import Services
from tui.actions import bindings, localise
from tui.widgets.file_picker import FilePicker
from tui.widgets.forms import ErrorLabel


class EvidenceFiles(ModalScreen[None]):
    """The evidence items of one realisasi; enter saves a copy of the highlighted file."""

    DEFAULT_CSS = """
    EvidenceFiles { align: center middle; }
    EvidenceFiles > Vertical {
        width: 78; height: auto; max-height: 20; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    EvidenceFiles .evidence-title { text-style: bold; }
    EvidenceFiles OptionList { height: auto; max-height: 10; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("evidence"))

    def __init__(
        self, services: Services, title: str, evidence: Sequence[Mapping[str, Any]]
    ) -> None:
        super().__init__()
        localise(self, services.lang)
        self.services = services
        self.evidence_title = title
        self.evidence = list(evidence)
        self._ = texts(services.lang)

    def compose(self) -> ComposeResult:
        _ = self._
        with Vertical():
            yield Static(self.evidence_title, classes="evidence-title")
            listed = OptionList(id="evidence-list", compact=True)
            listed.can_focus = False
            yield listed
            yield Static("", id="evidence-status")
            yield ErrorLabel(id="evidence-problem")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        _ = self._
        listed = self.query_one("#evidence-list", OptionList)
        if not self.evidence:
            self.query_one("#evidence-status", Static).update(_("No evidence recorded."))
        for index, item in enumerate(self.evidence):
            listed.add_option(Option(self._line(item), id=str(index)))
        listed.highlighted = 0 if self.evidence else None

    def _line(self, item: Mapping[str, Any]) -> str:
        _ = self._
        label = str(item.get("label") or "")
        blob = item.get("blob")
        if isinstance(blob, Mapping):
            where = _("on this computer") if is_here(self.services, blob) else _("on the server")
            return f"{label}: {describe(blob, self.services.lang)} ({where})"
        return f"{label}: {item.get('url', '')}"

    def action_move(self, step: int) -> None:
        listed = self.query_one("#evidence-list", OptionList)
        if listed.highlighted is not None:
            listed.highlighted = max(0, min(listed.option_count - 1, listed.highlighted + step))

    def action_open(self) -> None:
        _ = self._
        listed = self.query_one("#evidence-list", OptionList)
        if listed.highlighted is None:
            return
        item = self.evidence[listed.highlighted]
        blob = item.get("blob")
        if not isinstance(blob, Mapping):
            self._say(
                _("This evidence is a link: open {url} in a web browser.").format(
                    url=item.get("url", "")
                )
            )
            return
        picker = FilePicker(
            _("Save a copy of {name} in which folder?").format(name=blob.get("name", "")),
            Path.cwd(),
            folders=True,
            lang=self.services.lang,
        )

        def chosen(folder: Path | None) -> None:
            if folder is not None:
                self._say(_("Fetching {name}…").format(name=blob.get("name", "")))
                self._save(blob, folder, listed.highlighted or 0)

        self.app.push_screen(picker, chosen)

    @work(thread=True, exclusive=True, group="evidence")
    def _save(self, blob: Mapping[str, Any], folder: Path, index: int) -> None:
        """Fetching may wait on the network: in a thread, the answer posted back."""
        try:
            written = save_copy(self.services, blob, folder)
        except EvidenceProblem as problem:
            self.app.call_from_thread(self._fail, str(problem))
        else:
            self.app.call_from_thread(self._saved, written, index)

    def _saved(self, written: Path, index: int) -> None:
        self._say(self._("Saved as {path}").format(path=written))
        self.notify(self._("Saved as {path}").format(path=written))
        listed = self.query_one("#evidence-list", OptionList)
        listed.replace_option_prompt_at_index(index, self._line(self.evidence[index]))

    def _fail(self, message: str) -> None:
        self.query_one("#evidence-status", Static).update("")
        self.query_one("#evidence-problem", ErrorLabel).show(message)

    def _say(self, message: str) -> None:
        self.query_one("#evidence-problem", ErrorLabel).show("")
        self.query_one("#evidence-status", Static).update(message)
