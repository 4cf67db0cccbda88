"""The documents show the evidence: KPI charts and readings, what each initiative
addresses, derived figures, follow-through; and plans whose method lacks inputs export."""

from __future__ import annotations

import json

import pytest
from support import TEMPLATES

from kxplan import storage
from kxplan.model import Plan
from kxplan.reports import formats


def contact_centre(method: str) -> Plan:
    plan = storage.load(TEMPLATES / "contact-centre.toml")
    return plan.model_copy(update={"scoring": plan.scoring.model_copy(update={"method": method})})


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_a_savings_plan_without_links_exports_every_initiative_lacking_money_saved(
    fmt: formats.Format,
) -> None:
    plan = contact_centre("savings")
    text = formats.render(plan, fmt)
    if fmt == "json":
        results = json.loads(text)["results"]
        assert results["ranking"] == []
        assert results["method"] == "savings"
    elif fmt in ("markdown", "html"):
        assert "Call-back instead of queueing (call-back): lacks money saved" in text
        assert "No initiative is scored yet" not in text


def test_a_rice_plan_with_some_reach_missing_ranks_the_others_in_the_document() -> None:
    plan = contact_centre("rice")
    text = formats.render(plan, "markdown")
    assert "Not ranked by RICE" in text
    assert "(chat-all-day): lacks reach" in text
    ranked = json.loads(formats.render(plan, "json"))["results"]["ranking"]
    assert ranked and all(r["reach"] is not None for r in ranked)
