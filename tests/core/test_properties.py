"""Properties of plan files: any valid plan round-trips exactly; any input fails cleanly."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from support import DATA

from kxplan import storage
from kxplan.framework import AREA_IDS
from kxplan.model import Plan
from kxplan.storage import PlanError

EXAMPLES = settings(max_examples=75, deadline=None)

TOML_SPECIALS = ["\r", "\n", "\r\n", '"', '"""', "\\", "'", "\t", " ", "#", "=", "[", "\u2028"]
characters = st.characters(exclude_categories=["Cs"])  # lone surrogates are not text
text = st.lists(characters | st.sampled_from(TOML_SPECIALS), max_size=30).map("".join)
"""Any text (all of Unicode but lone surrogates), rich in what TOML has to escape."""
names = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
slugs = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6),
    min_size=1,
    max_size=3,
).map("-".join)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
int64 = st.integers(-(2**63), 2**63 - 1)
zones: st.SearchStrategy[tzinfo | None] = st.sampled_from([None, UTC])
moments = st.datetimes(
    min_value=datetime(1, 1, 1),
    max_value=datetime(9999, 12, 31),
    timezones=zones,  # type: ignore[arg-type]  # hypothesis types this as SearchStrategy[None]
)
aware_moments = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=5))]),
)
"""Times for created/updated, which must carry a time zone."""
toml_values = st.recursive(
    st.one_of(text, int64, finite, st.booleans(), moments),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
"""Anything TOML can hold, for the free-form ``extra`` table."""


def _unique(elements: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(elements, max_size=max_size, unique_by=lambda s: s.strip().casefold())


@st.composite
def scales(draw: st.DrawFn) -> dict[str, Any]:
    low = draw(st.integers(-3, 3))
    high = draw(st.integers(low + 1, low + 9))
    keys = draw(st.sets(st.integers(low, high), max_size=3))
    return {"min": low, "max": high, "anchors": {str(k): draw(text) for k in sorted(keys)}}


def score(scale: dict[str, Any]) -> st.SearchStrategy[float | int | None]:
    low, high = scale["min"], scale["max"]
    return st.none() | st.integers(low, high) | st.floats(low, high, allow_nan=False)


@st.composite
def initiatives(draw: st.DrawFn, plan_scales: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    ids = draw(st.lists(slugs, max_size=6, unique=True))
    effort, value, efficiency = (plan_scales[k] for k in ("effort", "customer_value", "efficiency"))
    rows = []
    for index, ident in enumerate(ids):
        earlier = ids[:index]  # depending only on earlier ones: never a cycle
        row: dict[str, Any] = {
            "id": ident,
            "title": draw(names),
            "areas": draw(st.lists(st.sampled_from(AREA_IDS), max_size=3, unique=True)),
            "why": draw(text),
            "how": draw(text),
            "status": draw(st.sampled_from(["idea", "planned", "in_progress", "done", "dropped"])),
            "effort": draw(score(effort)),
            "customer_value": draw(score(value)),
            "efficiency": draw(score(efficiency)),
            "time_criticality": draw(score(value)),
            "confidence": draw(st.none() | st.floats(0, 100)),
            "reach": draw(st.none() | st.integers(0, 10**9)),
            "depends_on": draw(st.lists(st.sampled_from(earlier), unique=True)) if earlier else [],
            "notes": draw(text),
            "estimates": [
                {
                    "participant": participant,
                    "effort": draw(score(effort)),
                    "customer_value": draw(score(value)),
                    "confidence": draw(st.none() | st.integers(0, 100)),
                }
                for participant in draw(_unique(names, 3))
            ],
        }
        rows.append({k: v for k, v in row.items() if v is not None})
    return rows


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    plan_scales = {k: draw(scales()) for k in ("effort", "customer_value", "efficiency")}
    areas: dict[str, Any] = {
        area_id: {
            "maturity_today": draw(st.none() | st.integers(1, 5)),
            "maturity_target": draw(st.none() | st.integers(1, 5)),
            "today": draw(text),
            "how": draw(text),
        }
        for area_id in draw(st.lists(st.sampled_from(AREA_IDS), max_size=3, unique=True))
    }
    areas = {k: {f: v for f, v in a.items() if v is not None} for k, a in areas.items()}
    areas["accessibility"] = {
        "channels": [
            {"name": name, "cost_per_contact": draw(st.floats(0, 1000)), "notes": draw(text)}
            for name in draw(_unique(names, 3))
        ]
    }
    areas["unnecessary_demand"] = {
        "contact_reasons": [
            {
                "reason": reason,
                "channel": draw(text),
                "monthly_volume": draw(st.integers(0, 10**6)),
                "avoidable": draw(st.floats(0, 100)),
            }
            for reason in draw(_unique(names, 3))
        ]
    }
    areas["insight"] = {
        "kpis": [
            {
                "measure": "nps",
                "channel": channel,
                "baseline": draw(st.integers(-100, 100)),
                "promoters": 40,
                "detractors": 25.5,
            }
            for channel in draw(_unique(names, 2))
        ]
    }
    data = {
        "schema": 3,
        "title": draw(names),
        "organisation": draw(text),
        "created": draw(st.none() | aware_moments),
        "participants": draw(_unique(names, 4)),
        "strategy": {"today": draw(text), "target": draw(text), "how": draw(text)},
        "scales": plan_scales,
        "areas": areas,
        "initiatives": draw(initiatives(plan_scales)),
        "extra": draw(st.dictionaries(text, toml_values, max_size=3)),
    }
    return Plan.model_validate({k: v for k, v in data.items() if v is not None})


@EXAMPLES
@given(plans())
def test_any_valid_plan_round_trips(plan: Plan) -> None:
    written = storage.dumps(plan)

    again = storage.loads(written)

    assert again == plan
    assert storage.dumps(again) == written


@EXAMPLES
@given(plans())
def test_saving_twice_gives_the_same_bytes(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        storage.save(plan, path)
        first = path.read_bytes()
        storage.save(storage.load(path), path)
        assert path.read_bytes() == first
        assert [p.name for p in Path(folder).iterdir()] == ["plan.toml"]


def _fails_cleanly(raw: bytes) -> None:
    """Reading gives a plan or a PlanError whose every problem is one located line."""
    try:
        storage.loads_bytes(raw, "fuzz.toml")
    except PlanError as error:
        problems = error.problems
    else:
        return
    assert problems
    last_line = raw.count(b"\n") + 1
    for problem in problems:
        assert problem.source == "fuzz.toml"
        assert problem.line is None or 1 <= problem.line <= last_line
        assert "\n" not in str(problem)


@EXAMPLES
@given(st.binary(max_size=300))
def test_arbitrary_bytes_fail_cleanly(raw: bytes) -> None:
    _fails_cleanly(raw)


@EXAMPLES
@given(st.text(max_size=300))
def test_arbitrary_text_fails_cleanly(garbage: str) -> None:
    _fails_cleanly(garbage.encode("utf-8", "surrogatepass"))


VALID_FILE = (DATA / "valid" / "handwritten.toml").read_bytes()


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    """The handwritten plan with a few random cuts, insertions and line swaps."""
    raw = VALID_FILE
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(raw)))
        end = draw(st.integers(start, min(len(raw), start + 20)))
        kind = draw(st.sampled_from(["cut", "insert", "replace", "swap-lines"]))
        if kind == "cut":
            raw = raw[:start] + raw[end:]
        elif kind == "insert":
            raw = raw[:start] + draw(st.binary(max_size=8)) + raw[start:]
        elif kind == "replace":
            token = draw(st.sampled_from([b"=", b"[", b'"', b"'''", b"\n", b"-1", b"999", b"x"]))
            raw = raw[:start] + token + raw[end:]
        else:
            lines = raw.split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            raw = b"\n".join(lines)
    return raw


@EXAMPLES
@given(mutations())
def test_mutated_files_fail_cleanly(raw: bytes) -> None:
    _fails_cleanly(raw)


@EXAMPLES
@given(st.dictionaries(text, toml_values, max_size=4))
def test_any_extra_table_round_trips(extra: dict[str, Any]) -> None:
    plan = Plan(title="T", extra=extra)
    assert storage.loads(storage.dumps(plan)).extra == extra
