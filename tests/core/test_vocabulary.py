"""The vocabulary: every enumeration once, its terms tied to the plan file's keys."""

from __future__ import annotations

from typing import Literal, get_args

import pytest

from kxplan import framework
from kxplan.framework import (
    MEASURE_IDS,
    MEASURES,
    QUADRANTS,
    STAGES,
    STATUSES,
    Term,
    Vocabulary,
    quadrant_of,
)
from kxplan.model import Kpi, Plan

VOCABULARIES = [v for v in vars(framework).values() if isinstance(v, Vocabulary)]


def test_a_vocabulary_whose_terms_drift_from_its_keys_is_refused() -> None:
    keys = Literal["a", "b"]
    with pytest.raises(ValueError, match="do not match"):
        Vocabulary("x", keys, (Term("a", "A"),))
    with pytest.raises(ValueError, match="do not match"):
        Vocabulary("x", keys, (Term("b", "B"), Term("a", "A")))


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.name)
def test_every_term_has_a_label_and_keys_are_in_order(vocabulary: Vocabulary) -> None:  # type: ignore[type-arg]
    assert [t.key for t in vocabulary] == list(vocabulary.keys)
    for term in vocabulary:
        assert term.label.strip(), term
        assert term.label[0].isupper(), term
        assert vocabulary.label(term.key) == term.label
        assert vocabulary.position(term.key) == vocabulary.keys.index(term.key)


def test_unknown_and_missing_keys_read_as_themselves_or_the_default() -> None:
    assert STAGES.label("somewhere") == "somewhere"
    assert STAGES.label(None) == ""
    assert STAGES.label(None, "–") == "–"
    assert STAGES.position("somewhere") == len(STAGES)


def test_quadrants_have_singular_plural_short_and_advice() -> None:
    win = QUADRANTS["quick_win"]
    assert (win.label, win.plural, win.short) == ("Quick win", "Quick wins", "Quick win")
    assert QUADRANTS["thankless"].short == "Thankless"
    assert all(t.advice for t in QUADRANTS)


@pytest.mark.parametrize("high_impact", [True, False])
@pytest.mark.parametrize("low_effort", [True, False])
def test_each_impact_and_effort_side_names_exactly_one_quadrant(
    high_impact: bool, low_effort: bool
) -> None:
    key = quadrant_of(high_impact=high_impact, low_effort=low_effort)
    term = QUADRANTS[key]
    assert (term.high_impact, term.low_effort) == (high_impact, low_effort)


def test_closed_statuses_come_from_the_status_terms() -> None:
    assert {"done", "dropped"} == framework.CLOSED_STATUSES
    assert STATUSES.label("in_progress") == "In progress"


def test_measure_ids_are_the_measure_table_and_the_model_accepts_exactly_them() -> None:
    assert tuple(m.id for m in MEASURES) == MEASURE_IDS
    field = Kpi.model_fields["measure"].annotation
    assert get_args(field) == MEASURE_IDS
    for measure in MEASURE_IDS:
        Kpi(measure=measure, name="x")
    with pytest.raises(ValueError, match="csat"):
        Kpi(measure="happiness")  # type: ignore[arg-type]


def test_the_model_validates_choices_against_the_same_keys() -> None:
    plan = Plan.model_validate(
        {"title": "t", "initiatives": [{"id": "a", "title": "A", "status": "in_progress"}]}
    )
    assert plan.initiatives[0].status in STATUSES
