"""Someone else saved the plan's file: what they changed, and taking it in.

:func:`what_they_changed` compares the plan as it was last read or saved with the file
now (:mod:`kxplan.versions.comparison`); :func:`disk_changed_dialog` offers to merge
theirs with mine (:mod:`kxplan.versions.merge`), reload theirs, keep mine or cancel;
:class:`ResolveConflicts` asks, for each thing both changed, whose version to keep.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, RadioButton, RadioSet, Static

from kxplan.framework import AREAS_BY_ID, SCORES, STRATEGY_QUESTIONS
from kxplan.i18n import _, ngettext
from kxplan.model import Plan
from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.reports.comparison import (
    SECTION_TITLES,
    Titles,
    describe,
    initiative_name,
    titles_of,
    value_text,
)
from kxplan.text.literal import printable
from kxplan.tui.keys import bindings_for
from kxplan.tui.screens.confirm import Answer, Confirm
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.scroll import Scroll
from kxplan.versions.comparison import compare
from kxplan.versions.merge import MISSING, Conflict, MergeResult, Side

SHOWN_CHANGES = 12
"""How many of their changes the dialog lists before "and N more"."""


def what_they_changed(base: Plan | None, theirs: Plan) -> list[str]:
    """Their changes since ``base``, one line each (ranks and timestamps left out)."""
    if base is None:
        return []
    changes = [
        change
        for change in compare(base, theirs).changes
        if change.section != "ranks" and not change.is_timestamp
    ]
    titles = titles_of(base, theirs)  # initiatives by title, as the room knows them
    lines = [describe(change, titles) for change in changes]
    if len(lines) > SHOWN_CHANGES:
        more = len(lines) - SHOWN_CHANGES + 1
        lines = [*lines[: SHOWN_CHANGES - 1], _("… and {count} more").format(count=more)]
    return lines


class DiskChanged(Confirm):
    """What they changed, in a body that scrolls, above buttons that stay in sight at
    any height; ctrl+s merges (the footer says so) when their file can be merged."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("DiskChanged")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm"):
            yield Label(Text(self.question_title), classes="dialog-title")
            with Horizontal(classes="dialog-buttons", id="disk-changed-buttons"):
                for answer, label, variant in self.choices:
                    yield Button(label, variant=variant, id=f"answer-{answer}", compact=True)  # type: ignore[arg-type]
            with Scroll(id="disk-changes"):
                yield Static(Text(self.message), id="confirm-message")
        yield KeyFooter()

    AROUND_CHANGES = 7
    """Rows around the list of changes: the footer, the dialog's border, its title and
    the buttons."""

    def on_mount(self) -> None:
        super().on_mount()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The list of changes takes the rows the rest leaves, and scrolls."""
        room = max(self.app.size.height - self.AROUND_CHANGES, 3)
        self.query_one("#disk-changes").styles.max_height = room

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "merge":
            return any(answer is Answer.MERGE for answer, _label, _variant in self.choices)
        return True

    def action_merge(self) -> None:
        """ctrl+s: merge theirs with mine."""
        self.dismiss(Answer.MERGE)


def disk_changed_dialog(name: str, changes: list[str], merge: MergeResult | None) -> Confirm:
    """Merge / reload theirs / keep mine / cancel, showing what they changed."""
    lines = [
        _("{file} was changed by someone else since you opened or saved it.").format(file=name)
    ]
    if changes:
        lines += ["", _("They changed:"), *(f"  {line}" for line in changes)]
    if merge is None:
        lines += ["", _("Their file is not a valid plan, so it cannot be merged.")]
    elif merge.clean:
        lines += ["", _("Their changes and yours do not touch the same things: merge keeps both.")]
    else:
        count = len(merge.conflicts)
        lines += [
            "",
            ngettext(
                "You both changed {count} thing: merge asks which to keep.",
                "You both changed {count} things: merge asks which to keep.",
                count,
            ).format(count=count),
        ]
    choices = [
        (Answer.RELOAD, _("Reload theirs"), "warning"),
        (Answer.OVERWRITE, _("Keep mine"), "error"),
        (Answer.CANCEL, _("Cancel"), "default"),
    ]
    if merge is not None:
        choices.insert(0, (Answer.MERGE, _("Merge"), "primary"))
    return DiskChanged(
        _("File changed on disk"),
        "\n".join(lines),
        choices,
        focus_answer=Answer.MERGE if merge is not None else Answer.CANCEL,
    )


def shown(value: Any) -> str:
    """One side of a conflict, short: ``3``, ``"Help pages"``, ``(removed)``, an item by
    its title or name."""
    if value is MISSING:
        return _("(removed)")
    if isinstance(value, dict):
        for key in ("title", "name", "participant", "reason", "id"):
            if key in value:
                return _("{value} (changed)").format(value=printable(str(value[key])))
        return _("(several values)")
    if isinstance(value, list):
        return ", ".join(printable(str(v)) for v in value) or _("(none)")
    text = value_text(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _field(key: str) -> str:
    """A field by its label: a note's question ("Where are we today?"), a score's label
    from the vocabulary, else the key as the forms caption it ("Depends on")."""
    questions = {name: question for name, question, _hint in STRATEGY_QUESTIONS}
    if key in questions:
        return _(questions[key])
    if key in SCORES:
        return SCORES.label(key)
    return printable(key.replace("_", " ").capitalize())


def _key(part: str) -> str:
    """A list item's label in a merge path, without its brackets: ``[CSAT / all]``."""
    inner = part[1:-1] if part.startswith("[") and part.endswith("]") else part
    return printable(inner)


def _within(*parts: str) -> str:
    """A place narrowed step by step: "Self-service returns — Effort"."""
    place = ""
    for part in (p for p in parts if p):
        place = _("{place} — {part}").format(place=place, part=part) if place else part
    return place


def _initiative_part(rest: tuple[str, ...]) -> str | None:
    """What of an initiative: "Effort", "Anna's effort", "Criterion cost"; None when the
    path goes deeper than a field."""
    if not rest:
        return ""
    if rest[0] == "estimates" and len(rest) in (2, 3):
        who = _key(rest[1])
        if len(rest) == 2:
            return _("{participant}'s estimate").format(participant=who)
        score = SCORES.label(rest[2]).lower() if rest[2] in SCORES else printable(rest[2])
        return _("{participant}'s {score}").format(participant=who, score=score)
    if rest[0] == "criteria" and len(rest) == 2:
        return _("Criterion {name}").format(name=_key(rest[1]))
    return _field(rest[0]) if len(rest) == 1 else None


def _area_part(rest: tuple[str, ...]) -> str | None:
    """What of an area: its question ("Where are we today?"), a table, a row and its
    field ("KPI CSAT / all — Baseline"); None when nothing reads better than the path."""
    table = TABLES_BY_ATTRIBUTE.get(rest[0]) if rest else None
    if table is None:
        return _field(rest[0]) if len(rest) == 1 else None
    if len(rest) == 1:
        return _(table.title)
    name = _(table.row_name)
    row = _("{row} {key}").format(row=name[:1].upper() + name[1:], key=_key(rest[1]))
    if len(rest) == 2:
        return row
    return _within(row, _field(rest[2])) if len(rest) == 3 else None


def conflict_place(conflict: Conflict, titles: Titles | None = None) -> str:
    """Where a conflict is, as a facilitator reads it: the initiative by its title
    (:func:`~kxplan.reports.comparison.initiative_name`), an area row by its name, and
    the field by its label — "Self-service returns — Effort", "Insight — KPI CSAT / all
    — Baseline"; the key path (:meth:`Conflict.where`) only where nothing reads better."""
    path = conflict.path
    if not path:
        return _("The whole plan")
    head, rest = path[0], path[1:]
    part: str | None = None
    item = ""
    if head == "initiatives" and rest and rest[0].startswith("["):
        item = initiative_name(rest[0][1:-1], titles)  # by title, as the diffs do
        part = _initiative_part(rest[1:])
    elif head == "areas" and rest and rest[0] in AREAS_BY_ID:
        item = AREAS_BY_ID[rest[0]].name
        part = _area_part(rest[1:])
    elif head in ("strategy", "scoring") and len(rest) <= 1:
        item = _(SECTION_TITLES["strategy" if head == "strategy" else "scoring"])
        part = _field(rest[0]) if rest else ""
    elif head == "scoring" and rest[0] == "criteria" and len(rest) in (2, 3):
        item = _(SECTION_TITLES["scoring"])
        criterion = _("Criterion {name}").format(name=_key(rest[1]))
        part = _within(criterion, _field(rest[2])) if len(rest) == 3 else criterion
    elif len(path) == 1:
        part = _field(head)
    if part is None:
        return printable(conflict.where())
    return _within(item, part)


class ResolveConflicts(Confirm):
    """For each thing both changed, keep mine or theirs; answers MERGE or CANCEL, and
    :attr:`picks` holds the choice per conflict (by :meth:`Conflict.where`)."""

    def __init__(self, conflicts: tuple[Conflict, ...], titles: Titles | None = None) -> None:
        super().__init__(
            _("Merge: you both changed these"),
            _("Choose whose version to keep for each; everything else is merged."),
            [(Answer.MERGE, _("Merge"), "primary"), (Answer.CANCEL, _("Cancel"), "default")],
            focus_answer=Answer.MERGE,
        )
        self.conflicts = conflicts
        self.titles = titles
        """Initiative titles by id (:func:`titles_of`), to name places by."""
        self.picks: dict[str, Side] = {conflict.where(): "ours" for conflict in conflicts}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm"):
            yield Label(Text(self.question_title), classes="dialog-title")
            yield Static(Text(self.message), id="confirm-message")
            with Scroll(id="conflicts"):
                for index, conflict in enumerate(self.conflicts):
                    place = conflict_place(conflict, self.titles)
                    was = (
                        ""
                        if conflict.base is MISSING
                        else _(" (was {value})").format(value=shown(conflict.base))
                    )
                    note = f"\n{printable(conflict.reason)}" if conflict.reason else ""
                    yield Label(Text(f"{place}{was}{note}"), classes="conflict-place")
                    with RadioSet(id=f"conflict-{index}"):
                        yield RadioButton(
                            _("Mine: {value}").format(value=shown(conflict.ours)), value=True
                        )
                        yield RadioButton(_("Theirs: {value}").format(value=shown(conflict.theirs)))

            with Horizontal(classes="dialog-buttons"):
                for answer, label, variant in self.choices:
                    yield Button(label, variant=variant, id=f"answer-{answer}", compact=True)  # type: ignore[arg-type]
        yield KeyFooter()

    def on_mount(self, event: events.Mount) -> None:  # type: ignore[override]
        event.prevent_default()  # the first choice has the focus, not Confirm's button
        self.query_one("#conflict-0", RadioSet).focus()

    @on(RadioSet.Changed)
    def _picked(self, event: RadioSet.Changed) -> None:
        index = int((event.radio_set.id or "conflict-0").removeprefix("conflict-"))
        side: Side = "theirs" if event.index == 1 else "ours"
        self.picks[self.conflicts[index].where()] = side
