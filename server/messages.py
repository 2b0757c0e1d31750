"""The server's own texts for people, through the ``server`` gettext domain.

Validation and permission messages come from ``domain``; these are the
few reasons only the server can give (an owner that changed, a parent
record it does not have) and the API's error texts.
"""

from __future__ import annotations

from domain.i18n import translator


def _(text: str) -> str:
    """Marks a msgid for extraction; translated when shown."""
    return text


REASONS = {
    "owner_changed": _("The owner of a record never changes. Keep the owner it was created with."),
    "delete_unknown": _("This record is not on the server, so it cannot be deleted."),
    "owner_not_null": _("Units and periods belong to nobody: leave the owner empty."),
    "owner_missing": _("This record must name its owner: the NIP of the employee it is about."),
    "employee_owner": _("The owner of an employee record is that employee's own NIP."),
    "employee_exists": _("An employee with this NIP already exists. Edit that record instead."),
    "plan_missing": _("The SKP this RHK belongs to is not on the server. Sync the SKP first."),
    "plan_of_other": _("This RHK names an SKP of another employee."),
    "plan_item_missing": _(
        "The RHK this realisasi belongs to is not on the server. Sync the SKP first."
    ),
    "plan_item_of_other": _("This realisasi names an RHK of another employee."),
    "evaluation_missing": _("The evaluation this objection is about is not on the server."),
    "evaluation_of_other": _("This objection names an evaluation of another employee."),
    "mutation_id_taken": _(
        "Another person's change on this record has the same mutation_id; make a new one."
    ),
}


def text(msgid: str, lang: str | None = None) -> str:
    return translator("server", lang)(msgid)


def rejection(reason: str) -> tuple[str, str]:
    """A rejection reason in Indonesian and in English."""
    msgid = REASONS[reason]
    return text(msgid, "id"), msgid
