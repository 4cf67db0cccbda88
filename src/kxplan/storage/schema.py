"""The plan file's JSON Schema, for editors that check and complete TOML (taplo, Even
Better TOML): made from the plan model, keys by their file names, described by the
model's own docstrings.

TOML has no null: a value that may be left out is written as its type alone (pydantic's
``anyOf [..., null]`` and ``default: null`` are dropped).
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import textwrap
from functools import cache
from typing import Any, Final

import kxplan.model as model
from kxplan.model import Plan

SCHEMA_ID: Final = "https://kxplan.invalid/schema/kxplan-plan.schema.json"
"""The schema's ``$id``: a name, not a place to fetch it from (the file is published in
the repository as ``schema/kxplan-plan.schema.json`` and shipped inside the package)."""
SCHEMA_FILE: Final = "kxplan-plan.schema.json"


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan file."""
    schema = Plan.model_json_schema(by_alias=True)
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, getattr(model, name, None))
    _describe(schema, Plan)
    schema = _without_null(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "kxplan plan",
        "description": "A customer-experience strategy planned with kxplan: "
        + (schema.get("description") or ""),
    }


def schema_text() -> str:
    """The schema as the published file holds it: sorted keys, two-space indents."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _describe(definition: dict[str, Any], cls: object) -> None:
    if not isinstance(cls, type):
        return
    docs = _attribute_docs(cls)
    for name, prop in definition.get("properties", {}).items():
        field = next(
            (f for f, info in cls.model_fields.items() if (info.alias or f) == name),  # type: ignore[attr-defined]
            name,
        )
        if field in docs and "description" not in prop:
            prop["description"] = docs[field]
        prop.pop("title", None)
    if cls.__doc__ and "description" not in definition:
        definition["description"] = inspect.cleandoc(cls.__doc__).split("\n\n")[0]


@cache
def _attribute_docs(cls: type) -> dict[str, str]:
    """The docstrings written under a class's fields, by field name (its bases' too)."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not klass.__module__.startswith("kxplan."):
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError, SyntaxError):  # pragma: no cover - source not shipped
            continue
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for statement, following in itertools.pairwise(body):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[statement.target.id] = " ".join(
                    inspect.cleandoc(following.value.value).split()
                )
    return docs


def _without_null(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _without_null(value) for key, value in node.items()}
    options = result.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        kept = [option for option in options if option != {"type": "null"}]
        del result["anyOf"]
        if len(kept) == 1:
            result = {**kept[0], **result}
        else:
            result["anyOf"] = kept
    if "default" in result and result["default"] is None:
        del result["default"]
    return result
