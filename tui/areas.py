"""The app's areas: one Textual mode each, opened with F2-F12 (no Textual here)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.texts import N_

if TYPE_CHECKING:
    from client.services import Services


@dataclass(frozen=True)
class Area:
    id: str
    key: str
    label: str  # an English msgid
    target: str  # "package.module:ClassName"
    # "package.module:function" answering, from a person's Services, whether the
    # area is theirs (the permission table's verdict); None: everyone's
    audience: str | None = None


AREAS: tuple[Area, ...] = (
    Area("home", "f2", N_("Home"), "tui.screens.home.screen:HomeScreen"),
    Area("plan", "f3", N_("Plan"), "tui.screens.plan.screen:PlanScreen"),
    Area("progress", "f4", N_("Progress"), "tui.screens.progress.screen:ProgressScreen"),
    Area("feedback", "f5", N_("Feedback"), "tui.screens.feedback.screen:FeedbackScreen"),
    Area("evaluation", "f6", N_("Evaluation"), "tui.screens.evaluation.screen:EvaluationScreen"),
    Area("conflicts", "f7", N_("Conflicts"), "tui.screens.conflicts.screen:ConflictsScreen"),
    Area("objection", "f10", N_("Objections"), "tui.screens.objection.screen:ObjectionScreen"),
    Area("follow_up", "f11", N_("Follow-up"), "tui.screens.follow_up.screen:FollowUpScreen"),
    Area("training", "f12", N_("Training"), "tui.screens.training.screen:TrainingScreen"),
    Area(
        "monitoring", "ctrl+r", N_("Monitoring"), "tui.screens.monitoring.screen:MonitoringScreen"
    ),
    Area(
        "admin",
        "ctrl+f",
        N_("Personnel"),
        "tui.screens.admin.screen:AdminScreen",
        "client.admin:shown_to",
    ),
)
AREA_BY_ID = {area.id: area for area in AREAS}


def is_for(area: Area, services: Services) -> bool:
    """Whether ``area`` is open to ``services``' person (its audience's answer)."""
    if area.audience is None:
        return True
    module_name, _sep, name = area.audience.partition(":")
    return bool(getattr(importlib.import_module(module_name), name)(services))
