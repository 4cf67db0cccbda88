"""The reports package: one figure, label, table registry and number format for every export."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from importlib import resources
from typing import Any

import pytest

from kxplan import storage
from kxplan.framework import DEMANDS, QUADRANTS, STATUSES
from kxplan.model import Plan
from kxplan.model.figures import demand_totals
from kxplan.model.rows import JourneyStage
from kxplan.model.tables import AREA_TABLES
from kxplan.reports import areas, formats, html
from kxplan.reports.document import document
from kxplan.reports.results import compute
from kxplan.text.numbers import number

PLAN = """
schema = 1
title = "Figures"
currency = "SEK"

[[areas.accessibility.channels]]
name = "phone"
cost_per_contact = 62
preference = 33.5

[[areas.unnecessary_demand.contact_reasons]]
reason = "Where is my order?"
channel = "phone"
monthly_volume = 12600
demand = "failure"
avoidable = 80

[[areas.unnecessary_demand.contact_reasons]]
reason = "Thanks for the letter"
channel = "letter"
monthly_volume = 3000
demand = "value"
avoidable = 0

[[areas.unnecessary_demand.contact_reasons]]
reason = "Fax did not arrive"
channel = "fax"
monthly_volume = 1500
demand = "failure"
avoidable = 50

[[initiatives]]
id = "track"
title = "Tracking link"
status = "in_progress"
effort = 2
customer_value = 4
efficiency = 4
reach = 25000
"""


def plan() -> Plan:
    return storage.loads(PLAN, "figures.toml")


GROUPED_PLAIN = re.compile(r"(?<![\d.])\d{1,3}(?: \d{3})+(?![\d])")
"""A grouped number with a plain space inside: "12 600" can wrap between 12 and 600."""


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_no_plain_space_inside_a_grouped_number(fmt: formats.Format) -> None:
    text = formats.render(plan(), fmt)
    words = re.sub(r"<[^>]*>", "\n", text)  # what a reader sees, not SVG coordinates
    assert not GROUPED_PLAIN.findall(words)
    assert "12\u202f600" in text  # the volume, grouped with a narrow no-break space
    assert "25\u202f000" in text  # the reach
    assert "80\u00a0%" in text  # a share keeps its sign on the same line


def test_the_unpriced_channels_are_those_with_avoidable_contacts() -> None:
    """The letter channel has no cost, but nothing avoidable there: it is not missing a
    price. The app and ``kxplan show`` say the same (model.figures)."""
    subject = plan()
    assert demand_totals(subject).unpriced_channels == ["fax"]
    text = formats.render(subject, "markdown")
    assert "No cost per contact is known for: fax." in text
    data = json.loads(formats.render(subject, "json"))
    assert data["results"]["demand_totals"]["unpriced_channels"] == ["fax"]


def test_demand_totals_in_the_json_are_the_core_figures() -> None:
    subject = plan()
    totals = demand_totals(subject)
    data = json.loads(formats.render(subject, "json"))["results"]["demand_totals"]
    assert data == {
        "contacts_per_month": totals.contacts,
        "failure_per_month": totals.failure,
        "avoidable_per_month": totals.avoidable,
        "avoidable_cost_per_month": totals.cost,
        "unpriced_channels": ["fax"],
    }
    assert isinstance(data["contacts_per_month"], int)  # 17100, not 17100.0


def test_people_read_labels_not_keys() -> None:
    text = formats.render(plan(), "markdown")
    assert f"| {DEMANDS.label('failure')} |" in text
    assert f"| {DEMANDS.label('value')} |" in text
    assert f"**Status:** {STATUSES.label('in_progress')}" in text
    assert "| failure |" not in text
    assert "in progress" not in text


def test_each_area_table_is_shown_under_its_registry_title() -> None:
    assert set(areas.TABLE_SECTIONS) == {table.attribute for table in AREA_TABLES}
    subject = plan()
    subject.areas.insight.journey = [JourneyStage(id="during")]  # shown for stages of its own
    headings = [b.text for b in document(subject, compute(subject)) if hasattr(b, "level")]
    # an area's log has a heading only when it has entries (tests/core/test_log_report.py)
    shown = [table for table in AREA_TABLES if table.attribute != "log"]
    positions = [headings.index(table.title) for table in shown]
    assert positions == sorted(positions)  # in the registry's order


def test_the_stylesheet_is_package_data_inlined_in_the_page() -> None:
    css = resources.files("kxplan.reports").joinpath("style.css").read_text(encoding="utf-8")
    assert "@media print" in css
    assert f"<style>\n{css.strip()}\n@page " in formats.render(plan(), "html")
    assert html.stylesheet() == css.strip()


def _floats(data: Any) -> list[float]:
    if isinstance(data, dict):
        return [f for value in data.values() for f in _floats(value)]
    if isinstance(data, list):
        return [f for value in data for f in _floats(value)]
    return [data] if isinstance(data, float) else []


def test_json_numbers_have_no_float_noise() -> None:
    subject = storage.loads(
        PLAN.replace("monthly_volume = 1500", "monthly_volume = 7").replace(
            "avoidable = 50", "avoidable = 30.1"
        ),
        "noise.toml",
    )
    text = formats.render(subject, "json")
    floats = _floats(json.loads(text))
    assert 2.107 in floats  # 7 × 30.1 % = 2.1069999999999998 in floating point
    assert all(len(repr(f).lstrip("-").replace(".", "").strip("0")) <= 15 for f in floats)
    assert "99999" not in text
    assert "00000000" not in text


def test_the_old_import_path_is_gone_and_the_real_modules_read_the_same() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("kxplan.export")
    assert QUADRANTS.labels()["thankless"] == "Thankless task"
    assert number(1200) == "1\u202f200"


def test_reports_import_no_ui() -> None:
    modules = [
        "kxplan.reports." + name
        for name in ("formats", "markdown", "html", "svg", "csv", "json", "document")
    ]
    code = f"import sys; import {', '.join(modules)}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
