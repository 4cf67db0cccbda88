"""One initiative's rules, checked on their own, say what the whole plan's rules say of
it; and the session checking one initiative against its index says what checking the
whole plan with it in place said."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from support import base_data

from kxplan.model import Initiative, Plan, ScoringSettings, plan_rule_problems
from kxplan.model.initiative_rules import Indexes, initiative_problems
from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.session import EditRefused, Session
from kxplan.session.initiatives import InitiativeIndex

EXAMPLES = settings(max_examples=60, deadline=None)

IDS = ["a", "b", "c", "d", "e"]
LINKS = [
    {"table": "contact_reasons", "key": ["Where is my order?", "Phone"]},
    {"table": "contact_reasons", "key": ["where is my order? ", "phone"]},  # the same row
    {"table": "contact_reasons", "key": ["Nowhere", "Phone"]},
    {"table": "frictions", "key": ["Login loop"]},
    {"table": "frictions", "key": ["Login loop", "extra"]},
    {"table": "channels", "key": ["Fax"]},
]
"""Rows of :func:`base_data` an initiative may address, and some it may not."""

broken_scores = st.none() | st.integers(-1, 7) | st.sampled_from([1.5, 5.5])
scores = st.none() | st.integers(1, 5)


@st.composite
def initiatives(
    draw: st.DrawFn, ident: str, clean: bool = False, deps: list[str] | None = None
) -> Initiative:
    """An initiative whose fields are valid and whose rules may well be broken (unless
    ``clean``: then only its dependencies may be); ``deps``: the ids it may depend on."""
    score = scores if clean else broken_scores
    data: dict[str, Any] = {
        "id": ident,
        "title": draw(st.sampled_from(["Chat", "Web form"] if clean else ["Chat", " "])),
        "areas": draw(st.lists(st.sampled_from(["insight", "mobility"]), max_size=3, unique=clean)),
        "effort": draw(score),
        "customer_value": draw(score),
        "efficiency": draw(score),
        "time_criticality": draw(score),
        "risk_reduction": draw(score),
        "criteria": draw(
            st.dictionaries(
                st.just("reach") if clean else st.sampled_from(["reach", "cost"]),
                st.integers(1, 5) if clean else st.integers(0, 6),
                max_size=2,
            )
        ),
        "depends_on": draw(
            st.lists(st.sampled_from(deps or [*IDS, "zz"]), max_size=3, unique=clean)
            if deps != []
            else st.just([])
        ),
        "addresses": draw(
            st.lists(
                st.sampled_from([LINKS[0], LINKS[3]] if clean else LINKS), max_size=3, unique_by=str
            )
            if clean
            else st.lists(st.sampled_from(LINKS), max_size=3)
        ),
        "estimates": [
            {"participant": name, "effort": draw(score), "customer_value": draw(score)}
            for name in draw(
                st.lists(
                    st.sampled_from(["Anna", "Björn"] if clean else ["Anna", "anna ", " "]),
                    max_size=3,
                    unique=clean,
                )
            )
        ],
        "started": draw(st.none() | st.just(date(2026, 5, 1))),
        "finished": draw(
            st.none()
            | st.sampled_from([date(2026, 9, 1)] if clean else [date(2026, 1, 1), date(2026, 9, 1)])
        ),
        "actual_effort": draw(score),
    }
    return Initiative.model_validate(
        {key: value for key, value in data.items() if value is not None}
    )


@st.composite
def plans(draw: st.DrawFn, clean: bool = False) -> Plan:
    """A plan with a "reach" criterion (1–5) whose initiatives may break any rule,
    dependency cycles and ids used twice included (not validated); ``clean``: only
    their dependencies may."""
    data = base_data()
    data["initiatives"] = []
    data["scoring"] = {"criteria": [{"id": "reach", "label": "Reach", "min": 1, "max": 5}]}
    plan = Plan.model_validate(data)
    ids = draw(st.lists(st.sampled_from(IDS), max_size=5, unique=clean))
    items = [
        draw(initiatives(ident, clean, ids[:number] if clean else None))
        for number, ident in enumerate(ids)
    ]
    return plan.model_copy(update={"initiatives": items})


ACROSS = ("id", "depends_on")
"""Where the rules across initiatives say what they say (an id used by an earlier one at
the later one's id, a cycle at its first initiative's dependencies): one initiative's
rules leave them to the plan's."""


@EXAMPLES
@given(plans())
def test_one_initiative_alone_breaks_what_the_plan_says_it_breaks(plan: Plan) -> None:
    problems = plan_rule_problems(plan)
    indexes = Indexes(plan)
    for position, item in enumerate(plan.initiatives):
        said = [
            (loc, message)
            for loc, message in problems
            if loc[:2] == ("initiatives", position)
            and loc[2:] not in [(field,) for field in ACROSS]
        ]
        assert initiative_problems(item, position, indexes) == said


def _sound(plan: Plan) -> Plan:
    """``plan`` without the initiatives that break a rule, and with unique ids: a plan
    as a session holds one."""
    kept: list[Initiative] = []
    for item in plan.initiatives:
        if any(other.id == item.id for other in kept):
            continue
        candidate = plan.model_copy(update={"initiatives": [*kept, item]})
        if not any(loc[:1] == ("initiatives",) for loc, _m in plan_rule_problems(candidate)):
            kept.append(item)
    return plan.model_copy(update={"initiatives": kept})


@EXAMPLES
@given(plans(clean=True), st.sampled_from([*IDS, "new"]), st.data())
def test_the_session_checks_one_initiative_as_the_whole_plan_did(
    plan: Plan, ident: str, data: st.DataObject
) -> None:
    session = Session(_sound(plan))
    index = session.initiative_index()
    assert index.sound
    taken = [item.id for item in session.plan.initiatives]
    replacing = data.draw(st.sampled_from([None, *taken]))
    item = data.draw(initiatives(ident, clean=data.draw(st.booleans())))
    # the whole plan's check cannot find an initiative renamed while it depends on its
    # old id (the rename rewrites it too): it never could
    assume(replacing in (None, ident) or replacing not in item.depends_on)
    quick = session.initiative_problems(item, replacing, index)
    index.sound = False  # the check of the whole plan, as before the index
    assert quick == session.initiative_problems(item, replacing, index)


@st.composite
def session_edits(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """Edits a session may receive one after the other: an initiative put in place (or
    added), a linked row deleted, an initiative deleted, the "reach" criterion narrowed."""
    steps: list[tuple[str, Any]] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(
            st.sampled_from(["put", "put", "put", "delete row", "delete initiative", "criterion"])
        )
        if kind == "criterion":
            steps.append((kind, draw(st.integers(2, 4))))
        elif kind == "put":
            ident = draw(st.sampled_from([*IDS, "new"]))
            steps.append((kind, (ident, draw(initiatives(ident, clean=True)), draw(st.data()))))
        else:
            steps.append((kind, draw(st.sampled_from(["contact_reasons", "frictions"]))))
    return steps


@EXAMPLES
@given(plans(clean=True), session_edits())
def test_the_index_a_session_keeps_between_edits_says_what_a_new_one_says(
    plan: Plan, edits: list[tuple[str, Any]]
) -> None:
    """The session keeps its index from one initiative edit to the next; any other
    change (a row the links name deleted, an initiative deleted) makes it build a new
    one. Its answers match the whole plan's check after every edit."""
    session = Session(_sound(plan))
    for kind, detail in edits:
        if kind == "criterion":
            reach = {"id": "reach", "label": "Reach", "min": 1, "max": detail}
            scoring = {**session.plan.scoring.model_dump(), "criteria": [reach]}
            with contextlib.suppress(EditRefused):  # an initiative scores above it
                session.set_scoring(ScoringSettings.model_validate(scoring))
        elif kind == "delete row":
            table = TABLES_BY_ATTRIBUTE[detail]
            if table.rows(session.plan):
                session.delete_row(table, 0)
        elif kind == "delete initiative":
            if session.plan.initiatives:
                session.delete_initiative(session.plan.initiatives[0].id)
        else:
            ident, item, data = detail
            taken = [each.id for each in session.plan.initiatives]
            replacing = data.draw(st.sampled_from([None, *taken]))
            if replacing not in (None, ident) and replacing in item.depends_on:
                continue  # the whole plan's check cannot judge this rename (see above)
            kept = session.initiative_problems(item, replacing)
            whole = session.initiative_index()
            whole.sound = False
            assert kept == session.initiative_problems(item, replacing, whole)
            if not kept:
                session.put_initiative(item, replacing)


def test_a_session_indexes_its_initiatives_once_for_edits_one_after_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = Session(Plan.model_validate(base_data()))
    built: list[int] = []
    build = InitiativeIndex._build
    monkeypatch.setattr(InitiativeIndex, "_build", lambda self: (built.append(1), build(self))[-1])
    first = session.plan.initiatives[0]
    for effort in (1, 2, 3):
        session.put_initiative(first.model_copy(update={"effort": effort}), first.id)
    assert len(built) == 1
    session.set_plan_field("title", "Another title")  # any other change: a new index
    session.put_initiative(first.model_copy(update={"effort": 4}), first.id)
    assert len(built) == 2
