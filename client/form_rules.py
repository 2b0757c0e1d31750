"""What a form asks beyond domain.validation, worded for the person typing.

domain.validation checks the protocol's shapes; these rules say, field by
field, what a person must still write before an RHK or a realisasi is worth
sending: the RHK's words and each IKI with its target, realisasi values as
numbers, evidence with a label and a web link (domain.checks.is_web_url, the
same rule the protocol applies) or a kept file. ``client.writes.validate``
applies them after the domain's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from client.texts import translator_for
from domain.checks import is_web_url

if TYPE_CHECKING:
    from client.records import Snapshot


def _plan_item(data: Mapping[str, Any], view: Snapshot, _: Callable[[str], str]) -> dict[str, str]:
    plan = view.get("plan", str(data.get("plan_id") or ""))
    qualitative = bool(plan and plan["data"].get("approach") == "qualitative")
    found: dict[str, str] = {}
    if not data.get("text"):
        found["text"] = _("Write the RHK: what result will you deliver?")
    for index, indicator in enumerate(data.get("indicators") or []):
        where = f"indicators[{index}]"
        if not indicator.get("indicator"):
            found[f"{where}.indicator"] = _("Write the IKI: how is this result measured?")
        if qualitative and not indicator.get("target_text"):
            found.setdefault(f"{where}.target_text", _("Write the target as a narrative."))
        if not qualitative and indicator.get("target") is None:
            found.setdefault(f"{where}.target", _("Write the target as a number, e.g. 120."))
    return found


def _progress(data: Mapping[str, Any], view: Snapshot, _: Callable[[str], str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for index, value in enumerate(data.get("values") or []):
        if isinstance(value, str):
            found[f"values[{index}]"] = _(
                "Write the realisasi as a number, e.g. 45, or leave it empty."
            )
    for index, evidence in enumerate(data.get("evidence") or []):
        url, label = evidence.get("url"), evidence.get("label")
        # a kept file needs no link: domain.validation checks its description
        if url and not is_web_url(str(url)):
            found[f"evidence[{index}].url"] = _(
                "The link must be a web address starting with https:// or http://."
            )
        elif not url and not evidence.get("blob"):
            found[f"evidence[{index}].url"] = _("Give the link to the evidence.")
        if not label:
            found[f"evidence[{index}].label"] = _("Give the evidence a label.")
    return found


RULES: Mapping[
    str, Callable[[Mapping[str, Any], Snapshot, Callable[[str], str]], dict[str, str]]
] = {"plan_item": _plan_item, "progress": _progress}


def form_issues(
    collection: str, data: Mapping[str, Any], view: Snapshot, lang: str
) -> dict[str, str]:
    """Messages by field path, in ``lang``; empty when the form is complete."""
    rule = RULES.get(collection)
    return rule(data, view, translator_for(lang)) if rule else {}
