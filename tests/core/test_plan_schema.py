"""The plan's JSON Schema: published up to date, and it accepts the plans kxplan reads."""

from __future__ import annotations

import json
import tomllib
from datetime import datetime
from typing import Any

import jsonschema
import pytest
from support import ROOT, TEMPLATES, invoke

from kxplan.storage.schema import plan_schema, schema_text

PUBLISHED = ROOT / "schema" / "kxplan-plan.schema.json"


def _as_taplo_sees_it(value: Any) -> Any:
    """TOML data as a JSON Schema validator sees it: date-times as text."""
    if isinstance(value, dict):
        return {k: _as_taplo_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_taplo_sees_it(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _errors(data: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(plan_schema())
    return [error.message for error in validator.iter_errors(_as_taplo_sees_it(data))]


def test_the_published_schema_is_up_to_date() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == schema_text(), (
        "run: kxplan schema -o schema/kxplan-plan.schema.json"
    )


def test_the_schema_is_valid_json_schema_with_file_keys_and_descriptions() -> None:
    schema = plan_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "schema" in schema["properties"]  # the file's key, not the model's schema_version
    assert "schema_version" not in schema["properties"]
    effort = schema["$defs"]["Initiative"]["properties"]["effort"]
    assert effort["description"] == "Effort on the plan's effort scale."
    assert "null" not in json.dumps(schema)  # TOML has no null: optional means left out
    assert schema["$defs"]["Initiative"]["additionalProperties"] is False


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_template_validates(path: Any) -> None:
    assert _errors(tomllib.loads(path.read_text(encoding="utf-8"))) == []


def test_a_wrong_plan_is_refused_by_the_schema() -> None:
    data = tomllib.loads((TEMPLATES / "blank.toml").read_text(encoding="utf-8"))
    data["initiatives"] = [{"id": "a", "title": "A", "effort": "high", "colour": "red"}]
    messages = " ".join(_errors(data))
    assert "'high' is not of type 'number'" in messages
    assert "'colour' was unexpected" in messages


def test_kxplan_schema_prints_it_and_writes_it(tmp_path: Any) -> None:
    printed = invoke("schema")
    assert printed.exit_code == 0
    assert json.loads(printed.output) == plan_schema()
    target = tmp_path / "s.json"
    written = invoke("schema", "-o", target)
    assert written.exit_code == 0, written.output
    assert target.read_text(encoding="utf-8") == schema_text()
