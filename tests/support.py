"""Shared builders for the tests: where things are, plans to start from, the one CLI runner.

Plain functions and constants (fixtures live in conftest.py). The tests import this as
``support``: pytest puts ``tests/`` on the path because tests/conftest.py lives there."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from kxplan import storage, templates
from kxplan.cli import main
from kxplan.model import Plan

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
"""Plan files for the tests: ``valid/``, ``invalid/`` and the ``golden/`` exports."""
TEMPLATES = ROOT / "templates"
"""The starter plans as they sit in the repository."""
FIXED_NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
"""The clock of every test that needs one."""

Change = Callable[[dict[str, Any]], None]


def base_data() -> dict[str, Any]:
    """A small plan with something in every table; scores chosen so ranks are easy."""
    return {
        "schema": 3,
        "title": "Kundservice 2027",
        "organisation": "Acme",
        "version": "v1",
        "facilitator": "Fia",
        "participants": ["Anna", "Bo"],
        "currency": "SEK",
        "updated": datetime(2026, 11, 1, 9, 0, tzinfo=UTC),
        "strategy": {"today": "Slow answers.", "how": "Measure\nFix\nFollow up"},
        "areas": {
            "insight": {
                "maturity_today": 2,
                "maturity_target": 4,
                "touchpoints": [{"name": "Order e-mail", "stage": "during"}],
                "kpis": [
                    {"measure": "csat", "channel": "phone", "baseline": 70, "target": 85},
                    {"measure": "handling_time", "baseline": 9, "target": 6},
                ],
            },
            "accessibility": {"channels": [{"name": "Phone", "cost_per_contact": 60}]},
            "service_friendliness": {"frictions": [{"title": "Login loop", "severity": 3}]},
            "mobility": {"checks": [{"channel": "Web", "check": "self_service", "status": "no"}]},
            "unnecessary_demand": {
                "contact_reasons": [
                    {"reason": "Where is my order?", "channel": "Phone", "monthly_volume": 900}
                ]
            },
            "anchoring": {"stakeholders": [{"name": "Logistics", "buy_in": "sceptical"}]},
        },
        "initiatives": [
            {
                "id": "web-chat",
                "title": "Web chat",
                "effort": 2,
                "customer_value": 4,
                "efficiency": 4,
                "estimates": [{"participant": "Anna", "effort": 2, "customer_value": 4}],
            },
            {"id": "faq", "title": "FAQ", "effort": 1, "customer_value": 2, "efficiency": 2},
            {"id": "crm", "title": "New CRM", "effort": 5, "customer_value": 3, "efficiency": 4},
        ],
    }


def base_plan(change: Change | None = None) -> Plan:
    """The plan of :func:`base_data`, after ``change(data)`` if given."""
    data = copy.deepcopy(base_data())
    if change:
        change(data)
    return Plan.model_validate(data)


def write_base_plan(path: Path, change: Change | None = None) -> Plan:
    """Save :func:`base_plan` (changed) at ``path`` and return it."""
    plan = base_plan(change)
    storage.save(plan, path)
    return plan


def template_plan(template: str = "blank", **changes: object) -> Plan:
    """A plan from a starter template made at :data:`FIXED_NOW`, with some fields changed."""
    plan = templates.new_plan(template, now=FIXED_NOW)
    return storage.validate({**plan.model_dump(by_alias=True), **changes})


def write_plan(path: Path, template: str = "blank", **changes: object) -> Path:
    """Save :func:`template_plan` at ``path`` and return the path."""
    storage.save(template_plan(template, **changes), path)
    return path


def invoke(*args: str | Path, color: bool = False, input: str | None = None) -> Result:
    """Run ``kxplan ARGS…`` in-process; stdout and stderr are kept apart in the result."""
    return CliRunner().invoke(main, [str(arg) for arg in args], color=color, input=input)


def device_copy(folder: Path, device: str) -> Path:
    """A character device node in ``folder`` that behaves as ``device`` (/dev/null, /dev/full).

    A test that writes to a device writes to this copy, so a regression that replaces the
    node with a regular file cannot break the real one. Without the right to make device
    nodes (not root) it is the real device, which that same missing right protects.
    """
    import os
    import stat

    copy_path = folder / Path(device).name
    try:
        os.mknod(copy_path, stat.S_IFCHR | 0o666, os.stat(device).st_rdev)
    except PermissionError:
        return Path(device)
    return copy_path
