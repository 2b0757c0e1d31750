"""Nothing typed is lost by leaving a form: one question, save, discard or stay.

A form mixes in ``GuardedForm``: what its fields hold when it opens is kept,
and leaving it with changes (Escape, ctrl+q, another area: tui/app.py asks
``unsaved_form``) shows the one ``UnsavedDialog``. "Save" runs the form's own
save and, once the form closed saved, goes on with the leaving; "discard"
closes it; "stay" goes back to the fields.

A form that names its draft (``draft_key``) also keeps what is typed in
the profile folder (client/drafts.py) half a second after each change, so
a crash or a dropped SSH session loses nothing: opened again, the form
offers the draft back; at start the app lists the drafts waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Select, Static, TextArea

from client import drafts
from tui.actions import bindings, localise
from tui.texts import terminal_

SAVE, DISCARD, STAY = "save", "discard", "stay"
DRAFT_AFTER_SECONDS = 0.5


class UnsavedDialog(ModalScreen[str]):
    """Save, discard or stay: the one question before unsaved changes are left."""

    DEFAULT_CSS = """
    UnsavedDialog { align: center middle; }
    UnsavedDialog > Vertical {
        width: 60; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    UnsavedDialog #unsaved-question { margin-bottom: 1; }
    UnsavedDialog Horizontal { height: auto; align-horizontal: right; }
    UnsavedDialog Button { margin-left: 1; min-width: 10; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("unsaved"))

    def __init__(self, lang: str | None = None) -> None:
        super().__init__()
        localise(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                terminal_("This form has changes that are not saved."), id="unsaved-question"
            )
            with Horizontal():
                yield Button(terminal_("Save (s)"), id=f"unsaved-{SAVE}", variant="primary")
                yield Button(terminal_("Discard (d)"), id=f"unsaved-{DISCARD}", variant="error")
                yield Button(terminal_("Stay (esc)"), id=f"unsaved-{STAY}")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(f"#unsaved-{STAY}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or STAY).removeprefix("unsaved-"))

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)


if TYPE_CHECKING:
    _Base = Screen[Any]
else:
    _Base = object


def field_values(screen: Screen[Any]) -> tuple[object, ...]:
    """What every field of ``screen`` holds now, in their order."""
    found: list[object] = []
    for field in screen.query("Input, TextArea, Select"):
        if isinstance(field, Input):
            found.append(field.value)
        elif isinstance(field, TextArea):
            found.append(field.text)
        elif isinstance(field, Select):
            found.append(field.value)
    return tuple(found)


def put_field_values(screen: Screen[Any], values: list[object]) -> bool:
    """Fill ``screen``'s fields with ``values`` (as ``field_values`` read them)."""
    fields = list(screen.query("Input, TextArea, Select"))
    if len(fields) != len(values):
        return False  # the form changed shape since: better nothing than a wrong field
    for field, value in zip(fields, values, strict=True):
        if isinstance(field, Input):
            field.value = str(value)
        elif isinstance(field, TextArea):
            field.load_text(str(value))
        elif isinstance(field, Select):
            field.value = value
    return True


class GuardedForm(_Base):
    """Mixed into a form (a screen): leaving it with changes asks first.

    The form binds Escape to ``leave`` and says what it is dismissed with
    when left unsaved (``LEFT_WITH``); its ``action_save`` saves.
    """

    LEFT_WITH: ClassVar[object] = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._as_opened: tuple[object, ...] | None = None
        self._after_saved: Callable[[], object] | None = None

    def on_mount(self) -> None:
        # Textual calls this beside the form's own on_mount (each class's
        # handler runs); the fields are read once they hold what it opened with.
        self.call_after_refresh(self._remember_fields)

    def _remember_fields(self) -> None:
        self.remember_as_opened()
        self._offer_draft()

    def remember_as_opened(self) -> None:
        """What the fields hold now is no change (a field the form itself added)."""
        self._as_opened = field_values(self)

    # -- drafts (client/drafts.py) --------------------------------------------

    def draft_key(self) -> str | None:
        """Which form on which record, for its draft; None keeps no draft."""
        return None

    def draft_title(self) -> str:
        return str(self.title or "")

    def draft_fields(self) -> list[object]:
        """What the draft keeps: each field's value in order, unless the form knows better."""
        return list(field_values(self))

    def put_draft(self, fields: list[object]) -> bool:
        """Put a draft's ``fields`` back; False when they no longer fit the form."""
        return put_field_values(self, fields)

    def _drafts_home(self) -> tuple[Path, str] | None:
        home, key = getattr(self.app, "home", None), self.draft_key()
        return (home, key) if isinstance(home, Path) and key else None

    def _offer_draft(self) -> None:
        where = self._drafts_home()
        draft = drafts.find(*where) if where else None
        if where is None or draft is None:
            return
        from tui.widgets.dialogs import ConfirmDialog

        question = terminal_(
            "A draft of this form from {time} was not saved. Put it back in the fields?"
        ).format(time=draft.written_at[:16].replace("T", " "))

        def answered(yes: bool | None) -> None:
            if yes and self.put_draft(draft.fields):
                return  # kept until the form is saved or discarded
            drafts.drop(*where)

        self.app.push_screen(ConfirmDialog(question, getattr(self, "lang", None)), answered)

    # Textual calls these beside any the form has (each class's handler runs).
    def on_input_changed(self) -> None:
        self._field_changed()

    def on_text_area_changed(self) -> None:
        self._field_changed()

    def on_select_changed(self) -> None:
        self._field_changed()

    def _field_changed(self) -> None:
        if self._drafts_home() is None or self._as_opened is None:
            return
        timer = getattr(self, "_draft_timer", None)
        if timer is not None:
            timer.stop()
        self._draft_timer = self.set_timer(DRAFT_AFTER_SECONDS, self._keep_draft)

    def _keep_draft(self) -> None:
        where = self._drafts_home()
        if where is None or not self.is_attached:
            return
        home, key = where
        if not self.has_changes:
            drafts.drop(home, key)
            return
        draft = drafts.Draft(
            key, self.draft_title(), self.draft_fields(), datetime.now().isoformat()
        )
        # A full or read-only disk: the form itself still holds everything.
        with suppress(OSError):
            drafts.keep(home, draft)

    @property
    def has_changes(self) -> bool:
        return self._as_opened is not None and field_values(self) != self._as_opened

    def action_leave(self) -> None:
        """Escape: close at once when nothing changed, else ask."""
        if not self.has_changes:
            self.dismiss(self.LEFT_WITH)
            return
        self.ask_before_leaving(lambda: None)

    def ask_before_leaving(self, then: Callable[[], object]) -> None:
        """Ask save/discard/stay; ``then`` runs once the form is closed (saved or not)."""

        def answered(answer: str | None) -> None:
            if answer == SAVE:
                self._after_saved = then
                self.action_save()
            elif answer == DISCARD:
                self._as_opened = None
                self.dismiss(self.LEFT_WITH)
                self.app.call_later(then)

        self.app.push_screen(UnsavedDialog(getattr(self, "lang", None)), answered)

    def action_save(self) -> None:  # pragma: no cover - every form has its own
        raise NotImplementedError

    def dismiss(self, result: Any = None) -> Any:
        # Saved or discarded: the draft has done its job.
        where = self._drafts_home()
        if where is not None:
            timer = getattr(self, "_draft_timer", None)
            if timer is not None:
                timer.stop()
            drafts.drop(*where)
        then, self._after_saved = self._after_saved, None
        done = super().dismiss(result)
        if then is not None:
            self.app.call_later(then)
        return done


def drafts_notice(home: Path) -> str | None:
    """What the app says at start about drafts a crash left, if any."""
    waiting = drafts.waiting(home)
    if not waiting:
        return None
    titles = "; ".join(draft.title for draft in waiting)
    return terminal_(
        "Not saved before Kinerja closed: {titles}. Open the form again to get it back."
    ).format(titles=titles)


def unsaved_form(app: App[Any]) -> GuardedForm | None:
    """The open form, on the current screen stack, that has unsaved changes."""
    for screen in reversed(app.screen_stack):
        if isinstance(screen, GuardedForm) and screen.has_changes:
            return screen
    return None
