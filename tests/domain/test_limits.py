"""The limits of protocol.md, each at its edge: the last value allowed and the first refused.

What the issue found applied before protocol 2 is among them: jp 1e9, a
target of -10 or 1e308, 10,000 indicators, a 4 MB title, evidence
``javascript:``, text with ESC.
"""

from __future__ import annotations

from typing import Any

import pytest

from domain.schema import BLOB_MAX_BYTES
from domain.validation import validate_data
from tests.domain.samples import valid

INDICATOR = valid("plan_item")["indicators"][0]
SHA = "ab" * 32


def blob(**changes: Any) -> dict[str, Any]:
    return {
        "sha256": SHA,
        "name": "laporan.pdf",
        "size": 2048,
        "type": "application/pdf",
        **changes,
    }


# collection, the change at the edge that is allowed, the first one refused, field, code
EDGES: list[tuple[str, dict[str, Any], dict[str, Any], str, str]] = [
    ("training", {"title": "x" * 2000}, {"title": "x" * 2001}, "title", "too_long"),
    ("training", {"title": "x" * 2000}, {"title": "x" * 4_000_000}, "title", "too_long"),
    ("progress", {"note": "x" * 10_000}, {"note": "x" * 10_001}, "note", "too_long"),
    ("objection", {"reason": "x" * 10_000}, {"reason": "x" * 10_001}, "reason", "too_long"),
    ("feedback", {"text": "x" * 10_000}, {"text": "x" * 10_001}, "text", "too_long"),
    (
        "training",
        {"title": "Baris satu\nbaris dua\tdengan tab"},
        {"title": "Judul \x1b[31mmerah"},
        "title",
        "control_character",
    ),
    (
        "training",
        {"organiser": "BPSDM"},
        {"organiser": "BPSDM\r"},
        "organiser",
        "control_character",
    ),
    ("training", {"title": "Pelatihan"}, {"title": "Pelatihan\x85"}, "title", "control_character"),
    (
        "plan",
        {"expectations": {"service": "Ramah\nCepat"}},
        {"expectations": {"service": "Ramah\x00"}},
        "expectations.service",
        "control_character",
    ),
    ("training", {"jp": 1000}, {"jp": 1000.5}, "jp", "range"),
    ("training", {"jp": 1000}, {"jp": 1e9}, "jp", "range"),
    ("training", {"jp": 0.5}, {"jp": 0}, "jp", "positive"),
    (
        "plan_item",
        {"indicators": [dict(INDICATOR, target=1e9)]},
        {"indicators": [dict(INDICATOR, target=1e9 + 1)]},
        "indicators[0].target",
        "range",
    ),
    (
        "plan_item",
        {"indicators": [dict(INDICATOR, target=0)]},
        {"indicators": [dict(INDICATOR, target=-10)]},
        "indicators[0].target",
        "range",
    ),
    (
        "plan_item",
        {"indicators": [dict(INDICATOR, target=0)]},
        {"indicators": [dict(INDICATOR, target=1e308)]},
        "indicators[0].target",
        "range",
    ),
    (
        "plan_item",
        {"indicators": [INDICATOR] * 20},
        {"indicators": [INDICATOR] * 21},
        "indicators",
        "too_many",
    ),
    (
        "plan_item",
        {"indicators": [INDICATOR] * 20},
        {"indicators": [INDICATOR] * 10_000},
        "indicators",
        "too_many",
    ),
    ("progress", {"values": [0, 1e9, None]}, {"values": [-0.5]}, "values[0]", "range"),
    ("progress", {"values": [1e9]}, {"values": [float("inf")]}, "values[0]", "number"),
    (
        "progress",
        {"evidence": [{"label": "Foto", "url": "https://arsip.example/a"}] * 20},
        {"evidence": [{"label": "Foto", "url": "https://arsip.example/a"}] * 21},
        "evidence",
        "too_many",
    ),
    (
        "progress",
        {"evidence": [{"label": "Foto", "url": "http://arsip.example"}]},
        {"evidence": [{"label": "Foto", "url": "javascript:alert(1)"}]},
        "evidence[0].url",
        "url_scheme",
    ),
    (
        "progress",
        {"evidence": [{"label": "Foto", "url": "HTTPS://arsip.example/x?y=1#z"}]},
        {"evidence": [{"label": "Foto", "url": "file:///etc/passwd"}]},
        "evidence[0].url",
        "url_scheme",
    ),
    (
        "progress",
        {"evidence": [{"label": "Foto", "url": "https://arsip.example/a b".replace(" ", "%20")}]},
        {"evidence": [{"label": "Foto", "url": "https://arsip.example/a b"}]},
        "evidence[0].url",
        "url_scheme",
    ),
    (
        "progress",
        {"evidence": [{"label": "Scan", "blob": blob()}]},
        {"evidence": [{"label": "Scan", "blob": blob(), "url": "https://arsip.example"}]},
        "evidence[0]",
        "evidence_source",
    ),
    (
        "progress",
        {"evidence": [{"label": "Scan", "blob": blob(size=BLOB_MAX_BYTES)}]},
        {"evidence": [{"label": "Scan", "blob": blob(size=BLOB_MAX_BYTES + 1)}]},
        "evidence[0].blob.size",
        "range",
    ),
    (
        "progress",
        {"evidence": [{"label": "Scan", "blob": blob()}]},
        {"evidence": [{"label": "Scan", "blob": blob(sha256=SHA.upper())}]},
        "evidence[0].blob.sha256",
        "sha256",
    ),
    (
        "progress",
        {"evidence": [{"label": "Scan", "blob": blob(type="image/jpeg")}]},
        {"evidence": [{"label": "Scan", "blob": blob(type="<script>")}]},
        "evidence[0].blob.type",
        "media_type",
    ),
    (
        "plan",
        {"attachments": {"resources": ["x"] * 50, "accountability": [], "consequences": []}},
        {"attachments": {"resources": ["x"] * 51, "accountability": [], "consequences": []}},
        "attachments.resources",
        "too_many",
    ),
    (
        "evaluation",
        {"item_notes": {f"item-{n}": "catatan" for n in range(50)}},
        {"item_notes": {f"item-{n}": "catatan" for n in range(51)}},
        "item_notes",
        "too_many",
    ),
    (
        "evaluation",
        {"item_notes": {"i" * 64: "catatan"}},
        {"item_notes": {"i" * 65: "catatan"}},
        f"item_notes.{'i' * 65}",
        "too_long",
    ),
    (
        "follow_up",
        {"steps": [{"step": "dismissal", "date": "2027-06-01"}] * 20},
        {"steps": [{"step": "dismissal", "date": "2027-06-01"}] * 21},
        "steps",
        "too_many",
    ),
    (
        "follow_up",
        {"steps": [{"step": "competency_test", "date": "2027-06-01", "note": None}]},
        {"steps": [{"step": "demotion", "date": "2027-06-01"}]},
        "steps[0].step",
        "choice",
    ),
    (
        "follow_up",
        {"kind": "sanction", "level": "severe"},
        {"kind": "sanction", "level": "capital"},
        "level",
        "choice",
    ),
    (
        "follow_up",
        {"kind": "sanction", "level": "light"},
        {"kind": "coaching", "level": "light"},
        "level",
        "level_only_sanction",
    ),
    ("follow_up", {"steps": []}, {"steps": None}, "steps", "required"),
    ("employee", {"roles": ["admin"]}, {"roles": ["admin", "admin"]}, "roles", "too_many"),
]


@pytest.mark.parametrize(
    ("collection", "allowed", "refused", "field", "code"),
    EDGES,
    ids=[f"{e[0]}-{e[3]}-{e[4]}" for e in EDGES],
)
def test_each_limit_allows_its_edge_and_refuses_past_it(
    collection: str, allowed: dict[str, Any], refused: dict[str, Any], field: str, code: str
) -> None:
    assert validate_data(collection, valid(collection, **allowed)) == []
    issues = validate_data(collection, valid(collection, **refused))
    assert [(i.field, i.code) for i in issues] == [(field, code)]
    (issue,) = issues
    assert issue.message("id") and issue.message("en")  # rendered in both languages


def test_the_messages_say_the_limit() -> None:
    (issue,) = validate_data("training", valid("training", title="x" * 2001))
    assert "2000" in issue.message("id") and "at most 2000 characters" in issue.message("en")
    (issue,) = validate_data(
        "progress", valid("progress", evidence=[{"label": "x", "url": "data:,"}])
    )
    assert "https://" in issue.message("id") and "http:// or https://" in issue.message("en")
