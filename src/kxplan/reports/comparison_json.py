"""A comparison of two plans as JSON, for other tools.

Keys are the plan file's keys (never labels), numbers go through
:func:`kxplan.text.numbers.data_number` (``3``, not ``3.0``; no float noise), and
the text is escaped so no control character reaches a terminal
(:func:`kxplan.text.literal.json_escaped`).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.text.literal import json_escaped
from kxplan.text.numbers import data_number
from kxplan.versions.changes import Comparison, Section, Value


def json_value(value: Value) -> object:
    """A change's old or new value as JSON data."""
    if isinstance(value, float):
        return data_number(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def to_json_data(comparison: Comparison) -> dict[str, Any]:
    """The comparison as JSON-ready data: grouped views plus the flat list of changes."""
    initiatives: dict[str, Any] = {
        "added": comparison.initiatives_added,
        "removed": comparison.initiatives_removed,
        "changed": {
            item_id: {name: [json_value(a), json_value(b)] for name, (a, b) in fields.items()}
            for item_id, fields in comparison.initiatives_changed.items()
        },
        "moved": {
            c.path[0]: [c.old, c.new]
            for c in comparison.changes
            if c.section == "ranks" and c.kind in {"moved", "shifted"}
        },
        "really_moved": list(comparison.rank_moves),
        "shifted": list(comparison.rank_shifts),
        "quadrant": {
            c.path[0]: [c.old, c.new]
            for c in comparison.changes
            if c.section == "ranks" and c.kind == "changed"
        },
        "no_effect": [c.dotted for c in comparison.changes if c.no_effect],
    }
    areas: dict[str, Any] = {}
    for change in comparison.in_section("areas"):
        area = areas.setdefault(change.path[0], {})
        rest = change.path[1:]
        if rest[0] in TABLES_BY_ATTRIBUTE:
            table = area.setdefault(rest[0], {"added": [], "removed": [], "changed": {}})
            if change.kind == "added":
                table["added"].append(rest[1])
            elif change.kind == "removed":
                table["removed"].append(rest[1])
            else:
                row = table["changed"].setdefault(rest[1], {})
                row[".".join(rest[2:])] = [json_value(change.old), json_value(change.new)]
                if change.trend:
                    row["trend"] = change.trend
        else:
            area[".".join(rest)] = [json_value(change.old), json_value(change.new)]

    def flat(section: Section) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for change in comparison.in_section(section):
            result[change.dotted] = [json_value(change.old), json_value(change.new)]
        return result

    return {
        "differs": comparison.differs,
        "summary": comparison.summary(),
        "method": comparison.method,
        "ranks_skipped": comparison.ranks_skipped or None,
        "metadata": flat("metadata"),
        "strategy": flat("strategy"),
        "scales": flat("scales"),
        "scoring": flat("scoring"),
        "areas": areas,
        "initiatives": initiatives,
        "top": {"old": list(comparison.top_old), "new": list(comparison.top_new)},
        "extra": flat("extra"),
        "changes": [
            {
                "section": c.section,
                "kind": c.kind,
                "path": list(c.path),
                "old": json_value(c.old),
                "new": json_value(c.new),
                **({"trend": c.trend} if c.trend else {}),
                **({"no_effect": True} if c.no_effect else {}),
            }
            for c in comparison.changes
        ],
    }


def format_json(comparison: Comparison) -> str:
    """The comparison as indented JSON text."""
    return json_escaped(json.dumps(to_json_data(comparison), indent=2, ensure_ascii=False)) + "\n"
