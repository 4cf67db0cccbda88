"""Where kxplan starts: a new plan from a template, a recent plan, or the example."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from kxplan import templates
from kxplan.tui.widgets.key_footer import KeyFooter

TAGLINE = (
    "Plan a customer-experience strategy together: where you are today, where you want "
    "to be, and how you get there — area by area, then prioritise and anchor it."
)


def template_options() -> list[Option]:
    """One option per starter template: ``template:<name>``."""
    return [
        Option(_two_part(t.name, t.description), id=f"template:{t.name}")
        for t in templates.list_templates()
    ]


def _two_part(name: str, detail: str) -> Text:
    text = Text(name, style="bold")
    if detail:
        text.append("  " + detail, style="dim")
    return text


class WelcomeScreen(Screen[None]):
    """Start here: pick a template, a recent plan, the example, or a file."""

    class Chosen(Message):
        """The user chose: ``template:<name>``, ``example``, ``open-file`` or ``recent:<path>``."""

        def __init__(self, choice: str) -> None:
            super().__init__()
            self.choice = choice

    def __init__(self, recent: Sequence[Path] = ()) -> None:
        super().__init__()
        self.recent = tuple(recent)
        self.sub_title = "welcome"

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome"):
            yield Label("kxplan", classes="screen-title")
            yield Static(Text(TAGLINE), classes="purpose")
            options: list[Option | None] = [
                Option(Text("Start a new plan", style="bold underline"), disabled=True),
                *template_options(),
                None,
                Option(Text("Open", style="bold underline"), disabled=True),
                Option(
                    _two_part(
                        "The built-in example", "a worked plan to explore; saving asks for a file"
                    ),
                    id="example",
                ),
                Option(_two_part("A plan file…", "type its path"), id="open-file"),
            ]
            if self.recent:
                options.append(None)
                options.append(Option(Text("Recent plans", style="bold underline"), disabled=True))
                options.extend(
                    Option(_two_part(path.name, str(path.parent)), id=f"recent:{path}")
                    for path in self.recent
                )
            yield OptionList(*options, id="welcome-options")
            yield Static(
                Text("enter opens · f1 help · ctrl+p commands · ctrl+q quit"), classes="hint"
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.focus()
        option_list.highlighted = 1

    @on(OptionList.OptionSelected, "#welcome-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.option.id or ""))


class TemplatePicker(ModalScreen[str | None]):
    """Choose the template a new plan at ``path`` starts from."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="template-picker"):
            yield Label(Text(f"New plan: {self.path.name}"), classes="dialog-title")
            yield Static(
                Text(f"{self.path} does not exist yet. Start it from which template?"),
                classes="hint",
            )
            yield OptionList(*template_options(), id="template-options")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((event.option.id or "").removeprefix("template:"))

    def action_cancel(self) -> None:
        """No template: do not create the plan."""
        self.dismiss(None)
