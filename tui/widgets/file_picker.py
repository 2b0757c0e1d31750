"""Choose a file or a folder with the keyboard alone, as over SSH with no desktop.

One line holds a path; the list under it shows what is in the folder the
path names, narrowed to the names holding what is typed after the last "/"
(any case). Up and down move in the list, tab completes the line to the
highlighted name, enter takes it: a folder is entered, a file chosen. In
folder mode the first row is the folder itself, so enter on an empty filter
chooses the folder shown. Typing a whole path and pressing enter works too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from client.evidence import size_text, texts
from tui.actions import bindings, localise
from tui.widgets.forms import ErrorLabel

SHOWN = 300  # rows at most: a folder of 10,000 scans stays quick to narrow by typing
HERE, UP = "\x00here", "\x00up"


@dataclass(frozen=True)
class Entry:
    name: str
    folder: bool
    size: int


def listing(folder: Path, typed: str, folders_only: bool) -> list[Entry]:
    """The entries of ``folder`` whose names hold ``typed``, folders first, hidden ones
    only when ``typed`` starts with a dot; OSError when the folder cannot be read."""
    wanted = typed.lower()
    found: list[Entry] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") and not wanted.startswith("."):
                continue
            if wanted not in entry.name.lower():
                continue
            try:
                is_folder = entry.is_dir()
                size = 0 if is_folder else entry.stat().st_size
            except OSError:
                continue  # a dangling link: nothing to choose there
            if folders_only and not is_folder:
                continue
            found.append(Entry(entry.name, is_folder, size))
    # names that start with what is typed come before names that only hold it
    found.sort(key=lambda e: (not e.folder, not e.name.lower().startswith(wanted), e.name.lower()))
    return found


class FilePicker(ModalScreen[Path | None]):
    """Returns the chosen file (or folder, with ``folders=True``), or None when cancelled."""

    DEFAULT_CSS = """
    FilePicker { align: center middle; }
    FilePicker > Vertical {
        width: 78; height: 20; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    FilePicker .picker-title { text-style: bold; }
    FilePicker OptionList { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("file_picker"))

    def __init__(
        self, title: str, start: Path, *, folders: bool = False, lang: str | None = None
    ) -> None:
        super().__init__()
        localise(self, lang)
        self._ = texts(lang)
        self.lang = lang
        self.picker_title = title
        self.folders = folders
        start = start.expanduser()
        self.start = start if start.is_dir() else Path.home()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.picker_title, classes="picker-title")
            yield Input(_with_slash(self.start), id="picker-path", compact=True)
            listed = OptionList(id="picker-list", compact=True)
            listed.can_focus = False  # the keys stay in the path line
            yield listed
            yield ErrorLabel(id="picker-error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        line = self.query_one("#picker-path", Input)
        line.focus()
        line.cursor_position = len(line.value)
        self._fill(line.value)

    # --- the list -------------------------------------------------------------------

    def _split(self, typed: str) -> tuple[Path, str]:
        """The folder the line names and what is typed after it."""
        head, _sep, tail = typed.rpartition("/")
        return Path(head or "/").expanduser() if _sep else Path.cwd(), tail

    @on(Input.Changed, "#picker-path")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, typed: str) -> None:
        folder, fragment = self._split(typed)
        error = self.query_one("#picker-error", ErrorLabel)
        listed = self.query_one("#picker-list", OptionList)
        listed.clear_options()
        options: list[Option] = []
        if self.folders:
            options.append(
                Option(self._("[choose this folder] {folder}").format(folder=folder), id=HERE)
            )
        if folder.parent != folder:
            options.append(Option("../", id=UP))
        try:
            entries = listing(folder, fragment, self.folders)
        except OSError as problem:
            error.show(
                self._("The folder {folder} cannot be read: {reason}").format(
                    folder=folder, reason=problem.strerror or problem
                )
            )
            entries = []
        else:
            error.show("")
        for entry in entries[:SHOWN]:
            shown = (
                f"{entry.name}/"
                if entry.folder
                else f"{entry.name}  ({size_text(entry.size, self.lang)})"
            )
            options.append(Option(shown, id=entry.name))
        listed.add_options(options)
        # the folder itself in folder mode with nothing typed; else the first name
        first_entry = len(options) - min(len(entries), SHOWN)
        if self.folders and not fragment:
            listed.highlighted = 0
        elif entries:
            listed.highlighted = first_entry
        else:  # nothing matches what is typed: enter then says so, it does not climb
            listed.highlighted = None if fragment else 0

    def _highlighted(self) -> str | None:
        listed = self.query_one("#picker-list", OptionList)
        if listed.highlighted is None:
            return None
        return listed.get_option_at_index(listed.highlighted).id

    def _set_line(self, text: str) -> None:
        line = self.query_one("#picker-path", Input)
        line.value = text
        line.cursor_position = len(text)

    # --- actions --------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        listed = self.query_one("#picker-list", OptionList)
        if listed.option_count:
            current = listed.highlighted if listed.highlighted is not None else -step
            listed.highlighted = max(0, min(listed.option_count - 1, current + step))

    def action_complete(self) -> None:
        folder, _fragment = self._split(self.query_one("#picker-path", Input).value)
        chosen = self._highlighted()
        if chosen == UP:
            self._set_line(_with_slash(folder.parent))
        elif chosen not in (None, HERE):
            target = folder / chosen
            self._set_line(_with_slash(target) if target.is_dir() else str(target))

    def action_choose(self) -> None:
        typed = self.query_one("#picker-path", Input).value
        folder, _fragment = self._split(typed)
        whole = Path(typed).expanduser()
        chosen = self._highlighted()
        if chosen == HERE:
            self.dismiss(folder)
        elif whole.is_file() and not self.folders:
            self.dismiss(whole)  # a whole path typed
        elif chosen == UP:
            self._set_line(_with_slash(folder.parent))
        elif chosen is not None:
            target = folder / chosen
            if target.is_dir():
                self._set_line(_with_slash(target))
            else:
                self.dismiss(target)
        else:
            self.query_one("#picker-error", ErrorLabel).show(
                self._("Nothing named {path} here: type a path, or pick one from the list.").format(
                    path=typed
                )
            )


def _with_slash(folder: Path) -> str:
    text = str(folder)
    return text if text.endswith("/") else f"{text}/"
