"""The initiative editor: a modal form that returns a checked :class:`Initiative`.

Every keystroke rebuilds the initiative through the model and the plan's rules,
so what is wrong is shown next to the field as it is typed, and Save is refused
while anything is. Typed text is never thrown away by validation: the form only
reads the inputs, it never rewrites them (except the id, which follows the title
of a new initiative until the id is edited by hand).

A large room would make the estimates grid thousands of inputs, slow to open
and to type in; above :data:`ESTIMATE_ROWS_LIMIT` participants only those with
an estimate get a row, and a name typed under the grid adds one.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Final

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import (
    Button,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from kxplan.framework import AREAS, AreaId, Status
from kxplan.model import (
    SCORE_FIELDS,
    Estimate,
    Initiative,
    Loc,
    Plan,
    Scale,
    dependency_cycle,
    plan_rule_problems,
    unique_slug,
    with_initiative,
)
from kxplan.storage import friendly_message
from kxplan.tui.forms import read_number
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter

STATUS_LABELS: Final[dict[Status, str]] = {
    "idea": "Idea",
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}

ESTIMATE_FIELDS: Final = ("effort", "customer_value", "efficiency", "confidence")
"""The scores each participant can give in the estimates grid, in column order."""

ESTIMATE_ROWS_LIMIT: Final = 12
"""Above this many participants, only those with an estimate get a row at first."""

CYCLE_PREFIX: Final = "dependencies form a cycle: "

TEXT_FIELDS: Final = ("why", "what", "how")
"""Long answers, edited in text areas."""
LINE_FIELDS: Final = ("who", "when")
"""Short answers, edited in one-line inputs."""


@dataclass(frozen=True, slots=True)
class ScoreField:
    """One score input of the form and how to explain its values."""

    key: str
    label: str
    hint: str
    scale: Scale | None


def _score_fields(plan: Plan) -> tuple[ScoreField, ...]:
    scales = plan.scales
    return (
        ScoreField("effort", "Effort", "how much work it takes", scales.effort),
        ScoreField(
            "customer_value",
            "Customer value",
            "how much better for customers",
            scales.customer_value,
        ),
        ScoreField("efficiency", "Efficiency", "time or cost it saves us", scales.efficiency),
        ScoreField("confidence", "Confidence %", "how sure we are of these scores, 0–100", None),
        ScoreField("reach", "Reach", "customers or contacts per period (for RICE)", None),
    )


def _show_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def anchor_hint(scale: Scale, text: str) -> Content:
    """What the typed score means on the scale: ``2 = A few weeks in one team``."""
    try:
        value = read_number(text)
    except ValueError:
        value = None
    scale_range = Content(f"scale {scale.min}–{scale.max}")
    if value is None:
        return scale_range.stylize("dim")
    if value.is_integer():
        anchor = scale.anchors.get(str(int(value)))
        if anchor:
            return Content.assemble((f"{int(value)} = ", "bold"), anchor)
        return scale_range.stylize("dim")
    lower = scale.anchors.get(str(int(value // 1)))
    upper = scale.anchors.get(str(int(value // 1) + 1))
    if lower and upper:
        return Content.assemble(
            (f"{_show_number(value)} = between ", "dim"), lower, (" and ", "dim"), upper
        )
    return scale_range.stylize("dim")


def in_kept_order(before: list[str], chosen: list[str]) -> list[str]:
    """``chosen`` with the values that were there before in their old order, new ones after:
    opening an initiative and keeping it unchanged must not reorder its lists (that would
    show as an edit in the file and in version comparisons)."""
    kept = [value for value in before if value in chosen]
    return kept + [value for value in chosen if value not in kept]


class InitiativeEditor(ModalScreen[Initiative | None]):
    """Add or edit one initiative; dismisses with the checked initiative, or None."""

    DEFAULT_CSS = """
    InitiativeEditor {
        align: center middle;
        background: $background 60%;
    }
    InitiativeEditor #editor {
        width: 100;
        max-width: 100%;
        height: 100%;
        max-height: 100%;
        background: $surface;
        border: round $primary;
        border-title-style: bold;
        padding: 0 0 0 1;
    }
    InitiativeEditor #form {
        height: 1fr;
        padding-right: 1;
    }
    InitiativeEditor .row {
        height: auto;
        margin-bottom: 1;
    }
    InitiativeEditor .score {
        margin-bottom: 0;
    }
    InitiativeEditor .caption {
        width: 16;
        color: $text-muted;
    }
    InitiativeEditor .section {
        margin: 1 0 0 0;
        text-style: bold;
        color: $text-primary;
    }
    InitiativeEditor Input.-textual-compact {
        width: 1fr;
        background: $foreground 8%;
    }
    InitiativeEditor Input.-textual-compact:focus {
        background: $primary 30%;
    }
    InitiativeEditor Input.-textual-compact.-invalid {
        background: $error 30%;
    }
    InitiativeEditor .score Input.-textual-compact {
        width: 8;
    }
    InitiativeEditor .hint {
        width: 1fr;
        padding-left: 2;
        color: $text-muted;
    }
    InitiativeEditor .hint.-overridden {
        color: $text-warning;
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    InitiativeEditor .note {
        color: $text-muted;
        height: auto;
    }
    InitiativeEditor .error {
        display: none;
        color: $text-error;
        padding-left: 16;
    }
    InitiativeEditor .error.-shown {
        display: block;
    }
    InitiativeEditor #general-error, InitiativeEditor #estimates-error {
        padding-left: 0;
    }
    InitiativeEditor TextArea.-textual-compact {
        height: 3;
        width: 1fr;
        background: $foreground 8%;
    }
    InitiativeEditor TextArea.-textual-compact:focus {
        background: $primary 20%;
    }
    InitiativeEditor SelectionList {
        width: 1fr;
        height: auto;
        max-height: 8;
    }
    InitiativeEditor #status {
        width: 24;
    }
    InitiativeEditor #estimates {
        margin-bottom: 1;
        grid-size: 5;
        grid-columns: 24 12 12 12 14;
        grid-gutter: 0 2;
        grid-rows: 1;
        height: auto;
    }
    InitiativeEditor #estimates .head {
        color: $text-muted;
        text-style: bold;
    }
    InitiativeEditor #estimates Label {
        width: 100%;
    }
    InitiativeEditor #estimates Input.-textual-compact {
        width: 100%;
    }
    InitiativeEditor #new-participant {
        width: 30;
    }
    InitiativeEditor #buttons {
        height: auto;
        padding: 0 1 0 0;
        border-top: solid $primary 30%;
    }
    InitiativeEditor #buttons Button {
        margin-left: 2;
    }
    InitiativeEditor #notice {
        width: 1fr;
        color: $text-warning;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("InitiativeEditor")

    def __init__(
        self,
        plan: Plan,
        initiative: Initiative | None = None,
        default_area: AreaId | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        """The plan the initiative belongs to; its scales and rules apply."""
        self.original = initiative
        """The initiative being edited, or None for a new one."""
        found = (
            next((i for i, item in enumerate(plan.initiatives) if item.id == initiative.id), None)
            if initiative is not None
            else None
        )
        self._index = len(plan.initiatives) if found is None else found
        """Where the initiative is (or will be) in the plan's list."""
        self._replacing = None if found is None or initiative is None else initiative.id
        self._taken = {
            item.id: item.title for i, item in enumerate(plan.initiatives) if i != self._index
        }
        """Ids of the other initiatives, with their titles."""
        self._default_area = default_area
        self._scores = _score_fields(plan)
        self._participants = self._initial_participants()
        """Everyone who can give an estimate: the plan's participants and names added here."""
        self._rows = (
            list(self._participants)
            if len(self._participants) <= ESTIMATE_ROWS_LIMIT
            else [name for name in self._participants if self._estimate_of(name) is not None]
        )
        """The participants with a row in the estimates grid, in row order."""
        self._derived_id = initiative.id if initiative is not None else ""
        self._id_follows_title = initiative is None
        self._initial_state: tuple[object, ...] | None = None
        self._discard_armed = False
        self._save_tried = False
        self._title_touched = initiative is not None
        self.result: Initiative | None = None
        """The initiative as the form stands, when it is valid; None while anything is wrong."""
        self.errors: dict[str, str] = {}
        """What is wrong, by field key (``effort``, ``estimate-1-effort``, ``general``…)."""

    # --- building the form ------------------------------------------------------------

    def _initial_participants(self) -> list[str]:
        names = list(self.plan.participants)
        known = {name.strip().casefold() for name in names}
        for estimate in self.original.estimates if self.original else []:
            if estimate.participant.strip().casefold() not in known:
                names.append(estimate.participant)
                known.add(estimate.participant.strip().casefold())
        return names

    def _estimate_of(self, participant: str) -> Estimate | None:
        if self.original is None:
            return None
        key = participant.strip().casefold()
        return next(
            (e for e in self.original.estimates if e.participant.strip().casefold() == key), None
        )

    def compose(self) -> ComposeResult:
        item = self.original
        title = "Edit initiative" if item else "New initiative"
        with Vertical(id="editor") as editor:
            editor.border_title = title
            with VerticalScroll(id="form"):
                with Horizontal(classes="row"):
                    yield Label("Title", classes="caption")
                    yield Input(
                        item.title if item else "",
                        id="title",
                        compact=True,
                        placeholder="A short name the room will recognise",
                    )
                yield Static(id="title-error", classes="error", markup=False)
                with Horizontal(classes="row"):
                    yield Label("Id", classes="caption")
                    yield Input(
                        item.id if item else "",
                        id="id",
                        compact=True,
                        placeholder="derived from the title",
                    )
                yield Static(id="id-error", classes="error", markup=False)

                yield Label("Scores", classes="section")
                for score in self._scores:
                    value = _show_number(getattr(item, score.key)) if item else ""
                    with Horizontal(classes="row score"):
                        yield Label(score.label, classes="caption")
                        yield Input(value, id=score.key, compact=True)
                        yield Static(
                            self._hint(score, value), id=f"{score.key}-hint", classes="hint"
                        )
                    yield Static(id=f"{score.key}-error", classes="error", markup=False)

                yield Label("Estimates by participant", classes="section")
                yield Static(
                    "Where participants give a score, the ranking uses their median; "
                    "the scores above count where nobody did.",
                    classes="note",
                    markup=False,
                )
                with Grid(id="estimates"):
                    yield from self._estimate_header()
                    for row, name in enumerate(self._rows):
                        yield from self._estimate_row(row, name)
                yield Static(id="estimates-error", classes="error", markup=False)
                without_row = len(self._participants) - len(self._rows)
                if without_row:
                    yield Static(
                        f"{without_row} more participants have no estimate here: "
                        "type a name below to give them a row.",
                        id="estimates-more",
                        classes="note",
                        markup=False,
                    )
                with Horizontal(classes="row"):
                    yield Label("Add participant", classes="caption")
                    yield Input(
                        id="new-participant",
                        compact=True,
                        placeholder="name, then Enter",
                        suggester=SuggestFromList(self._participants, case_sensitive=False)
                        if without_row
                        else None,
                    )

                yield Label("The case", classes="section")
                for key in ("why", "what"):
                    with Horizontal(classes="row"):
                        yield Label(key.capitalize(), classes="caption")
                        yield TextArea(
                            getattr(item, key) if item else "", id=key, soft_wrap=True, compact=True
                        )
                    yield Static(id=f"{key}-error", classes="error", markup=False)
                with Horizontal(classes="row"):
                    yield Label("Who (owner)", classes="caption")
                    yield Input(item.who if item else "", id="who", compact=True)
                with Horizontal(classes="row"):
                    yield Label("When", classes="caption")
                    yield Input(
                        item.when if item else "",
                        id="when",
                        compact=True,
                        placeholder="e.g. 2027-Q2",
                    )
                with Horizontal(classes="row"):
                    yield Label("How", classes="caption")
                    yield TextArea(item.how if item else "", id="how", soft_wrap=True, compact=True)

                yield Label("Where it belongs", classes="section")
                with Horizontal(classes="row"):
                    yield Label("Status", classes="caption")
                    yield Select(
                        [(label, key) for key, label in STATUS_LABELS.items()],
                        value=item.status if item else "idea",
                        allow_blank=False,
                        id="status",
                        compact=True,
                    )
                with Horizontal(classes="row"):
                    yield Label("Areas", classes="caption")
                    chosen = (
                        set(item.areas)
                        if item
                        else ({self._default_area} if self._default_area else set())
                    )
                    yield SelectionList[str](
                        *(
                            Selection[str](Content(f"{a.number}. {a.name}"), a.id, a.id in chosen)
                            for a in AREAS
                        ),
                        id="areas",
                        compact=True,
                    )
                yield Static(id="areas-error", classes="error", markup=False)
                with Horizontal(classes="row"):
                    yield Label("Depends on", classes="caption")
                    deps = set(item.depends_on) if item else set()
                    others = [i for n, i in enumerate(self.plan.initiatives) if n != self._index]
                    if others:
                        yield SelectionList[str](
                            *(Selection(Content(o.title), o.id, o.id in deps) for o in others),
                            id="depends_on",
                            compact=True,
                        )
                    else:
                        yield Static(Content("(no other initiatives yet)").stylize("dim"))
                yield Static(id="depends_on-error", classes="error", markup=False)
                yield Static(id="general-error", classes="error", markup=False)
            with Horizontal(id="buttons"):
                yield Static(id="notice", markup=False)
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Save", id="save", variant="primary", compact=True)
        yield KeyFooter()

    def _estimate_header(self) -> Iterable[Label]:
        yield Label("Participant", classes="head")
        for key in ESTIMATE_FIELDS:
            score = next(s for s in self._scores if s.key == key)
            label = "Value" if key == "customer_value" else score.label
            if score.scale is not None:
                label += f" {score.scale.min}–{score.scale.max}"
            yield Label(label, classes="head")

    def _estimate_row(self, row: int, name: str) -> Iterable[Label | Input]:
        estimate = self._estimate_of(name)
        yield Label(Content(name), id=f"estimate-{row}-name")
        for key in ESTIMATE_FIELDS:
            value = _show_number(getattr(estimate, key)) if estimate else ""
            yield Input(value, id=f"estimate-{row}-{key}", compact=True)

    def _hint(self, score: ScoreField, text: str) -> Content:
        if score.scale is not None:
            return anchor_hint(score.scale, text)
        return Content(score.hint).stylize("dim")

    def _show_hints(self, estimated: dict[str, list[float]]) -> None:
        """Each score's hint; where participants estimated it, that their median decides."""
        for score in self._scores:
            hint = self.query_one(f"#{score.key}-hint", Static)
            values = estimated.get(score.key)
            if values:
                median = _show_number(round(statistics.median(values), 2))
                count = len(values)
                hint.update(
                    Content.assemble(
                        ("estimates decide: ", "bold"),
                        f"median {median} of {count} estimate{'s' if count != 1 else ''}",
                        (" · used instead of this score", "dim"),
                    )
                )
            else:
                hint.update(self._hint(score, self._text(score.key)))
            hint.set_class(bool(values), "-overridden")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self._check()
        self._initial_state = self._raw_state()

    # --- reading the form -------------------------------------------------------------

    def _text(self, widget_id: str) -> str:
        widget = self.query_one(f"#{widget_id}")
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    def _selected(self, widget_id: str) -> list[str]:
        lists = self.query(f"#{widget_id}").results(SelectionList)
        return [str(value) for widget in lists for value in widget.selected]

    def _raw_state(self) -> tuple[object, ...]:
        inputs = tuple(
            widget.value for widget in self.query(Input) if widget.id != "new-participant"
        )
        areas = tuple(widget.text for widget in self.query(TextArea))
        lists = tuple(tuple(widget.selected) for widget in self.query(SelectionList))
        return (*inputs, *areas, *lists, self.query_one("#status", Select).value)

    @property
    def modified(self) -> bool:
        """Whether anything in the form differs from how it opened."""
        return self._initial_state is not None and self._raw_state() != self._initial_state

    def _check(self) -> Initiative | None:
        """Build the initiative from the form, show every problem, return it when valid."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = self.original.model_dump() if self.original else {}
        data["title"] = self._text("title")
        data["id"] = self._text("id").strip()
        for key in TEXT_FIELDS + LINE_FIELDS:
            data[key] = self._text(key)
        status = self.query_one("#status", Select).value
        data["status"] = status if isinstance(status, str) else "idea"
        data["areas"] = in_kept_order(data.get("areas", []), self._selected("areas"))
        data["depends_on"] = in_kept_order(data.get("depends_on", []), self._selected("depends_on"))
        for score in self._scores:
            try:
                data[score.key] = self._read_score(score.key, self._text(score.key))
            except ValueError as error:
                errors[score.key] = str(error)
                data[score.key] = None

        estimates: list[dict[str, Any]] = []
        rows_of_estimates: list[int] = []
        estimated: dict[str, list[float]] = {}
        for row, name in enumerate(self._rows):
            previous = self._estimate_of(name)
            values: dict[str, Any] = {"participant": name}
            if previous is not None and previous.reach is not None:
                values["reach"] = previous.reach
            for key in ESTIMATE_FIELDS:
                try:
                    number = self._read_score(key, self._text(f"estimate-{row}-{key}"))
                except ValueError as error:
                    errors[f"estimate-{row}-{key}"] = f"{name}, {key.replace('_', ' ')}: {error}"
                    number = None
                if number is not None:
                    values[key] = number
                    estimated.setdefault(key, []).append(number)
            if len(values) > 1:
                estimates.append(values)
                rows_of_estimates.append(row)
        data["estimates"] = estimates

        initiative: Initiative | None = None
        try:
            initiative = Initiative.model_validate(data)
        except ValidationError as error:
            for item in error.errors(include_url=False):
                self._place(errors, tuple(item["loc"]), friendly_message(item), rows_of_estimates)

        if initiative is not None and initiative.id in self._taken:
            errors["id"] = f"the id {initiative.id!r} is taken by {self._taken[initiative.id]!r}"
            initiative = None
        if initiative is not None:
            candidate = with_initiative(self.plan, initiative, self._replacing)
            cycle = dependency_cycle(candidate.initiatives)
            for loc, message in plan_rule_problems(candidate):
                if cycle and loc[2:] == ("depends_on",) and message.startswith(CYCLE_PREFIX):
                    # Through this initiative (the plan had no cycle before): name it here,
                    # by the titles the room knows.
                    titles = {**self._taken, initiative.id: initiative.title}
                    names = [titles.get(i, i) for i in [*cycle, cycle[0]]]
                    errors.setdefault("depends_on", CYCLE_PREFIX + " → ".join(names))
                elif loc[:2] == ("initiatives", self._index):
                    self._place(errors, loc[2:], message, rows_of_estimates)
                elif loc[:1] == ("initiatives",) and loc[2:3] == ("id",):
                    errors.setdefault("id", message)
                else:
                    errors.setdefault("general", message)

        self.errors = errors
        self._show_hints(estimated)
        self._show_errors(errors)
        self.result = initiative if not errors else None
        return self.result

    def _read_score(self, key: str, text: str) -> float | None:
        """The number typed for a score, checked against its scale; ValueError says why not."""
        value = read_number(text)
        if value is None:
            return None
        score = next(s for s in self._scores if s.key == key)
        shown = _show_number(value)
        if score.scale is not None and not score.scale.min <= value <= score.scale.max:
            raise ValueError(
                f"expected a score from {score.scale.min} to {score.scale.max}, got {shown}"
            )
        if key == "confidence" and not 0 <= value <= 100:
            raise ValueError(f"expected a share from 0 to 100 %, got {shown}")
        if key == "reach" and value < 0:
            raise ValueError(f"expected a number of at least 0, got {shown}")
        return value

    def _place(
        self, errors: dict[str, str], loc: Loc, message: str, rows_of_estimates: list[int]
    ) -> None:
        if not loc:
            errors.setdefault("general", message)
            return
        field = str(loc[0])
        if field == "estimates" and len(loc) >= 2 and isinstance(loc[1], int):
            row = rows_of_estimates[loc[1]] if loc[1] < len(rows_of_estimates) else 0
            part = str(loc[2]) if len(loc) > 2 else "participant"
            name = self._rows[row] if row < len(self._rows) else "?"
            key = f"estimate-{row}-{part}" if part in ESTIMATE_FIELDS else f"estimate-{row}-name"
            errors.setdefault(key, f"{name}, {part.replace('_', ' ')}: {message}")
        elif field in {"title", "id", "areas", "depends_on", *SCORE_FIELDS, *TEXT_FIELDS}:
            errors.setdefault(field, message)
        else:
            errors.setdefault("general", f"{field.replace('_', ' ')}: {message}")

    def _show_errors(self, errors: dict[str, str]) -> None:
        if not (self._save_tried or self._title_touched):
            # A new, still empty form: no need to say the title (and so the id) is missing yet.
            errors = {key: message for key, message in errors.items() if key not in ("title", "id")}
        for static in self.query(".error").results(Static):
            key = (static.id or "").removesuffix("-error")
            if key == "estimates":
                message = "\n".join(v for k, v in errors.items() if k.startswith("estimate-"))
            else:
                message = errors.get(key, "")
            static.update(Content(message))
            static.set_class(bool(message), "-shown")
        for widget in self.query(Input):
            widget.set_class(bool(widget.id and widget.id in errors), "-invalid")
        count = len(errors)
        notice = self.query_one("#notice", Static)
        if count:
            notice.update(
                Content(f"{count} problem{'s' if count != 1 else ''} to fix before saving")
            )
        elif not self._discard_armed:
            notice.update(Content(""))

    # --- reacting to edits ------------------------------------------------------------

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        widget_id = event.input.id or ""
        if widget_id == "new-participant":
            return
        if widget_id == "title" and event.value:
            self._title_touched = True
        if widget_id == "title" and self._id_follows_title:
            self._derived_id = unique_slug(event.value, self._taken)
            id_input = self.query_one("#id", Input)
            if id_input.value != self._derived_id:
                id_input.value = self._derived_id
        elif widget_id == "id" and self.original is None:
            # The field as it is now, not the event's value: when the title is typed fast,
            # Changed events for ids set along the way arrive after newer ones were set,
            # and must not read as the user taking the id over.
            self._id_follows_title = event.input.value == self._derived_id
        self._edited()

    @on(TextArea.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Select.Changed)
    def _other_changed(self) -> None:
        self._edited()

    def _edited(self) -> None:
        self._discard_armed = False
        self._check()

    @on(Input.Submitted, "#new-participant")
    async def _add_participant(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            return
        if name.casefold() in {p.strip().casefold() for p in self._rows}:
            self.query_one("#notice", Static).update(Content(f"{name} already has a row"))
            return
        known = next(
            (p for p in self._participants if p.strip().casefold() == name.casefold()), None
        )
        if known is None:
            self._participants.append(name)
        else:
            name = known
        row = len(self._rows)
        self._rows.append(name)
        await self.query_one("#estimates", Grid).mount_all(list(self._estimate_row(row, name)))
        event.input.value = ""
        self.query_one(f"#estimate-{row}-effort", Input).focus()
        self._check()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "new-participant":
            self.focus_next()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    # --- actions ----------------------------------------------------------------------

    def action_save(self) -> None:
        """Dismiss with the initiative if it is valid; otherwise point at the problem."""
        self._save_tried = True
        initiative = self._check()
        if initiative is None:
            self._go_to_first_problem()
            self.app.bell()
            return
        self.dismiss(initiative)

    def _go_to_first_problem(self) -> None:
        """Focus the highest field with a problem and scroll its message into view."""
        shown = [s for s in self.query(".error").results(Static) if s.has_class("-shown")]
        if not shown:
            return
        message = shown[0]
        key = (message.id or "").removesuffix("-error")
        if key == "estimates":
            key = next((k for k in self.errors if k.startswith("estimate-")), key)
        field = self.query(f"#{key}")
        if key != "general" and field and field.first().focusable:
            field.first().focus(scroll_visible=False)
        form = self.query_one("#form", VerticalScroll)

        def scroll(target: Widget) -> None:
            form.scroll_to_widget(target, animate=False, immediate=True)

        # After the layout has made room for the message: the field first, then its message.
        if field:
            self.call_after_refresh(scroll, field.first())
        self.call_after_refresh(scroll, message)

    def action_cancel(self) -> None:
        """Close without saving; asks for a second Escape when something was typed."""
        if self.modified and not self._discard_armed:
            self._discard_armed = True
            self.query_one("#notice", Static).update(
                Content("Unsaved changes: press Escape again to discard them, Ctrl+S to save")
            )
            return
        self.dismiss(None)

    @property
    def participants(self) -> list[str]:
        """Everyone who can give an estimate, including names added here."""
        return list(self._participants)

    @property
    def rows(self) -> list[str]:
        """The participants with a row in the estimates grid."""
        return list(self._rows)
