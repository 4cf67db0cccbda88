"""Turn a row model's fields into form fields, and form text back into a valid row.

No widgets here: the row editor asks which kind of input each field needs and
hands back the raw strings; :func:`parse_row` converts and validates them with
the pydantic model and says, per field, what is wrong.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from kxplan.storage import friendly_message

Kind = Literal["text", "int", "float", "choice", "choices"]


@dataclass(frozen=True, slots=True)
class FormField:
    """One field of a row model, as the form sees it."""

    name: str
    label: str
    kind: Kind
    optional: bool
    """True when the field may be left empty (None, or a default)."""
    choices: tuple[str, ...] = ()
    """The allowed values of a choice field (or of each item of a ``choices`` list)."""


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The inner type of ``X | None`` / ``Annotated[X, ...]``, and whether None is allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0]
        elif origin is not None and hasattr(annotation, "__metadata__"):
            annotation = get_args(annotation)[0]
        else:
            return annotation, optional


def form_fields(model: type[BaseModel]) -> list[FormField]:
    """The fields of ``model`` in declaration order, with the input each one needs."""
    result: list[FormField] = []
    for name, info in model.model_fields.items():
        inner, optional = _unwrap(info.annotation)
        label = name.replace("_", " ").capitalize()
        has_default = not info.is_required()
        origin = get_origin(inner)
        if origin is Literal:
            choices = tuple(str(c) for c in get_args(inner))
            result.append(FormField(name, label, "choice", optional or has_default, choices))
        elif origin is list:
            item, _ = _unwrap(get_args(inner)[0])
            choices = tuple(str(c) for c in get_args(item)) if get_origin(item) is Literal else ()
            result.append(FormField(name, label, "choices", True, choices))
        elif inner is int:
            result.append(FormField(name, label, "int", optional or has_default))
        elif inner is float:
            result.append(FormField(name, label, "float", optional or has_default))
        else:
            result.append(FormField(name, label, "text", has_default))
    return result


def field_text(row: BaseModel | None, spec: FormField) -> str:
    """The text a field of ``row`` starts with in the form."""
    if row is None:
        return ""
    value = getattr(row, spec.name)
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_row(
    model: type[BaseModel], fields: list[FormField], texts: Mapping[str, str]
) -> tuple[BaseModel | None, dict[str, str]]:
    """Build a row from the form's texts: (row, {}) or (None, {field: message})."""
    data: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in fields:
        text = texts.get(spec.name, "").strip() if spec.kind != "text" else texts.get(spec.name, "")
        if spec.kind == "text":
            if text or not spec.optional:
                data[spec.name] = text
            continue
        if not text:
            if not spec.optional:
                errors[spec.name] = "required; choose or type a value"
            continue
        if spec.kind == "int":
            try:
                data[spec.name] = int(text)
            except ValueError:
                errors[spec.name] = f"expected a whole number, got {text!r}"
        elif spec.kind == "float":
            try:
                value = float(text.replace(",", ".").replace(" ", ""))
            except ValueError:
                errors[spec.name] = f"expected a number, got {text!r}"
            else:
                data[spec.name] = value
        elif spec.kind == "choices":
            items = [item.strip() for item in text.split(",") if item.strip()]
            bad = [item for item in items if spec.choices and item not in spec.choices]
            if bad:
                errors[spec.name] = f"expected some of {', '.join(spec.choices)}, got {bad[0]!r}"
            else:
                data[spec.name] = items
        else:
            data[spec.name] = text
    try:
        row = model.model_validate(data)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            name = str(item["loc"][0]) if item["loc"] else ""
            errors.setdefault(name, friendly_message(item, data))
        return None, errors
    if errors:
        return None, errors
    return row, {}
