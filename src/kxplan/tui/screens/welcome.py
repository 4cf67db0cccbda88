"""Where kxplan starts: a new plan from a template, a recent plan, or the example."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from kxplan import i18n, templates
from kxplan.i18n import N_, Language, _
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter

TAGLINE = N_(
    "Plan a customer-experience strategy together: where you are today, where you want "
    "to be, and how you get there — area by area, then prioritise and anchor it."
)


@dataclass(frozen=True, slots=True)
class FromTemplate:
    """Start a new plan from the template ``name``."""

    name: str


@dataclass(frozen=True, slots=True)
class OpenExample:
    """Open the built-in example, in memory only."""


@dataclass(frozen=True, slots=True)
class OpenFile:
    """Ask for the path of a plan file and open it."""


@dataclass(frozen=True, slots=True)
class OpenRecent:
    """Open the recent plan at ``path``."""

    path: Path


OpenChoice = FromTemplate | OpenExample | OpenFile | OpenRecent
"""What the welcome screen answers with."""


def template_options() -> list[Option]:
    """One option per starter template, its id ``template:<name>``: those in the app's
    language first (the blank one at the top), then the others."""
    ordered = sorted(templates.list_templates(), key=lambda t: t.language != i18n.current())
    return [Option(_two_part(t.name, t.description), id=f"template:{t.name}") for t in ordered]


def choice_of(option_id: str) -> OpenChoice | None:
    """The choice an option of the welcome screen stands for (None for a heading)."""
    if option_id.startswith("template:"):
        return FromTemplate(option_id.removeprefix("template:"))
    if option_id.startswith("recent:"):
        return OpenRecent(Path(option_id.removeprefix("recent:")))
    named: dict[str, OpenChoice] = {"example": OpenExample(), "open-file": OpenFile()}
    return named.get(option_id)


def _two_part(name: str, detail: str) -> Text:
    text = Text(name, style="bold")
    if detail:
        text.append("  " + detail, style="dim")
    return text


class WelcomeScreen(Screen[None]):
    """Start here: pick a template, a recent plan, the example, or a file."""

    class Chosen(Message):
        """The user chose how to start: a template, the example, a file or a recent plan."""

        def __init__(self, choice: OpenChoice) -> None:
            super().__init__()
            self.choice = choice
            """What was chosen."""

    def __init__(self, recent: Sequence[Path] = ()) -> None:
        super().__init__()
        self.recent = tuple(recent)
        self.sub_title = _("welcome")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome"):
            yield Label("kxplan", classes="screen-title")
            yield Static(Text(_(TAGLINE)), classes="purpose")
            options: list[Option | None] = [
                Option(Text(_("Start a new plan"), style="bold underline"), disabled=True),
                *template_options(),
                None,
                Option(Text(_("Open"), style="bold underline"), disabled=True),
                Option(
                    _two_part(
                        _("The built-in example"),
                        _("a worked plan to explore; saving asks for a file"),
                    ),
                    id="example",
                ),
                Option(_two_part(_("A plan file…"), _("type its path")), id="open-file"),
            ]
            if self.recent:
                options.append(None)
                heading = Text(_("Recent plans"), style="bold underline")
                options.append(Option(heading, disabled=True))
                options.extend(
                    Option(_two_part(path.name, str(path.parent)), id=f"recent:{path}")
                    for path in self.recent
                )
            yield OptionList(*options, id="welcome-options")
            yield Static(
                Text(_("enter opens · f1 help · ctrl+p commands · ctrl+q quit")), classes="hint"
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.focus()
        option_list.highlighted = 1

    @on(OptionList.OptionSelected, "#welcome-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = choice_of(event.option.id or "")
        if choice is not None:
            self.post_message(self.Chosen(choice))


class TemplatePicker(ModalScreen[FromTemplate | None]):
    """Choose the template a new plan at ``path`` starts from."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("TemplatePicker")

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="template-picker"):
            title = _("New plan: {file}").format(file=self.path.name)
            yield Label(Text(title), classes="dialog-title")
            yield Static(
                Text(
                    _("{path} does not exist yet. Start it from which template?").format(
                        path=self.path
                    )
                ),
                classes="hint",
            )
            yield OptionList(*template_options(), id="template-options")
        yield KeyFooter()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = choice_of(event.option.id or "")
        if isinstance(choice, FromTemplate):
            self.dismiss(choice)

    def action_cancel(self) -> None:
        """No template: do not create the plan."""
        self.dismiss(None)


def template_language(name: str) -> Language:
    """The language a new plan from template ``name`` is offered in: the template's own
    (English when it says none, as its text is), else the app's."""
    try:
        return templates.load_template(name).document_language
    except (LookupError, ValueError, OSError):
        return i18n.current()


class NewPlanDialog(ModalScreen[Language | None]):
    """The new plan's language (its documents' language), before the plan is made."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("NewPlanDialog")

    def __init__(self, template: str, language: Language) -> None:
        super().__init__()
        self.template = template
        self.language: Language = language
        """The language offered first."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="new-plan"):
            title = _("New plan from the template {name}").format(name=self.template)
            yield Label(Text(title), classes="dialog-title")
            yield Static(
                Text(_("Which language is the plan written in? Its documents follow it.")),
                classes="hint",
            )
            yield OptionList(
                *(Option(name, id=f"language:{code}") for code, name in i18n.LANGUAGES.items()),
                id="new-plan-languages",
            )
            mixed = Static(id="new-plan-mixed", classes="hint")
            mixed.display = False  # until a language other than the template's is highlighted
            yield mixed
            yield Static(Text(_("enter starts the plan · escape goes back")), classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(i18n.LANGUAGES).index(self.language)
        options.focus()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Say so when the language highlighted is not the template's own."""
        found = i18n.known((event.option.id or "").removeprefix("language:"))
        mixed = templates.mixed_languages(self.template, found) if found else None
        note = self.query_one("#new-plan-mixed", Static)
        note.update(Text(mixed or ""))
        note.display = mixed is not None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        found = i18n.known((event.option.id or "").removeprefix("language:"))
        if found is not None:
            self.dismiss(found)

    def action_cancel(self) -> None:
        """No plan after all."""
        self.dismiss(None)
