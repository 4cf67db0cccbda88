"""Every key and action kxplan answers to, once: the bindings, the help and the palette read it.

An :class:`Action` names the key (as Textual spells it), the action it runs, the class
whose bindings hold it (``where``), the words the footer, the help screen and the command
palette show, and the help section it is listed under. Plain data, no Textual: the
bindings are built from it in :mod:`kxplan.tui.keys`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from kxplan.i18n import N_
from kxplan.tui.walk_steps import STEPS

if TYPE_CHECKING:
    from kxplan.reports.formats import Format


class Section(StrEnum):
    """The help screen's headings, in the order it shows them."""

    ANYWHERE = "Anywhere"
    WALK = "The walk"
    TABLE = "In a table, or on its step outside text fields"
    PRIORITISATION = "Prioritisation step"
    VERSIONS = "Versions and exports"
    ROOM = "The room"
    FORM = "In a form"


TEXTUAL: Final = "textual"
"""``where`` for keys Textual itself binds (the palette, moving the focus)."""


@dataclass(frozen=True, slots=True)
class Action:
    """One key (or palette command) and what it does."""

    keys: str
    """The key as Textual spells it, several separated by commas ("" for palette only)."""
    action: str
    """The action it runs, e.g. ``save`` or ``go_to(3)``."""
    where: str
    """The class whose bindings hold it (``KxplanApp``, ``WalkScreen``, ``AreaTable``…)."""
    label: str = ""
    """The footer's word for it."""
    description: str = ""
    """What it does, as the help screen says it."""
    section: Section | None = None
    """The help section listing it; None keeps it out of the help."""
    shown_keys: str = ""
    """The keys as the help writes them, when not just ``keys`` ("f1 or ?")."""
    show: bool = True
    """Whether the footer shows it."""
    priority: bool = False
    key_display: str | None = None
    palette: str = ""
    """The command palette's name for it ("" when the palette does not offer it)."""
    palette_help: str = ""
    """The palette's line under the name, when not the description."""
    needs_plan: bool = False
    """The palette offers it only while a plan is open."""

    @property
    def help_keys(self) -> str:
        """The keys as the help screen shows them."""
        return self.shown_keys or self.keys

    @property
    def name(self) -> str:
        """The action's name without its parameters: ``go_to`` for ``go_to(3)``."""
        return self.action.split("(", 1)[0]


def _go_to(index: int) -> Action:
    info = STEPS[index]
    swedish = f" · {info.name_sv}" if info.name_sv else ""
    return Action(
        str(index),
        f"go_to({index})",
        "WalkScreen",
        show=False,
        section=Section.WALK if index == 0 else None,
        shown_keys=f"0 … {len(STEPS) - 1}",
        description=f"Jump to a step (outside text fields): 0 {STEPS[0].short} … "
        f"{len(STEPS) - 1} {STEPS[-1].short}",
        palette=f"Go to {index} {info.name}{swedish}",
        palette_help=f"Show the {info.name} step of the walk (key {index})",
    )


EXPORT_NAMES: Final[dict[Format, str]] = {
    "markdown": "Markdown",
    "html": "HTML",
    "csv": "CSV",
    "json": "JSON",
}
"""The export formats as the command palette and the messages name them."""


def _export(fmt: Format, name: str) -> Action:
    return Action(
        "",
        f"export('{fmt}')",
        "KxplanApp",
        palette=f"Export {name}",
        palette_help=f"Write the plan as {name} next to its file",
        needs_plan=True,
    )


A, W, S = Section.ANYWHERE, Section.WALK, Section.TABLE
P, V, F = Section.PRIORITISATION, Section.VERSIONS, Section.FORM
R = Section.ROOM

# fmt: off
ACTIONS: Final[tuple[Action, ...]] = (
    # --- anywhere -----------------------------------------------------------------------
    Action("ctrl+s", "save", "KxplanApp", "Save",
           "Save the plan to its file (asks for a path the first time); in a form, keep it",
           A, palette="Save", priority=True),
    Action("f2", "save_as", "KxplanApp", "Save as", "Save as: write the plan to a new file", A,
           show=False, palette="Save as…", palette_help="Write the plan to a new file"),
    Action("ctrl+o", "open", "KxplanApp", "Open",
           "Back to the welcome screen to open or start another plan", A, show=False,
           palette="Open…", palette_help="Back to the welcome screen: templates, recent plans"),
    Action("", "open_file", "KxplanApp", palette="Open a plan file…",
           palette_help="Type the path of a plan to open"),
    Action("ctrl+q", "quit", "KxplanApp", "Quit",
           "Quit (asks first when there are unsaved changes)", A, priority=True),
    Action("ctrl+p", "command_palette", TEXTUAL,
           description="Command palette: every action, and each step by name", section=A),
    Action("ctrl+t", "toggle_theme", "KxplanApp", "Theme",
           "Switch between the dark and the light theme", A, show=False,
           palette="Toggle light/dark theme"),
    Action("f1", "help", "KxplanApp", "Help", "This help (f1 also in forms and dialogs)", A,
           shown_keys="f1 or ?", priority=True, palette="Help: keys",
           palette_help="Every key kxplan answers to"),
    Action("question_mark", "help", "KxplanApp", "Help", show=False),
    Action("f12", "screenshot_beside_plan", "KxplanApp", "Screenshot",
           "Screenshot: save the screen as a picture (SVG) beside the plan file", A, show=False,
           palette="Screenshot", palette_help="Save the screen as SVG beside the plan file"),
    # --- the walk -----------------------------------------------------------------------
    Action("pagedown", "next_step", "WalkScreen", "Next", "Next step", W, priority=True,
           key_display="PgDn", palette="Next step", palette_help="Go on to the next step"),
    Action("pageup", "previous_step", "WalkScreen", "Prev", "Previous step", W, priority=True,
           key_display="PgUp", palette="Previous step", palette_help="Go back a step"),
    Action("ctrl+right", "next_step", "WalkScreen", "Next step",
           "Next / previous step (outside text fields)", W, shown_keys="ctrl+right / ctrl+left",
           show=False),
    Action("ctrl+left", "previous_step", "WalkScreen", "Prev step", show=False),
    *(_go_to(index) for index in range(len(STEPS))),
    Action("tab,shift+tab", "focus_next", TEXTUAL,
           description="Move between fields, notes and tables", section=W,
           shown_keys="tab / shift+tab"),
    Action("escape", "leave_field", "WalkScreen", "Leave field",
           "Leave a text field or table: the step keys (0 … 8, i, a e d) work again", W,
           show=False),
    Action("i", "add_initiative", "WalkScreen", "Initiative",
           "Capture an initiative, for this step's area if it has one (outside text fields)", W,
           palette="Add an initiative", palette_help="Capture an initiative for this area"),
    Action("v", "toggle_view", "WalkScreen", "Ranking/matrix",
           "Switch between the ranking and the effort/impact matrix", P,
           palette="Ranking / matrix", palette_help="Prioritisation: switch the view"),
    Action("f4", "timebox", "WalkScreen", "Timebox",
           "Set a timebox for this step, in minutes (0 clears it)", W, palette="Timebox this step",
           palette_help="Set a countdown for this step"),
    Action("q", "toggle_guide", "AreaStep", "Questions", "Show or hide the area's guiding "
           "questions (outside text fields); on Prioritisation: the questions, maturity and "
           "notes", W, show=False),
    Action("f3", "full_screen", "NotesArea", "Full screen",
           "In a note: open it full screen, for the projector (escape or ctrl+s goes back)", W),
    Action("escape", "close", "NoteScreen", "Back"),
    Action("ctrl+s", "close", "NoteScreen", "Back", show=False, priority=True),
    # --- an area's tables ---------------------------------------------------------------
    Action("a", "add_row", "AreaTable", "Add row", "Add a row (opens a form)", S),
    Action("e", "edit_row", "AreaTable", "Edit row", "Edit the row under the cursor", S,
           shown_keys="e or enter"),
    Action("d,delete", "delete_row", "AreaTable", "Delete row",
           "Delete the row under the cursor (asks first)", S, shown_keys="d or delete"),
    Action("home", "scroll_top", "AreaTable", "First row", "First / last row", S,
           shown_keys="home / end", show=False),
    Action("end", "scroll_bottom", "AreaTable", "Last row", show=False),
    Action("r", "add_reading", "AreaTable", N_("Reading"),
           N_("KPI table: add a reading (date, value, source, note) to the KPI under the "
              "cursor"), S, show=False),
    Action("r", "add_reading", "AreaStep", N_("Reading"), show=False),
    Action("a", "table('add_row')", "AreaStep", "Add row", show=False),
    Action("e", "table('edit_row')", "AreaStep", "Edit row", show=False),
    Action("d", "table('delete_row')", "AreaStep", "Delete row", show=False),
    Action("space,enter", "cycle", "MobilityGrid", "Next status",
           "Mobility checklist: the cell's next status (unknown → yes → partly → no)", S,
           shown_keys="space or enter"),
    Action("1", "set('yes')", "MobilityGrid", "Yes", "Mobility checklist: 1 yes, 2 partly, "
           "3 no, 0 unknown", S, shown_keys="1 2 3 0", show=False),
    Action("2", "set('partly')", "MobilityGrid", "Partly", show=False),
    Action("3", "set('no')", "MobilityGrid", "No", show=False),
    Action("0", "set('unknown')", "MobilityGrid", "Unknown", show=False),
    # --- prioritisation -----------------------------------------------------------------
    Action("enter", "choose", "RankTable", "Open", "Edit the selected initiative", P),
    Action("delete", "delete_initiative", "PrioritisationStep", "Delete",
           "Delete the selected initiative (asks first; dropped keeps it on record)", P,
           show=False, palette="Delete initiative…",
           palette_help="Prioritisation: delete the highlighted initiative, after asking"),
    Action("f", "fill_in", "PrioritisationStep", "Fill in",
           "The scores grid, at the next input the method lacks to rank an initiative", P,
           show=False),
    Action("g", "scores_grid", "PrioritisationStep", "Scores grid",
           "Scores grid: confidence, reach, time criticality, risk reduction and criteria of "
           "every open initiative", P, show=False, palette="Scores grid",
           palette_help="Prioritisation: fill in what the methods need"),
    Action("escape", "cancel", "ScoresGrid", "Cancel"),
    Action("ctrl+s,f10", "keep", "ScoresGrid", "Keep", priority=True),
    Action("s", "scoring_settings", "PrioritisationStep", "Scoring",
           "Scoring settings: method, weights, thresholds and the weighted method's criteria",
           P, show=False, palette="Scoring settings…",
           palette_help="Prioritisation: how the initiatives are ranked"),
    Action("escape", "cancel", "ScoringSettingsScreen", "Cancel"),
    Action("f10", "keep", "ScoringSettingsScreen", "Keep"),
    Action("ctrl+s", "keep", "ScoringSettingsScreen", "Keep", show=False, priority=True),
    Action("ctrl+n", "add_criterion", "ScoringSettingsScreen", "Add criterion",
           "Scoring settings: another row for a criterion", F),
    Action("m", "cycle_method", "RankingView", "Method",
           "In the ranking: method, sort, quadrant, area, status, spread", P,
           shown_keys="m o u a t d"),
    Action("o", "cycle_sort", "RankingView", "Sort"),
    Action("a", "cycle_area", "RankingView", "Area"),
    Action("t", "cycle_status", "RankingView", "Status"),
    Action("u", "cycle_quadrant", "RankingView", "Quadrant"),
    Action("x", "clear_filters", "RankingView", "Clear filters"),
    Action("d", "show_spread", "RankingView", "Spread"),
    Action("up", "move(-1)", "RankTable", "Up", show=False),
    Action("down", "move(1)", "RankTable", "Down", show=False),
    Action("pageup", "page(-1)", "RankTable", "Page up", show=False),
    Action("pagedown", "page(1)", "RankTable", "Page down", show=False),
    Action("home", "edge(-1)", "RankTable", "First", show=False),
    Action("end", "edge(1)", "RankTable", "Last", show=False),
    Action("left", "move(-1, 0)", "EffortImpactMatrix", "Move", show=False),
    Action("right", "move(1, 0)", "EffortImpactMatrix", "Move", show=False),
    Action("up", "move(0, -1)", "EffortImpactMatrix", "Move", key_display="←↑↓→"),
    Action("down", "move(0, 1)", "EffortImpactMatrix", "Move", show=False),
    Action("tab", "step(1)", "EffortImpactMatrix", "Next", show=False),
    Action("shift+tab", "step(-1)", "EffortImpactMatrix", "Previous", show=False),
    Action("enter", "select", "EffortImpactMatrix", "Open"),
    Action("escape", "close", "SpreadScreen", "Close"),
    Action("d", "close", "SpreadScreen", "Close", show=False),
    # --- versions and exports -----------------------------------------------------------
    Action("f5", "save_version", "KxplanApp", "New version",
           "Save as new version: save, then keep a labelled copy in PLAN.versions/", V, show=False,
           palette="Save as new version", needs_plan=True,
           palette_help="Save, then keep a labelled copy in PLAN.versions/"),
    Action("f6", "versions", "KxplanApp", "Versions",
           "Versions: the list, oldest first, with what changed in each", V, show=False,
           palette="Versions", needs_plan=True,
           palette_help="The plan's saved versions, with what changed"),
    Action("f7", "compare_version", "KxplanApp", "Compare",
           "Compare the current plan with the newest saved version", V, show=False,
           palette="Compare with newest version", needs_plan=True),
    Action("f8", "room", "KxplanApp", "Room",
           "The room: participants join from their phones to estimate, vote and send ideas",
           R, show=False, palette="Open the room", needs_plan=True,
           palette_help="Phones join by an address or a QR code: blind estimates, dots, ideas"),
    Action("enter", "compare", "VersionsScreen", "Compare",
           "In the list: compare the highlighted version with the current plan", V, priority=True),
    Action("space", "mark", "VersionsScreen", "Mark to compare two",
           "In the list: mark a version; enter on another compares the two", V),
    Action("escape", "close", "VersionsScreen", "Close"),
    Action("home", "first", "VersionsScreen", "First", show=False, priority=True),
    Action("end", "last", "VersionsScreen", "Last", show=False, priority=True),
    Action("enter", "jump", "CompareScreen", "Go to change",
           "In a comparison: go to the step where the change lives", V, priority=True),
    Action("escape", "close", "CompareScreen", "Close"),
    Action("", "export", "KxplanApp",
           description="Export Markdown / HTML / CSV / JSON next to the plan file", section=V,
           shown_keys="ctrl+p Export …"),
    *(_export(fmt, name) for fmt, name in EXPORT_NAMES.items()),
    # --- the room -----------------------------------------------------------------------
    Action("n", "new_round", "RoomScreen", "New round",
           "Start an estimation round: pick initiatives and scores; answers stay hidden", R),
    Action("space", "reveal", "RoomScreen", "Reveal",
           "Reveal the round: spread, lowest and highest with who gave them, outliers", R),
    Action("a", "accept", "RoomScreen", "Accept",
           "Accept the round: the answers become the participants' estimates", R),
    Action("v", "revote", "RoomScreen", "Vote again",
           "Ask the same questions again, blind (the earlier round is kept)", R),
    Action("d", "dots", "RoomScreen", "Dots",
           "Start a dot vote, or end the open one (its results show)", R),
    Action("k", "keep_vote", "RoomScreen", "Keep vote",
           "Keep the ended dot vote in the plan: the ranking shows its dots", R, show=False),
    Action("i", "ideas", "RoomScreen", "Ideas",
           "The ideas inbox: accept (a), merge into an initiative (m) or discard (x)", R),
    Action("p", "show_ideas", "RoomScreen", "Show ideas",
           "Let phones see everyone's ideas, or only their own (private, the default)", R),
    Action("l", "lan", "RoomScreen", "Network",
           "Open the room to the local network, or to this machine only again", R),
    Action("q", "toggle_qr", "RoomScreen", "QR code",
           "Hide or show the QR code (the join address stays)", R),
    Action("c", "close_room", "RoomScreen", "Close room",
           "Close the room: every phone loses access", R),
    Action("escape", "back", "RoomScreen", "Back",
           "Back to the walk; the room stays open (f8 shows it again)", R),
    Action("f10,ctrl+s", "start", "RoundSetup", "Start", show=False, priority=True),
    Action("escape", "cancel", "RoundSetup", "Cancel"),
    Action("f10,ctrl+s", "start", "DotsSetup", "Start", show=False, priority=True),
    Action("escape", "cancel", "DotsSetup", "Cancel"),
    Action("a", "accept", "IdeasInbox", "Accept"),
    Action("m", "merge", "IdeasInbox", "Merge"),
    Action("x", "discard", "IdeasInbox", "Discard"),
    Action("escape", "cancel", "IdeasInbox", "Close"),
    Action("escape", "cancel", "PickInitiative", "Cancel"),
    # --- forms and dialogs --------------------------------------------------------------
    Action("ctrl+enter,f10", "keep", "RowEditor", "Keep row",
           "Keep the row (refused while a field is invalid)", F, shown_keys="enter, f10 or ctrl+s",
           show=False),  # the footer shows ctrl+s for it, with save, help and quit
    Action("ctrl+s", "keep", "RowEditor", "Keep row", show=False, priority=True),
    Action("escape", "cancel", "RowEditor", "Cancel", "Cancel", F),
    Action("enter", "submit", "FormSelect", "Keep row",
           "On a closed drop-down: keep the row, as in any field", F, show=False),
    Action("space,alt+down", "show_overlay", "FormSelect", "Open",
           "Open a drop-down (enter in the open list picks, escape closes it)", F,
           shown_keys="space or alt+down", show=False),
    Action("ctrl+s", "save", "InitiativeEditor", "Save", priority=True),
    Action("escape", "cancel", "InitiativeEditor", "Cancel"),
    Action("f4", "pick_links", "InitiativeEditor", N_("Evidence"),
           N_("Initiative editor: pick the rows it addresses (friction points, contact reasons, "
              "KPIs, touchpoints, channels)"), F),
    Action("enter", "keep", "LinkPicker", "Keep",
           N_("Picking rows: type to filter, space ticks a row, enter keeps the ticks"), F,
           priority=True),
    Action("ctrl+s,f10", "keep", "LinkPicker", "Keep", show=False, priority=True),
    Action("escape", "cancel", "LinkPicker", "Cancel"),
    Action("ctrl+s,f10", "keep", "ActualsDialog", "Keep", show=False, priority=True),
    Action("escape", "cancel", "ActualsDialog", N_("Skip")),
    Action("ctrl+s,f10", "keep", "ReadingDialog", "Keep", show=False, priority=True),
    Action("escape", "cancel", "ReadingDialog", "Cancel"),
    Action("escape", "cancel", "Confirm", "Cancel"),
    Action("escape", "cancel", "Prompt", "Cancel"),
    Action("escape", "cancel", "TemplatePicker", "Cancel"),
    Action("escape,f1,question_mark,q", "close", "HelpScreen", "Close"),
    Action("escape", "back", "ErrorScreen", "Back to welcome"),
    Action("enter", "back", "ErrorScreen", "Back", show=False),
)
# fmt: on
"""Every key and palette command, grouped by where it applies."""


def actions_of(where: str) -> tuple[Action, ...]:
    """The keys bound by the class named ``where``, in order."""
    return tuple(action for action in ACTIONS if action.where == where and action.keys)


def help_sections() -> Iterator[tuple[Section, tuple[tuple[str, str], ...]]]:
    """(section, ((keys, what they do), …)) in the order the help screen shows them."""
    for section in Section:
        lines = tuple(
            (action.help_keys, action.description)
            for action in ACTIONS
            if action.section is section
        )
        yield section, lines


def palette_actions(where: str) -> tuple[Action, ...]:
    """The actions of ``where`` that the command palette offers, in order."""
    return tuple(action for action in ACTIONS if action.where == where and action.palette)
