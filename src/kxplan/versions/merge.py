"""Three-way merge of plans by what things are, not by lines.

Initiatives are matched by id, area rows by their natural key (:data:`AREA_TABLES`),
estimates by participant, criteria by id, lists of names (participants, an
initiative's areas and dependencies) by the name, and every other value by its key
path. A change made on one side only is taken; the same change on both sides is taken
once; the same thing changed differently on the two sides (or removed on one and
changed on the other) is a :class:`Conflict`. ``updated`` is never a conflict: the
later time wins.

The merged plan must also keep the plan's rules (no dependency cycle, scores on the
scales…). When two clean changes together break one, the things the rule names
become conflicts too, so that taking all of one side always gives a valid plan.
Pure: no files, no UI (:mod:`kxplan.versions.merge_text` writes conflicts as markers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from kxplan.model import Plan
from kxplan.model.tables import AREA_TABLES

Side = Literal["ours", "theirs"]
SIDES: Final[tuple[Side, ...]] = ("ours", "theirs")


class _Missing:
    """The value of something that is not there (removed, or never added)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Final = _Missing()


@dataclass(frozen=True, eq=False)
class Conflict:
    """One thing both sides changed differently: its place and its three versions.

    ``path`` names the place as people read it: ``("initiatives", "[faq]", "effort")``
    (see :meth:`where`). A side that removed the thing holds :data:`MISSING`.
    ``reason`` says why a thing both sides did not change alike is still a conflict
    (a rule the two changes break together); empty otherwise.
    """

    path: tuple[str, ...]
    base: Any
    ours: Any
    theirs: Any
    reason: str = ""

    def where(self) -> str:
        """The place as one key path: ``initiatives[faq].effort`` (``(the plan)`` for all)."""
        return where(self.path)

    def side(self, side: Side) -> Any:
        """The value one side holds."""
        return self.ours if side == "ours" else self.theirs


def where(path: tuple[str, ...]) -> str:
    """A merge path as one key path: ``areas.insight.kpis[CSAT / all].baseline``."""
    text = ""
    for part in path:
        text += part if part.startswith("[") or not text else "." + part
    return text or "(the plan)"


Choice = Side | Mapping[str, Side] | Callable[[Conflict], Side]
"""How conflicts are resolved: one side for all, a side per :meth:`Conflict.where`
(the rest: ours), or a function."""


@dataclass(frozen=True)
class MergeResult:
    """The merged plan, with a :class:`Conflict` wherever both sides disagree."""

    tree: Any
    conflicts: tuple[Conflict, ...] = field(default=())

    @property
    def clean(self) -> bool:
        """True when nothing conflicts."""
        return not self.conflicts

    def data(self, choice: Choice = "ours") -> dict[str, Any]:
        """The merged plan as plain data, each conflict resolved by ``choice``."""
        data = _materialise(self.tree, _chooser(choice))
        return data if isinstance(data, dict) else {}

    def plan(self, choice: Choice = "ours") -> Plan:
        """The merged plan, each conflict resolved by ``choice`` (validated: ValidationError
        or RuleViolations when a mix of sides breaks the plan's rules)."""
        return Plan.model_validate(self.data(choice))


def _chooser(choice: Choice) -> Callable[[Conflict], Side]:
    if isinstance(choice, str):
        return lambda _conflict: choice
    if isinstance(choice, Mapping):
        picks = choice
        return lambda conflict: picks.get(conflict.where(), "ours")
    return choice


def merge(base: Plan | None, ours: Plan, theirs: Plan) -> MergeResult:
    """Merge ``theirs`` into ``ours``, both changed from ``base`` (None: both added it).

    merge(base, ours, base) is ours, merge(base, base, theirs) is theirs, merge(base, x,
    x) is x, and a merge without conflicts gives the same plan whichever side is ours.
    """
    sides = (base.to_data() if base is not None else {}, ours.to_data(), theirs.to_data())
    if sides[1] == sides[2] or sides[2] == sides[0]:
        return MergeResult(sides[1])
    if sides[1] == sides[0]:
        return MergeResult(sides[2])
    from kxplan.versions.merge_rules import keep_rules  # it builds on this module

    tree = _merge(*sides, (), ())
    tree = keep_rules(tree, sides)
    return MergeResult(tree, tuple(_conflicts(tree)))


# --- what is matched by what ----------------------------------------------------------------

_Key = Callable[[Any], str]


def _field_key(name: str) -> _Key:
    return lambda item: str(item.get(name, "")).strip().casefold() if isinstance(item, dict) else ""


def _name_key(item: Any) -> str:
    return str(item).strip().casefold()


def _row_key(table_index: int) -> _Key:
    table = AREA_TABLES[table_index]

    def key(item: Any) -> str:
        if not isinstance(item, dict):
            return ""
        row = table.row.model_construct(**item)
        return " / ".join(part.strip().casefold() for part in table.key_of(row))

    return key


def _row_label(table_index: int) -> Callable[[Any], str]:
    table = AREA_TABLES[table_index]
    return lambda item: table.key_text(table.row.model_construct(**item))


_KEYED: Final[dict[tuple[str, ...], tuple[_Key, Callable[[Any], str]]]] = {
    ("initiatives",): (_field_key("id"), lambda item: str(item["id"])),
    ("initiatives", "*", "estimates"): (
        _field_key("participant"),
        lambda item: str(item["participant"]),
    ),
    ("scoring", "criteria"): (_field_key("id"), lambda item: str(item["id"])),
    ("participants",): (_name_key, str),
    ("initiatives", "*", "areas"): (_name_key, str),
    ("initiatives", "*", "depends_on"): (_name_key, str),
    ("areas", "anchoring", "stakeholders", "*", "stages"): (_name_key, str),
    **{
        ("areas", table.area, table.attribute): (_row_key(index), _row_label(index))
        for index, table in enumerate(AREA_TABLES)
    },
}
"""Lists merged item by item, with the key that matches an item across versions and the
label that names it in a conflict's path; any other list is one value."""


# --- the merge --------------------------------------------------------------------------------


def _merge(
    base: Any, ours: Any, theirs: Any, pattern: tuple[str, ...], path: tuple[str, ...]
) -> Any:
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    if pattern == ("updated",) and ours is not MISSING and theirs is not MISSING:
        return max(ours, theirs)
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return _merge_dict(base if isinstance(base, dict) else {}, ours, theirs, pattern, path)
    if isinstance(ours, list) and isinstance(theirs, list) and pattern in _KEYED:
        key, label = _KEYED[pattern]
        return _merge_keyed(
            base if isinstance(base, list) else [], ours, theirs, key, label, pattern, path
        )
    return Conflict(path, base, ours, theirs)


def _merge_dict(
    base: dict[str, Any],
    ours: dict[str, Any],
    theirs: dict[str, Any],
    pattern: tuple[str, ...],
    path: tuple[str, ...],
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    free_form = pattern[:1] == ("extra",)
    for key in {**base, **ours, **theirs}:
        child = pattern if free_form and len(pattern) > 1 else (*pattern, key)
        value = _merge(
            base.get(key, MISSING),
            ours.get(key, MISSING),
            theirs.get(key, MISSING),
            child,
            (*path, key),
        )
        if value is not MISSING:
            merged[key] = value
    order = _order(list(base), list(ours), list(theirs), set(merged))
    return {key: merged[key] for key in order}


def _keyed(items: list[Any], key: _Key) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for item in items:
        name = key(item)
        if name in result:  # a repeated key (touchpoints may repeat): number the repeats
            number = 2
            while f"{name} #{number}" in result:
                number += 1
            name = f"{name} #{number}"
        result[name] = item
    return result


def _merge_keyed(
    base: list[Any],
    ours: list[Any],
    theirs: list[Any],
    key: _Key,
    label: Callable[[Any], str],
    pattern: tuple[str, ...],
    path: tuple[str, ...],
) -> list[Any]:
    by_key = [_keyed(items, key) for items in (base, ours, theirs)]
    merged: dict[str, Any] = {}
    for name in {**by_key[0], **by_key[1], **by_key[2]}:
        versions = [side.get(name, MISSING) for side in by_key]
        shown = next(v for v in (versions[1], versions[2], versions[0]) if v is not MISSING)
        value = _merge(
            versions[0], versions[1], versions[2], (*pattern, "*"), (*path, f"[{label(shown)}]")
        )
        if value is not MISSING:
            merged[name] = value
    order = _order(list(by_key[0]), list(by_key[1]), list(by_key[2]), set(merged))
    return [merged[name] for name in order]


def _order(base: list[str], ours: list[str], theirs: list[str], kept: set[str]) -> list[str]:
    """The merged order of ``kept``, the same whichever side is ours.

    What was in the base keeps its order, or the order one side gave it (when both sides
    reordered differently, the base's). Each run of new things follows the thing before it
    on its side; runs after the same thing are ordered by their names.
    """
    survivors = [name for name in base if name in kept]
    surviving = set(survivors)
    common = surviving & set(ours) & set(theirs)
    mine = [name for name in ours if name in common]
    yours = [name for name in theirs if name in common]
    based = [name for name in survivors if name in common]
    if mine == yours or yours == based:
        skeleton = mine
    elif mine == based:
        skeleton = yours
    else:
        skeleton = based
    for index, name in enumerate(survivors):  # kept, though one side removed it (a conflict)
        if name not in common:
            before = next((n for n in reversed(survivors[:index]) if n in skeleton), None)
            skeleton.insert(0 if before is None else skeleton.index(before) + 1, name)
    runs: dict[str | None, set[tuple[str, ...]]] = {}
    for side in (ours, theirs):
        anchor: str | None = None
        run: list[str] = []
        for name in side:
            if name in surviving:
                if run:
                    runs.setdefault(anchor, set()).add(tuple(run))
                anchor, run = name, []
            elif name in kept:
                run.append(name)
        if run:
            runs.setdefault(anchor, set()).add(tuple(run))
    order: list[str] = []
    seen: set[str] = set()
    for anchor in [None, *skeleton]:
        if anchor is not None:
            order.append(anchor)
            seen.add(anchor)
        for run_names in sorted(runs.get(anchor, ())):
            for name in run_names:
                if name not in seen:
                    order.append(name)
                    seen.add(name)
    return order


# --- resolving and walking ----------------------------------------------------------------------


def _materialise(tree: Any, choose: Callable[[Conflict], Side]) -> Any:
    if isinstance(tree, Conflict):
        return _materialise(tree.side(choose(tree)), choose)
    if isinstance(tree, dict):
        result = {}
        for key, value in tree.items():
            item = _materialise(value, choose)
            if item is not MISSING:
                result[key] = item
        return result
    if isinstance(tree, list):
        items = (_materialise(value, choose) for value in tree)
        return [item for item in items if item is not MISSING]
    return tree


def _conflicts(tree: Any) -> Iterator[Conflict]:
    if isinstance(tree, Conflict):
        yield tree
    elif isinstance(tree, dict):
        for value in tree.values():
            yield from _conflicts(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _conflicts(value)
