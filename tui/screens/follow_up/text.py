"""The words of the Tindak lanjut screen: a follow-up's line and its details.

Pure functions of an entry (client/follow_up.py) and the records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from client import follow_up as model
from client.records import Snapshot
from domain import credit_points
from domain.vocab import (
    FOLLOW_UP_KIND_LABELS,
    FOLLOW_UP_STATUS_LABELS,
    FOLLOW_UP_STEP_LABELS,
    PREDIKAT_LABELS,
    SANCTION_LEVEL_LABELS,
)
from tui.texts import year_ as _


def _label(labels: Mapping[Any, str], key: Any) -> str:
    return labels.get(key, str(key or "-"))


def row(records: Snapshot, found: model.Entry) -> tuple[str, str, str, str, str]:
    data = found.data
    if found.next is not None:
        step = _label(FOLLOW_UP_STEP_LABELS, found.next.step)
    else:
        step = _label(FOLLOW_UP_STATUS_LABELS, data.get("status"))
    due = found.due.isoformat() if found.due and data.get("status") == "open" else ""
    return (
        records.name_of(found.owner),
        _label(FOLLOW_UP_KIND_LABELS, data.get("kind")),
        str(data.get("start", "")),
        step,
        ("⚠ " if found.late else "") + due,
    )


def next_text(found: model.Entry) -> str | None:
    """The next step or the due date, and a warning once it has passed."""
    if found.data.get("status") != "open":
        return None
    due = found.due.isoformat() if found.due else None
    step = _label(FOLLOW_UP_STEP_LABELS, found.next.step) if found.next else None
    if found.late and step:
        return _("⚠ {step} was due on {due}: the date has passed.").format(step=step, due=due)
    if found.late:
        return _("⚠ Due on {due}: the date has passed.").format(due=due)
    if step and due:
        return _("Next: {step}, due on {due}.").format(step=step, due=due)
    if step:
        return _("Next: {step}.").format(step=step)
    return _("Due on {due}.").format(due=due) if due else None


def evaluation_text(records: Snapshot, evaluation: Mapping[str, Any]) -> str:
    data = evaluation["data"]
    text = _("From the evaluation {period}: {predikat}.").format(
        period=records.period_name(data.get("period_id")),
        predikat=_label(PREDIKAT_LABELS, data.get("predikat")),
    )
    percent = model.credit_text_percent(records, dict(evaluation))
    if percent is not None:
        text += " " + _("Angka kredit: {percent} % of the annual coefficient ({source}).").format(
            percent=percent, source=credit_points.source()
        )
    return text


def details(records: Snapshot, found: model.Entry) -> str:
    data = found.data
    lines = [str(data.get("description", ""))]
    evaluation = records.get("evaluation", str(data.get("evaluation_id") or ""))
    if evaluation is not None and not evaluation.get("deleted"):
        lines.append(evaluation_text(records, evaluation))
    steps = data.get("steps") or []
    if steps:
        taken = "; ".join(
            f"{_label(FOLLOW_UP_STEP_LABELS, s.get('step'))} {s.get('date', '')}" for s in steps
        )
        lines.append(_("Steps: {steps}").format(steps=taken))
    if data.get("level"):
        lines.append(_("Level: {level}").format(level=_label(SANCTION_LEVEL_LABELS, data["level"])))
    answered = model.answering_training(records, found)
    if answered:
        shown = "; ".join(
            f"{t['data'].get('title', '')} ({t['data'].get('jp')} JP, {t['data'].get('end')})"
            for t in answered
        )
        lines.append(_("Answered by training: {training}").format(training=shown))
    return "\n".join(lines)


def home_line(open_ones: Sequence[model.Entry], names: Mapping[str, str]) -> str:
    """Beranda's line: each open follow-up's person and next due date, the late ones marked."""
    shown = []
    for found in open_ones[:3]:
        due = found.due.isoformat() if found.due else "-"
        shown.append(f"{names.get(found.owner, found.owner)} {'⚠ ' if found.late else ''}{due}")
    more = len(open_ones) - len(shown)
    text = _("Open tindak lanjut ({n}): {each}").format(n=len(open_ones), each=", ".join(shown))
    return text + (" " + _("and {n} more").format(n=more) if more > 0 else "")
