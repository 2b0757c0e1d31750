"""The app's areas: one Textual mode each, opened with F2-F7 (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass

from tui.texts import N_


@dataclass(frozen=True)
class Area:
    id: str
    key: str
    label: str  # an English msgid
    target: str  # "package.module:ClassName"


AREAS: tuple[Area, ...] = (
    Area("home", "f2", N_("Home"), "tui.screens.home.screen:HomeScreen"),
    Area("plan", "f3", N_("Plan"), "tui.screens.plan.screen:PlanScreen"),
    Area("progress", "f4", N_("Progress"), "tui.screens.progress.screen:ProgressScreen"),
    Area("feedback", "f5", N_("Feedback"), "tui.screens.feedback.screen:FeedbackScreen"),
    Area("evaluation", "f6", N_("Evaluation"), "tui.screens.evaluation.screen:EvaluationScreen"),
    Area("conflicts", "f7", N_("Conflicts"), "tui.screens.conflicts.screen:ConflictsScreen"),
    Area("admin", "ctrl+f", N_("Personnel"), "tui.screens.admin.screen:AdminScreen"),
)
AREA_BY_ID = {area.id: area for area in AREAS}
