"""The room's dialogs: start a round, start a dot vote, and the ideas inbox."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.room import questions
from kxplan.room.activities import DEFAULT_SCORES, IDEA_KINDS, Idea
from kxplan.tui.keys import bindings_for


@dataclass(frozen=True, slots=True)
class RoundChoice:
    """What a new round asks about."""

    initiatives: tuple[str, ...]
    scores: tuple[str, ...]
    """Scores, and the plan's criteria as ``criteria.<id>``."""
    raters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Question → who may rate it (a question not listed: everyone), e.g. only the
    delivery people rate effort."""


@dataclass(frozen=True, slots=True)
class DotsChoice:
    """How a dot vote runs."""

    dots: int
    initiatives: tuple[str, ...]
    anonymous: bool
    question: str = ""


def _initiatives(plan: Plan, chosen: tuple[str, ...]) -> SelectionList[str]:
    return SelectionList[str](
        *((Text(item.title), item.id, item.id in chosen) for item in plan.initiatives),
        id="initiatives",
    )


class RoundSetup(ModalScreen[RoundChoice | None]):
    """Pick the initiatives and the scores of a new round."""

    DEFAULT_CSS = """
    RoundSetup SelectionList, DotsSetup SelectionList { height: auto; max-height: 8; }
    RoundSetup #round-columns { height: auto; }
    RoundSetup #round-columns > Vertical { height: auto; width: 1fr; }
    RoundSetup #raters-score { width: 1fr; }
    IdeasInbox OptionList { height: auto; max-height: 16; }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("RoundSetup")

    def __init__(self, plan: Plan, chosen: tuple[str, ...]) -> None:
        super().__init__()
        self.plan = plan
        self.chosen = chosen
        self.raters: dict[str, tuple[str, ...]] = {}
        """Question → who rates it, for the questions limited so far."""
        self.rating = "effort"
        """The question the list of raters shows."""

    def compose(self) -> ComposeResult:
        asked = questions.askable(self.plan)
        with Vertical(classes="dialog", id="round-setup"):
            yield Label(
                _("New round: answers stay hidden until you reveal them"), classes="dialog-title"
            )
            yield Static(
                _(
                    "Initiatives (space ticks; one for a live round, several to go at their "
                    "own pace)"
                ),
                classes="hint",
            )
            yield _initiatives(self.plan, self.chosen)
            with Horizontal(id="round-columns"):
                with Vertical():
                    yield Static(_("Scores asked"), classes="hint")
                    yield SelectionList[str](
                        *(
                            (Text(questions.label(self.plan, k)), k, k in DEFAULT_SCORES)
                            for k in asked
                        ),
                        id="scores",
                    )
                if self.plan.participants:
                    with Vertical():
                        yield Static(_("Who rates"), classes="hint")
                        yield Select[str](
                            ((questions.label(self.plan, k), k) for k in asked),
                            value=self.rating,
                            allow_blank=False,
                            compact=True,
                            id="raters-score",
                        )
                        yield SelectionList[str](
                            *((Text(name), name, True) for name in self.plan.participants),
                            id="raters",
                        )
                        yield Static(_("Everyone rates every score."), id="raters-summary")
            yield Static("", id="setup-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Start round"), variant="primary", id="ok", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    @on(Select.Changed, "#raters-score")
    def _show_raters(self, event: Select.Changed) -> None:
        """Show who rates the question chosen, to tick or untick them."""
        if not isinstance(event.value, str) or event.value == self.rating:
            return
        self.rating = event.value
        listed = self.query_one("#raters", SelectionList)
        who = self.raters.get(self.rating, tuple(self.plan.participants))
        with listed.prevent(SelectionList.SelectedChanged):
            listed.deselect_all()
            for name in who:
                listed.select(name)

    @on(SelectionList.SelectedChanged, "#raters")
    def _raters_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        chosen = set(event.selection_list.selected)
        if chosen >= set(self.plan.participants):
            self.raters.pop(self.rating, None)
        else:
            self.raters[self.rating] = tuple(n for n in self.plan.participants if n in chosen)
        self.query_one("#raters-summary", Static).update(Text(self._summary()))

    def _summary(self) -> str:
        if not self.raters:
            return _("Everyone rates every score.")
        return "; ".join(
            f"{questions.label(self.plan, k)}: {', '.join(names) or _('nobody')}"
            for k, names in self.raters.items()
        )

    @on(Button.Pressed, "#ok")
    def action_start(self) -> None:
        """Start the round with what is ticked."""
        items = tuple(self.query_one("#initiatives", SelectionList).selected)
        ticked = self.query_one("#scores", SelectionList).selected
        scores = tuple(s for s in questions.askable(self.plan) if s in ticked)
        error = self.query_one("#setup-error", Static)
        if not items or not scores:
            error.update(_("Tick at least one initiative and one score."))
            return
        raters = {k: names for k, names in self.raters.items() if k in scores}
        nobody = next((k for k, names in raters.items() if not names), None)
        if nobody is not None:
            label = questions.label(self.plan, nobody)
            error.update(
                Text(
                    _("Tick at least one person to rate {question}, or leave it out.").format(
                        question=label
                    )
                )
            )
            return
        self.dismiss(RoundChoice(items, scores, raters))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without starting a round."""
        self.dismiss(None)


class DotsSetup(ModalScreen[DotsChoice | None]):
    """How many dots each participant gets, and over which initiatives."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("DotsSetup")

    def __init__(self, plan: Plan, chosen: tuple[str, ...]) -> None:
        super().__init__()
        self.plan = plan
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="dots-setup"):
            yield Label(_("Dot voting"), classes="dialog-title")
            yield Static(_("Dots each (1–100)"), classes="hint")
            yield Input("3", id="dots", type="integer")
            yield Checkbox(_("Anonymous: the results show counts, not names"), True, id="anonymous")
            yield Static(_("Question (optional, shown on the phones)"), classes="hint")
            yield Input("", id="question", placeholder=_("e.g. Which should we start first?"))
            yield Static(_("Initiatives to vote on"), classes="hint")
            yield _initiatives(self.plan, self.chosen)
            yield Static("", id="setup-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Start vote"), variant="primary", id="ok", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    @on(Button.Pressed, "#ok")
    @on(Input.Submitted)
    def action_start(self) -> None:
        """Start the vote."""
        text = self.query_one("#dots", Input).value.strip()
        question = " ".join(self.query_one("#question", Input).value.split())
        items = tuple(self.query_one("#initiatives", SelectionList).selected)
        error = self.query_one("#setup-error", Static)
        if not text.isdigit() or not 1 <= int(text) <= 100:
            error.update(_("Give each participant from 1 to 100 dots."))
            return
        if not items:
            error.update(_("Tick at least one initiative."))
            return
        anonymous = self.query_one("#anonymous", Checkbox).value
        self.dismiss(DotsChoice(int(text), items, anonymous, question))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without a vote."""
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class IdeaDecision:
    """What the facilitator does with an idea."""

    idea: int
    verdict: str
    """accept, merge or discard."""


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def idea_text(idea: Idea) -> Text:
    """One idea in the inbox, shown literally."""
    text = Text()
    text.append(f"[{_(IDEA_KINDS.label(idea.kind))}] ", style="dim")
    text.append(_short(idea.title, 80), style="bold")
    if idea.text:
        text.append(f" — {_short(idea.text, 140)}")
    status = {"new": _("new"), "accepted": _("accepted"), "merged": _("merged")}
    status["discarded"] = _("discarded")
    text.append(f"  ({idea.by}; {status.get(idea.status, idea.status)})", style="dim")

    return text


class IdeasInbox(ModalScreen[IdeaDecision | None]):
    """The ideas phones have sent: accept one, merge it into an initiative, or discard it."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("IdeasInbox")

    def __init__(self, ideas: list[Idea]) -> None:
        super().__init__()
        self.ideas = ideas

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="ideas-inbox"):
            yield Label(_("Ideas from the room"), classes="dialog-title")
            yield Static(
                _(
                    "a accept (becomes an initiative or a row) · m merge into an initiative · "
                    "x discard · escape close"
                ),
                classes="hint",
            )
            yield OptionList(
                *(
                    Option(idea_text(i), id=str(i.number), disabled=i.status != "new")
                    for i in self.ideas
                ),
                id="ideas",
            )

    def _decide(self, verdict: str) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        option = options.get_option_at_index(options.highlighted)
        if option.disabled or option.id is None:
            return
        self.dismiss(IdeaDecision(int(option.id), verdict))

    def action_accept(self) -> None:
        """Accept the highlighted idea."""
        self._decide("accept")

    def action_merge(self) -> None:
        """Merge the highlighted idea into an initiative."""
        self._decide("merge")

    def action_discard(self) -> None:
        """Discard the highlighted idea."""
        self._decide("discard")

    def action_cancel(self) -> None:
        """Close the inbox."""
        self.dismiss(None)


class PickInitiative(ModalScreen[str | None]):
    """Choose the initiative an idea merges into."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("PickInitiative")

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-initiative"):
            yield Label(_("Merge into which initiative?"), classes="dialog-title")
            yield OptionList(
                *(Option(Text(item.title), id=item.id) for item in self.plan.initiatives)
            )

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without merging."""
        self.dismiss(None)
