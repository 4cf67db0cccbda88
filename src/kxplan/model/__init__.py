"""The plan model: one version of one organisation's customer-experience strategy.

Pydantic models, strict and closed, in modules of one concept each: the building
blocks (:mod:`~kxplan.model.types`), scales, the areas' table rows, the areas,
initiatives, the plan, the rules that span fields, edits, the dependency graph,
ids, the registry of area tables and the derived figures. Every public name is
re-exported here, so ``from kxplan.model import Plan`` is all a caller needs.
"""

from __future__ import annotations

from kxplan.model.areas import (
    AccessibilityArea,
    AnchoringArea,
    AreaBase,
    Areas,
    InsightArea,
    MobilityArea,
    PrioritisationArea,
    Questions,
    ServiceFriendlinessArea,
    UnnecessaryDemandArea,
)
from kxplan.model.edits import with_initiative, without_initiative
from kxplan.model.graph import dependency_cycle, dependents
from kxplan.model.ids import slugify, unique_slug
from kxplan.model.initiative import SCORE_FIELDS, Estimate, Initiative
from kxplan.model.plan import Plan
from kxplan.model.rows import (
    Channel,
    ContactReason,
    Friction,
    Kpi,
    MobilityCheck,
    Stakeholder,
    Touchpoint,
)
from kxplan.model.rules import (
    ROW_RULES,
    Problems,
    RuleViolations,
    nesting_depth,
    plan_rule_problems,
    table_rule_problems,
)
from kxplan.model.scales import (
    DEFAULT_EFFICIENCY_ANCHORS,
    DEFAULT_EFFORT_ANCHORS,
    DEFAULT_VALUE_ANCHORS,
    Criterion,
    Scale,
    Scales,
    ScoringSettings,
)
from kxplan.model.types import (
    MAX_EXTRA_DEPTH,
    MAX_NUMBER,
    MAX_SCALE,
    SCHEMA_VERSION,
    SLUG_PATTERN,
    Count,
    Loc,
    Maturity,
    Name,
    NonNegative,
    Number,
    Percent,
    ScaleEnd,
    Slug,
    StrictModel,
    integral_as_int,
)
from kxplan.model.workshop import (
    DotVoteRecord,
    PlacedDots,
    QuestionResult,
    RoundRecord,
    history,
    latest_dots,
    latest_vote,
)

__all__ = [
    "DEFAULT_EFFICIENCY_ANCHORS",
    "DEFAULT_EFFORT_ANCHORS",
    "DEFAULT_VALUE_ANCHORS",
    "MAX_EXTRA_DEPTH",
    "MAX_NUMBER",
    "MAX_SCALE",
    "ROW_RULES",
    "SCHEMA_VERSION",
    "SCORE_FIELDS",
    "SLUG_PATTERN",
    "AccessibilityArea",
    "AnchoringArea",
    "AreaBase",
    "Areas",
    "Channel",
    "ContactReason",
    "Count",
    "Criterion",
    "DotVoteRecord",
    "Estimate",
    "Friction",
    "Initiative",
    "InsightArea",
    "Kpi",
    "Loc",
    "Maturity",
    "MobilityArea",
    "MobilityCheck",
    "Name",
    "NonNegative",
    "Number",
    "Percent",
    "PlacedDots",
    "Plan",
    "PrioritisationArea",
    "Problems",
    "QuestionResult",
    "Questions",
    "RoundRecord",
    "RuleViolations",
    "Scale",
    "ScaleEnd",
    "Scales",
    "ScoringSettings",
    "ServiceFriendlinessArea",
    "Slug",
    "Stakeholder",
    "StrictModel",
    "Touchpoint",
    "UnnecessaryDemandArea",
    "dependency_cycle",
    "dependents",
    "history",
    "integral_as_int",
    "latest_dots",
    "latest_vote",
    "nesting_depth",
    "plan_rule_problems",
    "slugify",
    "table_rule_problems",
    "unique_slug",
    "with_initiative",
    "without_initiative",
]
