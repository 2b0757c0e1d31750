"""Nothing typed is lost by leaving a form: one question, save, discard or stay.

A form mixes in ``GuardedForm``: what its fields hold when it opens is kept,
and leaving it with changes (Escape, ctrl+q, another area: tui/app.py asks
``unsaved_form``) shows the one ``UnsavedDialog``. "Save" runs the form's own
save and, once the form closed saved, goes on with the leaving; "discard"
closes it; "stay" goes back to the fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Select, Static, TextArea

from tui.actions import bindings, localise
from tui.texts import terminal_

SAVE, DISCARD, STAY = "save", "discard", "stay"


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
        self._as_opened = field_values(self)

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
        then, self._after_saved = self._after_saved, None
        done = super().dismiss(result)
        if then is not None:
            self.app.call_later(then)
        return done


def unsaved_form(app: App[Any]) -> GuardedForm | None:
    """The open form, on the current screen stack, that has unsaved changes."""
    for screen in reversed(app.screen_stack):
        if isinstance(screen, GuardedForm) and screen.has_changes:
            return screen
    return None
