"""The starter templates: present, valid, canonical, believable; and templates.py."""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import TEMPLATES

from kxplan import templates
from kxplan.framework import AREA_IDS
from kxplan.model import Plan
from kxplan.storage import dumps, load, loads
from kxplan.templates import (
    DESCRIPTION_KEY,
    UnknownTemplateError,
    list_templates,
    load_template,
    new_plan,
    template_path,
    templates_folder,
)

REPO_TEMPLATES = TEMPLATES
NAMES = [
    "blank",
    "tom",
    "contact-centre",
    "e-commerce",
    "public-service",
    "public-transport",
    "e-handel",
    "kollektivtrafik",
    "kommun",
    "kundservice",
]
FILLED = [name for name in NAMES if name not in ("blank", "tom")]


def test_the_templates_are_listed_blank_first_then_english_then_swedish() -> None:
    assert [template.name for template in list_templates()] == NAMES


def test_a_source_checkout_finds_the_repository_templates() -> None:
    assert templates_folder() == REPO_TEMPLATES
    assert {t.path for t in list_templates()} == {REPO_TEMPLATES / f"{n}.toml" for n in NAMES}


def test_an_installed_package_prefers_its_own_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "site-packages" / "kxplan" / "templates"
    packaged.mkdir(parents=True)
    (packaged / "only.toml").write_text('schema = 1\ntitle = "Packaged"\n', encoding="utf-8")
    monkeypatch.setattr(templates, "_package_files", lambda: packaged.parent)
    assert templates_folder() == packaged
    assert [t.name for t in list_templates()] == ["only"]


@pytest.mark.parametrize("name", NAMES)
def test_template_loads_and_is_written_exactly_as_dumps_writes_it(name: str) -> None:
    """Below its first line (taplo's ``#:schema`` directive, which points editors at the
    published schema), a template is exactly what kxplan writes."""
    path = template_path(name)
    plan = load(path)
    first, rest = path.read_bytes().decode("utf-8").split("\n", 1)  # UTF-8, \n line ends
    assert first == SCHEMA_DIRECTIVE
    assert dumps(plan) == rest


SCHEMA_DIRECTIVE = "#:schema ../schema/kxplan-plan.schema.json"


@pytest.mark.parametrize("name", NAMES)
def test_template_points_at_the_published_schema_in_the_repo_and_the_wheel(name: str) -> None:
    schema = (template_path(name).parent / SCHEMA_DIRECTIVE.split()[1]).resolve()
    assert schema == REPO_TEMPLATES.parent / "schema" / "kxplan-plan.schema.json"
    pyproject = tomllib.loads((REPO_TEMPLATES.parent / "pyproject.toml").read_text("utf-8"))
    wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert wheel["schema"] == "kxplan/schema"  # beside kxplan/templates, as in the repo
    assert "schema" in pyproject["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]


@pytest.mark.parametrize("name", NAMES)
def test_a_template_with_the_directive_saves_keeping_it(name: str, tmp_path: Path) -> None:
    from kxplan.session import Session

    path = tmp_path / "plan.toml"
    path.write_bytes(template_path(name).read_bytes())
    session = Session.open(path)
    session.save(overwrite=True)
    assert path.read_bytes() == template_path(name).read_bytes()  # unchanged: same bytes
    session.set_plan_field("organisation", "Someone else AB")
    session.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_DIRECTIVE + "\n")
    assert load(path) == session.plan


@pytest.mark.parametrize("name", NAMES)
def test_template_describes_itself_in_one_line(name: str) -> None:
    (template,) = [t for t in list_templates() if t.name == name]
    plan = load(template.path)
    assert template.description == plan.extra[DESCRIPTION_KEY]
    assert template.description.strip()
    assert "\n" not in template.description
    assert len(template.description) <= 120


def test_blank_template_is_empty() -> None:
    plan = load_template("blank")
    assert plan.title == "New CX strategy"
    assert plan.initiatives == []
    for _area_id, area in plan.areas.items():
        assert (area.maturity_today, area.maturity_target) == (None, None)
        assert area.today == area.target == area.how == ""
    assert plan.areas.insight.kpis == []
    assert plan.areas.accessibility.channels == []
    assert plan.areas.unnecessary_demand.contact_reasons == []
    assert plan.areas.anchoring.stakeholders == []


@pytest.fixture(params=FILLED)
def filled(request: pytest.FixtureRequest) -> Plan:
    return load_template(request.param)


def test_filled_template_has_the_plan_details(filled: Plan) -> None:
    assert filled.organisation
    assert filled.version
    assert filled.facilitator
    assert filled.currency in {"SEK", "EUR"}
    assert 2 <= len(filled.participants) <= 6
    assert filled.facilitator in filled.participants
    for stamp in (filled.created, filled.updated):
        assert stamp is not None
        assert stamp.utcoffset() == timedelta(0)
        assert stamp.microsecond == 0
    assert filled.created is not None
    assert filled.updated is not None
    assert filled.created <= filled.updated
    assert filled.strategy.today
    assert filled.strategy.target
    assert filled.strategy.how


def test_filled_template_answers_every_area(filled: Plan) -> None:
    for area_id, area in filled.areas.items():
        assert all((area.today, area.target, area.how)), area_id
        assert area.maturity_today is not None
        assert area.maturity_target is not None
        assert (area.gap or 0) > 0, area_id
    areas = filled.areas
    assert len(areas.insight.kpis) >= 4
    assert len(areas.accessibility.channels) >= 3
    assert all(c.cost_per_contact is not None and c.decision for c in areas.accessibility.channels)
    assert len(areas.service_friendliness.frictions) >= 3
    assert len(areas.mobility.checks) >= 4
    reasons = areas.unnecessary_demand.contact_reasons
    assert {r.demand for r in reasons} == {"value", "failure"}
    assert all(filled.avoidable_cost_per_month(r) is not None for r in reasons)
    assert len(areas.anchoring.stakeholders) >= 4
    assert len({s.buy_in for s in areas.anchoring.stakeholders}) >= 3


def test_filled_template_nps_matches_its_shares(filled: Plan) -> None:
    nps = [kpi for kpi in filled.areas.insight.kpis if kpi.measure == "nps"]
    assert nps
    for kpi in nps:
        assert kpi.nps_from_shares == kpi.baseline


def test_filled_template_initiatives_are_complete(filled: Plan) -> None:
    assert 8 <= len(filled.initiatives) <= 15
    for item in filled.initiatives:
        assert all((item.areas, item.why, item.what, item.who, item.how)), item.id
        assert re.fullmatch(r"20\d\d-Q[1-4]", item.when), item.id
        assert None not in (item.effort, item.customer_value, item.efficiency, item.confidence)
        assert set(item.areas) <= set(AREA_IDS)
        for estimate in item.estimates:
            assert estimate.participant in filled.participants
    assert sum(1 for item in filled.initiatives if item.reach is not None) >= 3
    assert any(item.depends_on for item in filled.initiatives)
    assert len({item.status for item in filled.initiatives}) >= 3


def test_filled_template_has_estimates_with_clear_disagreement(filled: Plan) -> None:
    estimated = [item for item in filled.initiatives if len(item.estimates) >= 2]
    assert len(estimated) >= 4

    def spread(values: list[float | None]) -> float:
        known = [v for v in values if v is not None]
        return max(known) - min(known)

    disagreements = [
        item
        for item in estimated
        if spread([e.effort for e in item.estimates]) >= 2
        or spread([e.customer_value for e in item.estimates]) >= 2
        or spread([e.efficiency for e in item.estimates]) >= 2
    ]
    assert disagreements


def test_unknown_template_names_the_known_ones() -> None:
    with pytest.raises(UnknownTemplateError) as caught:
        load_template("call-centre")
    message = str(caught.value)
    assert "'call-centre'" in message
    for name in NAMES:
        assert name in message
    assert caught.value.known == NAMES


def test_new_plan_gets_title_and_fresh_timestamps() -> None:
    now = datetime(2027, 3, 1, 10, 30, 15, 987654, tzinfo=timezone(timedelta(hours=1)))
    plan = new_plan("public-service", title="Kundcenter 2027", now=now)
    stamp = datetime(2027, 3, 1, 9, 30, 15, tzinfo=UTC)
    assert plan.title == "Kundcenter 2027"
    assert plan.created == stamp
    assert plan.updated == stamp
    assert plan.created is not None
    assert plan.created.utcoffset() == timedelta(0)
    assert DESCRIPTION_KEY not in plan.extra
    template = load_template("public-service")
    assert plan.initiatives == template.initiatives
    assert plan.areas == template.areas


def test_new_plan_keeps_the_template_title_and_uses_the_clock() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    plan = new_plan()
    assert plan.title == "New CX strategy"
    assert plan.created is not None
    assert plan.created >= before
    assert plan.created.microsecond == 0
    assert plan.created.tzinfo is not None


def test_a_template_without_description_is_described_by_its_title(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('schema = 1\ntitle = "My own start"\n', encoding="utf-8")
    (tmp_path / "broken.toml").write_text("schema = = 1\n", encoding="utf-8")
    found = {t.name: t.description for t in list_templates(tmp_path)}
    assert found == {"broken": "", "mine": "My own start"}
    assert new_plan("mine", folder=tmp_path).title == "My own start"


def test_no_templates_folder_lists_nothing(tmp_path: Path) -> None:
    assert list_templates(tmp_path / "missing") == []
    with pytest.raises(UnknownTemplateError, match="none are installed"):
        template_path("blank", tmp_path / "missing")


def test_the_wheel_ships_the_templates_where_the_package_looks() -> None:
    pyproject = tomllib.loads((REPO_TEMPLATES.parent / "pyproject.toml").read_text("utf-8"))
    force_include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force_include["templates"] == "kxplan/templates"
    assert "templates" in pyproject["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(min_size=1, max_size=200).filter(str.strip),
    name=st.sampled_from(NAMES),
)
def test_any_title_survives_a_new_plan_written_and_read_back(title: str, name: str) -> None:
    plan = new_plan(name, title=title, now=datetime(2027, 1, 1, tzinfo=UTC))
    again = loads(dumps(plan), "<new>")
    assert again.title == title
    assert again == plan


def test_templates_inside_an_archive_are_read_as_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package installed as a zip archive: the templates are no files on disk, and are
    still listed and loaded (importlib.resources' Traversable, not pathlib)."""
    import zipfile

    archive = tmp_path / "kxplan.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("kxplan/templates/zipped.toml", 'schema = 3\ntitle = "From a zip"\n')
    monkeypatch.setattr(templates, "_package_files", lambda: zipfile.Path(archive, "kxplan/"))
    assert [t.name for t in list_templates()] == ["zipped"]
    assert list_templates()[0].description == "From a zip"
    assert load_template("zipped").title == "From a zip"
    assert new_plan("zipped").title == "From a zip"
