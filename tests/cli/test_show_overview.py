"""`kxplan show`'s overview reads the framework, the table registry and the plan's
figures, and writes numbers as every other view does."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.cli import main
from kxplan.framework import STATUSES
from kxplan.model import Plan
from kxplan.model.figures import demand_totals
from kxplan.model.log import LogEntry
from kxplan.model.tables import AREA_TABLES
from kxplan.reports.overview import overview
from kxplan.text.numbers import GROUP, whole

NNBSP = "\u202f"


def plan_of(**fields: Any) -> Plan:
    return Plan.model_validate({"schema": 1, "title": "Plan", **fields})


def demand_plan(reasons: list[dict[str, Any]], cost: float | None = 20) -> Plan:
    channel: dict[str, Any] = {"name": "phone"}
    if cost is not None:
        channel["cost_per_contact"] = cost
    return plan_of(
        currency="SEK",
        areas={
            "accessibility": {"channels": [channel]},
            "unnecessary_demand": {"contact_reasons": reasons},
        },
    )


def test_show_groups_thousands_with_a_narrow_no_break_space(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(
        'schema = 1\ntitle = "Plan"\ncurrency = "SEK"\n'
        '[[areas.accessibility.channels]]\nname = "phone"\ncost_per_contact = 50\n'
        "[[areas.unnecessary_demand.contact_reasons]]\n"
        'reason = "Invoice"\nchannel = "phone"\nmonthly_volume = 1200\n'
        'demand = "failure"\navoidable = 100\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["show", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert f"  Contacts per month:  1{NNBSP}200 (1{NNBSP}200 failure demand)" in lines
    assert f"  Avoidable contacts:  1{NNBSP}200 per month" in lines
    assert f"  Avoidable cost:      60{NNBSP}000\xa0SEK per month" in lines
    assert "1,200" not in result.stdout


def test_every_area_table_is_counted_under_its_registry_label() -> None:
    plan = plan_of(
        areas={
            "insight": {"touchpoints": [{"name": "Web"}, {"name": "Shop"}]},
            "anchoring": {"stakeholders": [{"name": "IT"}]},
        }
    )
    for area_id in ("mobility", "anchoring"):
        plan.areas.get(area_id).log.append(LogEntry(date=datetime.date(2026, 1, 1), name="x"))
    lines = overview(plan).splitlines()
    contents = lines[lines.index("Contents") + 1 :]
    labels = [line.split("  ")[1].strip() for line in contents if line.startswith("  ")][:-1]
    own = [table for table in AREA_TABLES if table.attribute != "log"]
    # the logs of all areas are counted on one line, after the tables
    assert labels[: len(own) + 1] == [table.plural for table in own] + ["Log entries"]
    for table in own:
        count = len(table.rows(plan))
        assert f"  {table.plural:<17}{count:>4}" in lines
    assert f"  {'Log entries':<17}{2:>4}" in lines


def test_initiatives_are_counted_by_status_in_the_vocabulary_order() -> None:
    keys = [
        key
        for key in reversed(STATUSES.keys)  # the file's order must not matter
        for _ in range(STATUSES.position(key) + 1)
    ]
    initiatives = [
        {"id": f"i{index}", "title": key, "status": key} for index, key in enumerate(keys)
    ]
    line = next(
        line
        for line in overview(plan_of(initiatives=initiatives)).splitlines()
        if line.startswith("  Initiatives")
    )
    expected = ", ".join(
        f"{STATUSES.label(key).lower()} {STATUSES.position(key) + 1}" for key in STATUSES.keys
    )
    assert line.endswith(f"({expected})")
    assert "in progress 3" in line


def test_not_priced_follows_the_one_rule_of_the_figures() -> None:
    """A reason whose share is avoidable but which has no contacts avoids nothing, so it
    is not 'not priced' (the CLI once counted it, unlike the app and the exports)."""
    plan = demand_plan(
        [
            {"reason": "Letters", "channel": "letter", "monthly_volume": 0, "avoidable": 50},
            {"reason": "Calls", "channel": "phone", "monthly_volume": 10, "avoidable": 50},
        ]
    )
    assert demand_totals(plan).unpriced == ()
    assert "Not priced" not in overview(plan)


@settings(max_examples=60, deadline=None)
@given(
    volumes=st.lists(
        st.tuples(st.integers(0, 5_000_000), st.integers(0, 100), st.booleans()),
        min_size=1,
        max_size=6,
    ),
    cost=st.one_of(st.none(), st.integers(0, 500)),
)
def test_demand_lines_are_the_plan_figures_in_the_one_number_format(
    volumes: list[tuple[int, int, bool]], cost: int | None
) -> None:
    plan = demand_plan(
        [
            {
                "reason": f"Reason {index}",
                "channel": "phone",
                "monthly_volume": volume,
                "avoidable": share,
                "demand": "failure" if failure else "value",
            }
            for index, (volume, share, failure) in enumerate(volumes)
        ],
        cost,
    )
    totals = demand_totals(plan)
    text = overview(plan)
    assert f"Contacts per month:  {whole(totals.contacts)} ({whole(totals.failure)} " in text
    assert f"Avoidable contacts:  {whole(totals.avoidable)} per month" in text
    assert ("Not priced:" in text) == bool(totals.unpriced)
    assert "," not in text.split("Unnecessary demand")[1]
    if totals.contacts >= 1000:
        assert GROUP in text
