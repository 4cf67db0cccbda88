"""Reading the scoring settings dialog: what was typed -> checked settings, or what is wrong.

Plain Python, no widgets (the dialog is :mod:`kxplan.tui.screens.scoring_settings`): the
method, the weights of customer value and efficiency, the two thresholds (blank: the
middle of the scale) and the criteria of the weighted method, one row each. Every
problem lands on the field it belongs to, keyed as the dialog's widgets are
(``value_weight``, ``criterion-1-max``; ``general`` for the rest).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Final

from pydantic import ValidationError

from kxplan.framework import METHODS
from kxplan.i18n import _
from kxplan.model import Loc, ScoringSettings
from kxplan.storage import friendly_message
from kxplan.tui.forms import parse_whole, read_number

NUMBER_FIELDS: Final = ("value_weight", "efficiency_weight", "impact_threshold", "effort_threshold")
"""The settings typed as numbers, in the dialog's order (thresholds may be blank)."""
CRITERION_FIELDS: Final = ("id", "label", "weight", "min", "max")
"""One criterion's inputs, in column order."""

Check = Callable[[ScoringSettings], Sequence[tuple[Loc, str]]]
"""The plan's rules on the settings (the session's ``scoring_problems``)."""


def _shown(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def settings_texts(settings: ScoringSettings) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The dialog's starting texts: the settings' fields, and one row per criterion."""
    texts: dict[str, str] = {"method": settings.method}
    texts |= {name: _shown(getattr(settings, name)) for name in NUMBER_FIELDS}
    rows = [
        {
            "id": c.id,
            "label": c.label,
            "weight": _shown(c.weight),
            "min": str(c.min),
            "max": str(c.max),
        }
        for c in settings.criteria
    ]
    return texts, rows


def _key(loc: Loc) -> str:
    """The dialog's key for a model location under ``scoring``."""
    parts = [str(part) for part in loc]
    if parts[:1] == ["scoring"]:
        parts = parts[1:]
    if parts[:1] == ["criteria"] and len(parts) >= 3 and parts[1].isdigit():
        return f"criterion-{parts[1]}-{parts[2]}"
    if parts and parts[0] in ("method", *NUMBER_FIELDS):
        return parts[0]
    return "general"


def read_settings(
    texts: Mapping[str, str], rows: Sequence[Mapping[str, str]], check: Check | None = None
) -> tuple[ScoringSettings | None, dict[str, str]]:
    """The settings the texts give, checked by the model and ``check``; or None and a
    message per field. Criterion rows left wholly blank are dropped."""
    errors: dict[str, str] = {}
    data: dict[str, object] = {}
    method = texts.get("method", "").strip()
    if method not in METHODS:
        errors["method"] = _("expected one of {methods}").format(methods=", ".join(METHODS.keys))
    data["method"] = method
    for name in NUMBER_FIELDS:
        try:
            value = read_number(texts.get(name, ""))
        except ValueError as error:
            errors[name] = str(error)
            continue
        if value is None and name.endswith("weight"):
            errors[name] = _("expected a number (0 leaves it out of impact)")
        elif value is not None:
            data[name] = value
    criteria: list[dict[str, object]] = []
    kept: list[int] = []
    for index, row in enumerate(rows):
        if not any(row.get(name, "").strip() for name in CRITERION_FIELDS):
            continue
        criterion: dict[str, object] = {"id": row.get("id", "").strip()}
        criterion["label"] = row.get("label", "").strip()
        for name in ("weight",):
            try:
                number = read_number(row.get(name, ""))
            except ValueError as error:
                errors[f"criterion-{index}-{name}"] = str(error)
                continue
            if number is not None:
                criterion[name] = number
        for name in ("min", "max"):
            text = row.get(name, "").strip()
            if not text:
                continue
            whole = parse_whole(text)
            if whole is None:
                errors[f"criterion-{index}-{name}"] = _(
                    "expected a whole number, got {text}"
                ).format(text=repr(text))

            else:
                criterion[name] = whole
        criteria.append(criterion)
        kept.append(index)
    data["criteria"] = criteria

    def where(loc: Loc) -> Loc:
        """A criterion's row in the dialog (blank rows were dropped before checking)."""
        parts = list(loc)
        at = 1 if parts[:1] == ["scoring"] else 0
        if parts[at : at + 1] == ["criteria"] and len(parts) > at + 1:
            index = parts[at + 1]
            if isinstance(index, int) and index < len(kept):
                parts[at + 1] = kept[index]
        return tuple(parts)

    if errors:
        return None, errors
    try:
        settings = ScoringSettings.model_validate(data)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            errors.setdefault(_key(where(tuple(item["loc"]))), friendly_message(item, data))
        return None, errors
    for loc, message in check(settings) if check is not None else ():
        key = _key(where(loc))
        errors.setdefault(key, message if key != "general" else f"{_place(loc)}: {message}")
    return (None, errors) if errors else (settings, {})


def _place(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)
