"""Turn a row model's fields into form fields, and form text back into a valid row.

No widgets here: the row editor asks which kind of input each field needs and
hands back the raw strings; :func:`parse_row` converts and validates them with
the pydantic model and says, per field, what is wrong; :func:`check_row` checks
the row against the rest of its table with the table's rules (never the whole
plan, so a keystroke costs the same in a plan of ten initiatives or ten thousand).
"""

from __future__ import annotations

import datetime
import types
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from kxplan.i18n import N_, _
from kxplan.model import Loc, Plan
from kxplan.model.rules import row_problems
from kxplan.model.tables import AreaTable
from kxplan.storage import friendly_message
from kxplan.text.dates import read_date
from kxplan.text.typed import parse_number as parse_number
from kxplan.text.typed import parse_whole as parse_whole
from kxplan.text.typed import read_number as read_number
from kxplan.tui.journey_columns import plan_choices as plan_choices_of
from kxplan.tui.tables import choice_labels

if TYPE_CHECKING:
    from kxplan.session import Session

Kind = Literal["text", "int", "float", "choice", "choices", "date", "flag"]  # flag: yes/no

REQUIRED: Final = N_("required")
"""The message for a required field left empty."""

RowCheck = Callable[[BaseModel], dict[str, str]]
"""Checks a candidate row against the rest of its table: {field: message} of what is wrong."""


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
    labels: tuple[tuple[str, str], ...] = ()
    """(value, label) of the values that read better as words: the choices', or the
    standard values of a text field (which takes text of its own too)."""

    def shown(self, value: str) -> str:
        """How a value reads in the form: its label if it has one."""
        return dict(self.labels).get(value, value)

    def value_of(self, text: str) -> str | None:
        """The value ``text`` names, by value or label in any case; None if none."""
        folded = text.casefold()
        for value in self.choices:
            if value.casefold() == folded:
                return value
        for value, label in self.labels:
            if folded in (value.casefold(), label.casefold()):
                return value
        return None


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


def _is_model(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def with_hidden_fields(
    original: BaseModel | None, row: BaseModel | None, fields: list[FormField]
) -> BaseModel | None:
    """``row`` with the fields the form does not show (a KPI's readings) as ``original``
    had them, so editing a row keeps them."""
    if original is None or row is None:
        return row
    shown = {spec.name for spec in fields}
    hidden = {name: getattr(original, name) for name in type(row).model_fields if name not in shown}
    return row.model_copy(update=hidden) if hidden else row


def form_fields(
    model: type[BaseModel], plan_choices: Mapping[str, Sequence[tuple[str, str]]] | None = None
) -> list[FormField]:
    """The fields of ``model`` in order, with the input each needs; ``plan_choices``: the
    (value, label) choices of fields the plan defines (a row's stage; none: built-in)."""
    result: list[FormField] = []
    said, plan_choices = choice_labels(), plan_choices or plan_choices_of(None)
    for name, info in model.model_fields.items():
        if name in plan_choices:  # (value, label) each
            pairs, (inner, nullable) = tuple(plan_choices[name]), _unwrap(info.annotation)
            listed, values = get_origin(inner) is list, tuple(v for v, _label in pairs)
            optional = listed or nullable or info.default in values  # else: choose one
            kind_of: Kind = "choices" if listed else "choice"
            result.append(FormField(name, name.capitalize(), kind_of, optional, values, pairs))
            continue
        if info.annotation is bool:
            flags = (("yes", _("yes")), ("no", _("no")))
            result.append(FormField(name, name.capitalize(), "flag", True, ("yes", "no"), flags))
            continue
        inner, nullable = _unwrap(info.annotation)
        label = name.replace("_", " ").capitalize()
        labels = tuple(said.get(name, {}).items())
        has_default = not info.is_required()
        origin = get_origin(inner)
        choices: tuple[str, ...] = ()
        if origin is Literal:
            choices = tuple(str(c) for c in get_args(inner))
            kind: Kind = "choice"
            optional = nullable or has_default
        elif origin is list and _is_model(get_args(inner)[0]):
            continue  # rows of their own (a KPI's readings): not a field of the form
        elif origin is list:
            item, _none = _unwrap(get_args(inner)[0])
            choices = tuple(str(c) for c in get_args(item)) if get_origin(item) is Literal else ()
            kind, optional = "choices", True
        elif inner is datetime.date:
            kind, optional = "date", nullable or has_default
        elif inner is int or inner is float:
            kind = "int" if inner is int else "float"
            optional = nullable or has_default
        else:
            kind, optional = "text", has_default
        if choices:
            labels = tuple((value, shown) for value, shown in labels if value in choices)
        result.append(FormField(name, label, kind, optional, choices, labels))
    return result


def field_text(row: BaseModel | None, spec: FormField) -> str:
    """The text a field of ``row`` starts with in the form."""
    if row is None:
        return ""
    value = getattr(row, spec.name)
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(spec.shown(str(v)) for v in value)
    if spec.kind == "flag":
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str) and spec.kind == "text":
        return spec.shown(value)
    return str(value)


def trimmed(text: str) -> str:
    """A one-line text without the spaces around it; text over several lines as it is."""
    stripped = text.strip()
    return text if "\n" in stripped else stripped


def _read(
    fields: list[FormField], texts: Mapping[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The values the form's texts give, and a message per field that gives none."""
    data: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in fields:
        raw = texts.get(spec.name, "")
        text = trimmed(raw) if spec.kind == "text" else raw.strip()
        if not text:
            if not spec.optional:
                errors[spec.name] = (
                    _("required: choose one") if spec.kind == "choice" else _(REQUIRED)
                )
            continue
        if spec.kind == "text":
            data[spec.name] = (spec.value_of(text) or text) if spec.labels else text
        elif spec.kind == "int":
            whole = parse_whole(text)
            if whole is None:
                errors[spec.name] = _("expected a whole number, got {text}").format(text=repr(text))
            else:
                data[spec.name] = whole
        elif spec.kind == "float":
            try:
                data[spec.name] = read_number(text)
            except ValueError as error:
                errors[spec.name] = str(error)
        elif spec.kind == "date":
            try:
                data[spec.name] = read_date(text)
            except ValueError as error:
                errors[spec.name] = str(error)
        elif spec.kind == "flag":
            data[spec.name] = text == "yes"
        elif spec.kind == "choices":
            value = _read_choices(spec, text)
            if isinstance(value, str):
                errors[spec.name] = value
            else:
                data[spec.name] = value
        else:
            data[spec.name] = text
    return data, errors


def _read_choices(spec: FormField, text: str) -> list[str] | str:
    """The values a comma-separated list names, once each and in the choices' order;
    or what is wrong."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    if not spec.choices:
        return list(dict.fromkeys(items))
    chosen: set[str] = set()
    for item in items:
        value = spec.value_of(item)
        if value is None:
            return _("expected some of {choices}, got {text}").format(
                choices=", ".join(spec.choices), text=repr(item)
            )
        chosen.add(value)
    return [value for value in spec.choices if value in chosen]


def parse_row(
    model: type[BaseModel], fields: list[FormField], texts: Mapping[str, str]
) -> tuple[BaseModel | None, dict[str, str]]:
    """Build a row from the form's texts: (row, {}) or (None, {field: message})."""
    data, errors = _read(fields, texts)
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


def partial_row(
    model: type[BaseModel], fields: list[FormField], texts: Mapping[str, str]
) -> BaseModel | None:
    """The row the form gives with every field that is wrong left at its default, so the
    plan's rules can check the others meanwhile; None when a required field is wrong."""
    data, _errors = _read(fields, texts)
    while True:
        try:
            return model.model_validate(data)
        except ValidationError as error:
            wrong = {str(item["loc"][0]) for item in error.errors() if item["loc"]}
            if not wrong & data.keys():
                return None
            data = {name: value for name, value in data.items() if name not in wrong}


def check_row(
    table: AreaTable,
    rows: Sequence[BaseModel],
    row: BaseModel,
    index: int | None = None,
    plan: Plan | None = None,
) -> dict[str, str]:
    """What the table's rules (given ``plan``, also its stages and touchpoint scale) say
    of ``row`` in place of ``rows[index]`` (None: added): {field: message}, "" for the row."""
    return by_field(row_problems(table, rows, row, index, plan))


def by_field(problems: Sequence[tuple[Loc, str]]) -> dict[str, str]:
    """Located problems as a form shows them: the first message per field."""
    errors: dict[str, str] = {}
    for loc, message in problems:
        errors.setdefault(str(loc[0]), message)
    return errors


def session_check(session: Session, table: AreaTable, index: int | None = None) -> RowCheck:
    """A row form's check against the session's plan: the table's rules, and what needs
    the rest of the plan too (a log entry's initiative); {field: message}."""

    def check(row: BaseModel) -> dict[str, str]:
        return by_field(session.row_problems(table, row, index))

    return check


@dataclass(frozen=True, slots=True)
class FormReading:
    """What a row form's texts give: the row when it is valid, and what is wrong."""

    row: BaseModel | None
    """The valid row; None while anything is wrong."""
    errors: dict[str, str]
    """A message per field ("" for the row as a whole)."""


def read_form(
    model: type[BaseModel],
    fields: list[FormField],
    texts: Mapping[str, str],
    check: RowCheck | None = None,
) -> FormReading:
    """Read a row form: the row model's own validation, then ``check`` (the table's
    rules) on the row, or on the fields that are right while others are wrong."""
    row, errors = parse_row(model, fields, texts)
    candidate = row if row is not None else partial_row(model, fields, texts)
    if candidate is not None and check is not None:
        for name, message in check(candidate).items():
            errors.setdefault(name, message)
    return FormReading(row if row is not None and not errors else None, errors)


FIX_FIELDS: Final = N_("Fix the fields marked above.")
FILL_FIELDS: Final = N_("Fill in the fields marked *.")


def form_messages(
    fields: list[FormField],
    reading: FormReading,
    texts: Mapping[str, str],
    touched: Collection[str],
    *,
    tried: bool,
) -> tuple[dict[str, str], str]:
    """The message under each field ("" for none) and the form's status line.

    A required field's problem does not show while it is empty and untouched, unless
    the user has tried to keep the row. Problems of no field go in the status line.
    """
    under: dict[str, str] = {}
    for spec in fields:
        untouched = spec.name not in touched and not texts.get(spec.name, "").strip()
        may_show = tried or spec.optional or not untouched
        under[spec.name] = reading.errors.get(spec.name, "") if may_show else ""
    names = {spec.name for spec in fields}
    leftover = "; ".join(m for name, m in reading.errors.items() if name not in names)
    if leftover or reading.row is not None:
        return under, leftover
    return under, _(FIX_FIELDS) if any(under.values()) else _(FILL_FIELDS)
