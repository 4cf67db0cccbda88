"""Every key and action kxplan answers to, once: the bindings, the help and the palette read it.

An :class:`Action` names the key (as Textual spells it), the action it runs, the class
whose bindings hold it (``where``), the words the footer, the help screen and the command
palette show, and the help section it is listed under. Plain data, no Textual: the
bindings are built from it in :mod:`kxplan.tui.keys`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from kxplan.i18n import N_
from kxplan.tui.action import TEXTUAL, Action, Section, shown
from kxplan.tui.walk_steps import STEPS

if TYPE_CHECKING:
    from kxplan.reports.formats import Format


def _go_to(index: int) -> Action:
    return Action(
        str(index),
        f"go_to({index})",
        "WalkScreen",
        show=False,
        section=Section.WALK if index == 0 else None,
        shown_keys=f"0 … {len(STEPS) - 1}",
        description=N_("Jump to a step (outside text fields): {first} … {last}"),
        palette=N_("Go to {number} {step}"),
        palette_help=N_("Show the {step} step of the walk (key {number})"),
        step=index,
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
        palette=N_("Export {format}"),
        palette_help=N_("Write the plan as {format} next to its file"),
        needs_plan=True,
        export_name=name,
    )


A, W, S = Section.ANYWHERE, Section.WALK, Section.TABLE
P, V, F = Section.PRIORITISATION, Section.VERSIONS, Section.FORM
R = Section.ROOM

# fmt: off
ACTIONS: Final[tuple[Action, ...]] = (
    # --- anywhere -----------------------------------------------------------------------
    Action("ctrl+s", "save", "KxplanApp", N_("Save"),
           N_("Save the plan to its file (asks for a path the first time); in a form, keep it"),
           A, palette=N_("Save"), priority=True),
    Action("f2", "save_as", "KxplanApp", N_("Save as"),
           N_("Save as: write the plan to a new file"), A,
           show=False, palette=N_("Save as…"), palette_help=N_("Write the plan to a new file")),
    Action("ctrl+o", "open", "KxplanApp", N_("Open"),
           N_("Back to the welcome screen to open or start another plan"), A, show=False,
           palette=N_("Open…"),
           palette_help=N_("Back to the welcome screen: templates, recent plans")),
    Action("", "open_file", "KxplanApp", palette=N_("Open a plan file…"),
           palette_help=N_("Type the path of a plan to open")),
    Action("ctrl+q", "quit", "KxplanApp", N_("Quit"),
           N_("Quit (asks first when there are unsaved changes)"), A, priority=True),
    Action("ctrl+p", "command_palette", TEXTUAL,
           description=N_("Command palette: every action, and each step by name"), section=A),
    Action("ctrl+t", "toggle_theme", "KxplanApp", N_("Theme"),
           N_("Switch between the dark and the light theme"), A, show=False,
           palette=N_("Toggle light/dark theme")),
    Action("f9", "toggle_language", "KxplanApp", N_("Language"),
           N_("Switch the language: English ⇄ Svenska (remembered for the next start)"), A,
           show=False, priority=True, palette=N_("Language: Svenska / English"),
           palette_help=N_("Show kxplan in the other language"), aliases=("Language", "Språk")),
    Action("f1", "help", "KxplanApp", N_("Help"), N_("This help (f1 also in forms and dialogs)"), A,
           shown_keys=N_("f1 or ?"), priority=True, palette=N_("Help: keys"),
           palette_help=N_("Every key kxplan answers to")),
    Action("question_mark", "help", "KxplanApp", N_("Help"), show=False),
    Action("f12", "screenshot_beside_plan", "KxplanApp", N_("Screenshot"),
           N_("Screenshot: save the screen as a picture (SVG) beside the plan file"), A, show=False,
           palette=N_("Screenshot"),
           palette_help=N_("Save the screen as SVG beside the plan file")),
    # --- the walk -----------------------------------------------------------------------
    Action("pagedown", "next_step", "WalkScreen", N_("Next"), N_("Next step"), W, priority=True,
           key_display="PgDn", palette=N_("Next step"), palette_help=N_("Go on to the next step")),
    Action("pageup", "previous_step", "WalkScreen", N_("Prev"), N_("Previous step"), W,
           priority=True,
           key_display="PgUp", palette=N_("Previous step"), palette_help=N_("Go back a step")),
    Action("ctrl+right", "next_step", "WalkScreen", N_("Next step"),
           N_("Next / previous step (outside text fields)"), W, shown_keys="ctrl+right / ctrl+left",
           show=False),
    Action("ctrl+left", "previous_step", "WalkScreen", N_("Prev step"), show=False),
    *(_go_to(index) for index in range(len(STEPS))),
    Action("tab,shift+tab", "focus_next", TEXTUAL,
           description=N_("Move between fields, notes and tables"), section=W,
           shown_keys="tab / shift+tab"),
    Action("escape", "leave_field", "WalkScreen", N_("Leave field"),
           N_("Leave a text field or table: the step keys (0 … 9, i, a e d) work again"), W,
           show=False),
    Action("i", "add_initiative", "WalkScreen", N_("Initiative"),
           N_("Capture an initiative, for this step's area if it has one (outside text fields)"), W,
           palette=N_("Add an initiative"), palette_help=N_("Capture an initiative for this area")),
    Action("v", "toggle_view", "WalkScreen", N_("Ranking/matrix"),
           N_("Switch between the ranking and the effort/impact matrix"), P,
           palette=N_("Ranking / matrix"), palette_help=N_("Prioritisation: switch the view")),
    Action("f4", "timebox", "WalkScreen", N_("Timebox"),
           N_("Set a timebox for this step, in minutes (0 clears it)"), W,
           palette=N_("Timebox this step"),
           palette_help=N_("Set a countdown for this step")),
    Action("q", "toggle_guide", "AreaStep", N_("Questions"), N_("Show or hide the area's guiding "
           "questions (outside text fields); on Prioritisation: the questions, maturity and "
           "notes"), W, show=False),
    Action("f3", "full_screen", "NotesArea", N_("Full screen"),
           N_("In a note: open it full screen, for the projector (escape or ctrl+s goes back)"), W),
    Action("escape", "close", "NoteScreen", N_("Back")),
    Action("ctrl+s", "close", "NoteScreen", N_("Back"), show=False, priority=True),
    Action("v", "pick_version", "CheckinStep", N_("Version"),
           N_("Check-in: compare with another version (a snapshot or a commit)"), W,
           palette=N_("Check-in: compare with another version…"),
           palette_help=N_("The version the check-in compares the plan with")),
    Action("f10", "record", "CheckinStep", N_("Record check-in"),
           N_("Check-in: record it in the plan with what the meeting decided (ctrl+s saves)"), W,
           palette=N_("Record the check-in"),
           palette_help=N_("Keep today's check-in and its decisions in the plan")),
    Action("escape", "cancel", "PickVersion", N_("Cancel")),
    # --- an area's tables ---------------------------------------------------------------
    Action("a", "add_row", "AreaTable", N_("Add row"), N_("Add a row (opens a form)"), S),
    Action("e", "edit_row", "AreaTable", N_("Edit row"), N_("Edit the row under the cursor"), S,
           shown_keys=N_("e or enter")),
    Action("d,delete", "delete_row", "AreaTable", N_("Delete row"),
           N_("Delete the row under the cursor (asks first)"), S, shown_keys=N_("d or delete")),
    Action("j", "add_stage", "AreaTable", N_("Add stage"),
           N_("Insight: add a stage of the plan's own journey (before, during and after "
              "purchase until it has one)"), S, show=False),
    Action("shift+up", "move_row(-1)", "AreaTable", N_("Move up"),
           N_("Move the row under the cursor up / down (the journey's stages: their order)"),
           S, shown_keys="shift+up / shift+down", show=False),
    Action("shift+down", "move_row(1)", "AreaTable", N_("Move down"), show=False),
    Action("home", "scroll_top", "AreaTable", N_("First row"), N_("First / last row"), S,
           shown_keys="home / end", show=False),
    Action("end", "scroll_bottom", "AreaTable", N_("Last row"), show=False),
    Action("r", "add_reading", "AreaTable", N_("Reading"),
           N_("KPI table: add a reading (date, value, source, note) to the KPI under the "
              "cursor"), S, show=False),
    Action("r", "add_reading", "AreaStep", N_("Reading"), show=False),
    Action("a", "table('add_row')", "AreaStep", N_("Add row"), show=False),
    Action("e", "table('edit_row')", "AreaStep", N_("Edit row"), show=False),
    Action("d", "table('delete_row')", "AreaStep", N_("Delete row"), show=False),
    Action("space,enter", "cycle", "MobilityGrid", N_("Next status"),
           N_("Mobility checklist: the cell's next status (unknown → yes → partly → no)"), S,
           shown_keys=N_("space or enter")),
    Action("1", "set('yes')", "MobilityGrid", N_("Yes"), N_("Mobility checklist: 1 yes, 2 partly, "
           "3 no, 0 unknown"), S, shown_keys="1 2 3 0", show=False),
    Action("2", "set('partly')", "MobilityGrid", N_("Partly"), show=False),
    Action("3", "set('no')", "MobilityGrid", N_("No"), show=False),
    Action("0", "set('unknown')", "MobilityGrid", N_("Unknown"), show=False),
    # --- prioritisation -----------------------------------------------------------------
    Action("enter", "choose", "RankTable", N_("Open"), N_("Edit the selected initiative"), P),
    Action("delete", "delete_initiative", "PrioritisationStep", N_("Delete"),
           N_("Delete the selected initiative (asks first; dropped keeps it on record)"), P,
           show=False, palette=N_("Delete initiative…"),
           palette_help=N_("Prioritisation: delete the highlighted initiative, after asking")),
    Action("f", "fill_in", "PrioritisationStep", N_("Fill in"),
           N_("The scores grid, at the next input the method lacks to rank an initiative"), P,
           show=False),
    Action("g", "scores_grid", "PrioritisationStep", N_("Scores grid"),
           N_("Scores grid: confidence, reach, time criticality, risk reduction and criteria of "
           "every open initiative"), P, show=False, palette=N_("Scores grid"),
           palette_help=N_("Prioritisation: fill in what the methods need")),
    Action("escape", "cancel", "ScoresGrid", N_("Cancel")),
    Action("ctrl+s,f10", "keep", "ScoresGrid", N_("Keep"), priority=True),
    Action("s", "scoring_settings", "PrioritisationStep", N_("Scoring"),
           N_("Scoring settings: method, weights, thresholds and the weighted method's criteria"),
           P, show=False, palette=N_("Scoring settings…"),
           palette_help=N_("Prioritisation: how the initiatives are ranked")),
    Action("c", "calibration", "PrioritisationStep", N_("Calibration"),
           N_("Calibration: effort estimated for done initiatives against what they took, per "
              "participant and for the room"), P, show=False, palette=N_("Calibration"),
           palette_help=N_("Prioritisation: how well the room estimates effort")),
    Action("escape", "close", "CalibrationScreen", N_("Close")),
    Action("c", "close", "CalibrationScreen", N_("Close"), show=False),
    Action("escape", "cancel", "ScoringSettingsScreen", N_("Cancel")),
    Action("f10", "keep", "ScoringSettingsScreen", N_("Keep")),
    Action("ctrl+s", "keep", "ScoringSettingsScreen", N_("Keep"), show=False, priority=True),
    Action("ctrl+n", "add_criterion", "ScoringSettingsScreen", N_("Add criterion"),
           N_("Scoring settings: another row for a criterion"), F),
    Action("m", "cycle_method", "RankingView", N_("Method"),
           N_("In the ranking: method, sort, quadrant, area, status, spread"), P,
           shown_keys="m o u a t d"),
    Action("o", "cycle_sort", "RankingView", N_("Sort")),
    Action("a", "cycle_area", "RankingView", N_("Area")),
    Action("t", "cycle_status", "RankingView", N_("Status")),
    Action("u", "cycle_quadrant", "RankingView", N_("Quadrant")),
    Action("x", "clear_filters", "RankingView", N_("Clear filters")),
    Action("d", "show_spread", "RankingView", N_("Spread")),
    Action("up", "move(-1)", "RankTable", N_("Up"), show=False),
    Action("down", "move(1)", "RankTable", N_("Down"), show=False),
    Action("pageup", "page(-1)", "RankTable", N_("Page up"), show=False),
    Action("pagedown", "page(1)", "RankTable", N_("Page down"), show=False),
    Action("home", "edge(-1)", "RankTable", N_("First"), show=False),
    Action("end", "edge(1)", "RankTable", N_("Last"), show=False),
    Action("left", "move(-1, 0)", "EffortImpactMatrix", N_("Move"), show=False),
    Action("right", "move(1, 0)", "EffortImpactMatrix", N_("Move"), show=False),
    Action("up", "move(0, -1)", "EffortImpactMatrix", N_("Move"), key_display="←↑↓→"),
    Action("down", "move(0, 1)", "EffortImpactMatrix", N_("Move"), show=False),
    Action("tab", "step(1)", "EffortImpactMatrix", N_("Next"), show=False),
    Action("shift+tab", "step(-1)", "EffortImpactMatrix", N_("Previous"), show=False),
    Action("enter", "select", "EffortImpactMatrix", N_("Open")),
    Action("escape", "close", "SpreadScreen", N_("Close")),
    Action("d", "close", "SpreadScreen", N_("Close"), show=False),
    # --- versions and exports -----------------------------------------------------------
    Action("f5", "save_version", "KxplanApp", N_("New version"),
           N_("Save as new version: save, then keep a labelled copy in PLAN.versions/"), V,
           show=False,
           palette=N_("Save as new version"), needs_plan=True,
           palette_help=N_("Save, then keep a labelled copy in PLAN.versions/")),
    Action("f6", "versions", "KxplanApp", N_("Versions"),
           N_("Versions: the list, oldest first, with what changed in each"), V, show=False,
           palette=N_("Versions"), needs_plan=True,
           palette_help=N_("The plan's saved versions, with what changed")),
    Action("f7", "compare_version", "KxplanApp", N_("Compare"),
           N_("Compare the current plan with the newest saved version"), V, show=False,
           palette=N_("Compare with newest version"), needs_plan=True),
    Action("f8", "room", "KxplanApp", N_("Room"),
           N_("The room: participants join from their phones to estimate, vote and send ideas"),
           R, show=False, palette=N_("Open the room"), needs_plan=True,
           palette_help=N_("Phones join by an address or a QR code: blind estimates, dots, ideas")),
    Action("enter", "compare", "VersionsScreen", N_("Compare"),
           N_("In the list: compare the highlighted version with the current plan"), V,
           priority=True),
    Action("space", "mark", "VersionsScreen", N_("Mark to compare two"),
           N_("In the list: mark a version; enter on another compares the two"), V),
    Action("escape", "close", "VersionsScreen", N_("Close")),
    Action("home", "first", "VersionsScreen", N_("First"), show=False, priority=True),
    Action("end", "last", "VersionsScreen", N_("Last"), show=False, priority=True),
    Action("enter", "jump", "CompareScreen", N_("Go to change"),
           N_("In a comparison: go to the step where the change lives"), V, priority=True),
    Action("escape", "close", "CompareScreen", N_("Close")),
    Action("", "export", "KxplanApp",
           description=N_("Export Markdown / HTML / CSV / JSON next to the plan file"), section=V,
           shown_keys="ctrl+p Export …"),
    *(_export(fmt, name) for fmt, name in EXPORT_NAMES.items()),
    Action("ctrl+r", "import_csv", "KxplanApp", N_("Import CSV"),
           N_("Import initiatives, contact reasons or KPI readings from a CSV file: "
              "a preview first, nothing changes until you import"), V, show=False,
           palette=N_("Import from CSV…"), needs_plan=True,
           palette_help=N_("Initiatives, contact reasons or KPI readings from a spreadsheet")),
    # --- the room -----------------------------------------------------------------------
    Action("n", "new_round", "RoomScreen", N_("New round"),
           N_("Start an estimation round: pick initiatives and scores; answers stay hidden"), R),
    Action("space", "reveal", "RoomScreen", N_("Reveal"),
           N_("Reveal the round: spread, lowest and highest with who gave them, outliers"), R),
    Action("a", "accept", "RoomScreen", N_("Accept"),
           N_("Accept the round: the answers become the participants' estimates"), R),
    Action("v", "revote", "RoomScreen", N_("Vote again"),
           N_("Ask the same questions again, blind (the earlier round is kept)"), R),
    Action("d", "dots", "RoomScreen", N_("Dots"),
           N_("Start a dot vote, or end the open one (its results show)"), R),
    Action("k", "keep_vote", "RoomScreen", N_("Keep vote"),
           N_("Keep the ended dot vote in the plan: the ranking shows its dots"), R, show=False),
    Action("i", "ideas", "RoomScreen", N_("Ideas"),
           N_("The ideas inbox: accept (a), merge into an initiative (m) or discard (x)"), R),
    Action("p", "show_ideas", "RoomScreen", N_("Show ideas"),
           N_("Let phones see everyone's ideas, or only their own (private, the default)"), R),
    Action("l", "lan", "RoomScreen", N_("Network"),
           N_("Open the room to the local network, or to this machine only again"), R),
    Action("q", "toggle_qr", "RoomScreen", N_("QR code"),
           N_("Hide or show the QR code (the join address stays)"), R),
    Action("c", "close_room", "RoomScreen", N_("Close room"),
           N_("Close the room: every phone loses access"), R),
    Action("escape", "back", "RoomScreen", N_("Back"),
           N_("Back to the walk; the room stays open (f8 shows it again)"), R),
    Action("f10,ctrl+s", "start", "RoundSetup", N_("Start"), show=False, priority=True),
    Action("escape", "cancel", "RoundSetup", N_("Cancel")),
    Action("f10,ctrl+s", "start", "DotsSetup", N_("Start"), show=False, priority=True),
    Action("escape", "cancel", "DotsSetup", N_("Cancel")),
    Action("a", "accept", "IdeasInbox", N_("Accept")),
    Action("m", "merge", "IdeasInbox", N_("Merge")),
    Action("x", "discard", "IdeasInbox", N_("Discard")),
    Action("escape", "cancel", "IdeasInbox", N_("Close")),
    Action("escape", "cancel", "PickInitiative", N_("Cancel")),
    # --- forms and dialogs --------------------------------------------------------------
    Action("ctrl+enter,f10", "keep", "RowEditor", N_("Keep row"),
           N_("Keep the row (refused while a field is invalid)"), F,
           shown_keys=N_("enter, f10 or ctrl+s"),
           show=False),  # the footer shows ctrl+s for it, with save, help and quit
    Action("ctrl+s", "keep", "RowEditor", N_("Keep row"), show=False, priority=True),
    Action("escape", "cancel", "RowEditor", N_("Cancel"), N_("Cancel"), F),
    Action("enter", "submit", "FormSelect", N_("Keep row"),
           N_("On a closed drop-down: keep the row, as in any field"), F, show=False),
    Action("space,alt+down", "show_overlay", "FormSelect", N_("Open"),
           N_("Open a drop-down (enter in the open list picks, escape closes it)"), F,
           shown_keys=N_("space or alt+down"), show=False),
    Action("ctrl+s", "save", "InitiativeEditor", N_("Save"), priority=True),
    Action("escape", "cancel", "InitiativeEditor", N_("Cancel")),
    Action("f4", "pick_links", "InitiativeEditor", N_("Evidence"),
           N_("Initiative editor: pick the rows it addresses (friction points, contact reasons, "
              "KPIs, touchpoints, channels)"), F),
    Action("enter", "keep", "LinkPicker", N_("Keep"),
           N_("Picking rows: type to filter, space ticks a row, enter keeps the ticks"), F,
           priority=True),
    Action("ctrl+s,f10", "keep", "LinkPicker", N_("Keep"), show=False, priority=True),
    Action("escape", "cancel", "LinkPicker", N_("Cancel")),
    Action("ctrl+s,f10", "keep", "ActualsDialog", N_("Keep"), show=False, priority=True),
    Action("escape", "cancel", "ActualsDialog", N_("Skip")),
    Action("escape", "cancel", "LogOffer", N_("Skip")),
    Action("ctrl+s,f10", "keep", "ReadingDialog", N_("Keep"), show=False, priority=True),
    Action("escape", "cancel", "ReadingDialog", N_("Cancel")),
    Action("ctrl+s,f10", "keep", "ImportScreen", N_("Import"), show=False, priority=True),
    Action("escape", "cancel", "ImportScreen", N_("Cancel")),
    Action("escape", "cancel", "Confirm", N_("Cancel")),
    Action("ctrl+s", "merge", "DiskChanged", N_("Merge"), show=False, priority=True),
    Action("escape", "cancel", "Prompt", N_("Cancel")),
    Action("escape", "cancel", "TemplatePicker", N_("Cancel")),
    Action("escape", "cancel", "NewPlanDialog", N_("Cancel")),
    Action("escape,f1,question_mark,q", "close", "HelpScreen", N_("Close")),
    Action("escape", "back", "ErrorScreen", N_("Back to welcome")),
    Action("enter", "back", "ErrorScreen", N_("Back"), show=False),
)
# fmt: on
"""Every key and palette command, grouped by where it applies."""


def actions_of(where: str) -> tuple[Action, ...]:
    """The keys bound by the class named ``where``, in order."""
    return tuple(action for action in ACTIONS if action.where == where and action.keys)


def help_sections() -> Iterator[tuple[Section, tuple[tuple[str, str], ...]]]:
    """(section, ((keys, what they do), …)) in the order the help screen shows them, what
    they do in the current language (the section's title is ``_(section.value)``)."""
    for section in Section:
        lines = tuple(
            (action.help_keys, shown(action, action.description))
            for action in ACTIONS
            if action.section is section
        )
        yield section, lines


def palette_actions(where: str) -> tuple[Action, ...]:
    """The actions of ``where`` that the command palette offers, in order."""
    return tuple(action for action in ACTIONS if action.where == where and action.palette)
