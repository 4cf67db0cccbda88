"""The merged plan keeps the plan's rules: what two clean changes break together (a
dependency cycle, a score off a changed scale) becomes a conflict of the things the
rule names, so that taking all of either side always gives a valid plan."""

from __future__ import annotations

from typing import Any, Final

from pydantic import ValidationError

from kxplan.i18n import _
from kxplan.model import Loc, Plan, RuleViolations
from kxplan.versions.merge import _KEYED, MISSING, SIDES, Conflict, _keyed, _materialise


def _problems(data: dict[str, Any]) -> list[tuple[Loc, str]]:
    try:
        Plan.model_validate(data)
    except RuleViolations as error:
        return list(error.problems)
    except ValidationError as error:
        return [(tuple(item["loc"]), item["msg"]) for item in error.errors(include_url=False)]
    return []


_ROUNDS: Final = 6


def keep_rules(tree: Any, sides: tuple[dict[str, Any], ...]) -> Any:
    """Turn what breaks a rule in the merged plan into conflicts, until taking all of
    either side gives a valid plan (at worst the whole plan is one conflict)."""
    for _round in range(_ROUNDS):
        found = False
        for side in SIDES:
            data = _materialise(tree, lambda _conflict, side=side: side)  # type: ignore[misc]
            for loc, message in _problems(data):
                found = True
                tree = _escalate(tree, data, sides, loc, message)
        if not found:
            return tree
    return _whole(sides, _("the two versions cannot be combined into a valid plan"))


def _escalate(
    tree: Any, data: dict[str, Any], sides: tuple[dict[str, Any], ...], loc: Loc, message: str
) -> Any:
    """Make the thing at ``loc`` of ``data`` (an initiative, a row, or else the whole
    section) one conflict of its three versions."""
    if isinstance(tree, Conflict) or not loc or not isinstance(tree, dict):
        return _whole(sides, message) if not isinstance(tree, Conflict) else tree
    section = str(loc[0])
    pattern: tuple[str, ...] = ()
    if section == "initiatives" and len(loc) > 1 and isinstance(loc[1], int):
        pattern = ("initiatives",)
    elif section == "areas" and len(loc) > 3 and isinstance(loc[3], int):
        pattern = ("areas", str(loc[1]), str(loc[2]))
    if pattern in _KEYED:
        key, label = _KEYED[pattern]
        try:
            wanted = key(_at(data, loc[: len(pattern) + 1]))
            holder = _at(tree, pattern)
        except (LookupError, TypeError):
            holder = None
        if isinstance(holder, list):
            for index, item in enumerate(holder):
                if not isinstance(item, Conflict) and key(item) == wanted:
                    versions = [
                        _keyed(_at_or(side, pattern), key).get(wanted, MISSING) for side in sides
                    ]
                    shown = next(v for v in (*versions[1:], versions[0]) if v is not MISSING)
                    path = (*pattern[:-1], pattern[-1], f"[{label(shown)}]")
                    holder[index] = Conflict(path, versions[0], versions[1], versions[2], message)
                    return tree
    current = tree.get(section, MISSING)
    if isinstance(current, Conflict) and not current.reason:
        current = MISSING  # a plain conflict inside a section that now breaks a rule
    if isinstance(current, Conflict):
        return _whole(sides, message)
    base, ours, theirs = (side.get(section, MISSING) for side in sides)
    tree[section] = Conflict((section,), base, ours, theirs, message)
    return tree


def _whole(sides: tuple[dict[str, Any], ...], reason: str) -> Conflict:
    """The whole plan as one conflict."""
    return Conflict((), sides[0], sides[1], sides[2], reason)


def _at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        data = data[part]
    return data


def _at_or(data: Any, loc: tuple[Any, ...]) -> list[Any]:
    try:
        found = _at(data, loc)
    except (LookupError, TypeError):
        return []
    return found if isinstance(found, list) else []
