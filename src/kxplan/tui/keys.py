"""Every key kxplan answers to, in one place: the help screen and the docs list these."""

from __future__ import annotations

from typing import Final

KEYS: Final[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = (
    (
        "Anywhere",
        (
            ("ctrl+s", "Save the plan to its file (asks for a path the first time)"),
            ("f2", "Save as: write the plan to a new file"),
            ("ctrl+o", "Back to the welcome screen to open or start another plan"),
            ("ctrl+q", "Quit (asks first when there are unsaved changes)"),
            ("ctrl+p", "Command palette: every action, and each step by name"),
            ("ctrl+t", "Switch between the dark and the light theme"),
            ("f1 or ?", "This help"),
        ),
    ),
    (
        "The walk",
        (
            ("pagedown", "Next step"),
            ("pageup", "Previous step"),
            ("ctrl+right / ctrl+left", "Next / previous step (outside text fields)"),
            ("0 … 8", "Jump to a step (outside text fields): 0 Overview … 8 Summary"),
            ("tab / shift+tab", "Move between fields, notes and tables"),
            ("escape", "Leave a text field or table: the step keys (0 … 8, i, a e d) work again"),
            (
                "i",
                "Capture an initiative, for this step's area if it has one (outside text fields)",
            ),
            ("f4", "Set a timebox for this step, in minutes (0 clears it)"),
            (
                "q",
                "Show or hide the area's guiding questions (outside text fields); "
                "on Prioritisation: the questions, maturity and notes",
            ),
        ),
    ),
    (
        "In a table, or on its step outside text fields",
        (
            ("a", "Add a row (opens a form)"),
            ("e or enter", "Edit the row under the cursor"),
            ("d or delete", "Delete the row under the cursor (asks first)"),
            ("home / end", "First / last row"),
        ),
    ),
    (
        "Prioritisation step",
        (
            ("v", "Switch between the ranking and the effort/impact matrix"),
            ("enter", "Edit the selected initiative"),
            ("delete", "Delete the selected initiative (asks first; dropped keeps it on record)"),
            ("m o u a t d", "In the ranking: method, sort, quadrant, area, status, spread"),
        ),
    ),
    (
        "Versions and exports",
        (
            ("f5", "Save as new version: save, then keep a labelled copy in PLAN.versions/"),
            ("f6", "Versions: the list, oldest first, with what changed in each"),
            ("f7", "Compare the current plan with the newest saved version"),
            ("enter", "In the list: compare the highlighted version with the current plan"),
            ("space", "In the list: mark a version; enter on another compares the two"),
            ("enter", "In a comparison: go to the step where the change lives"),
            ("ctrl+p Export …", "Export Markdown / HTML / CSV / JSON next to the plan file"),
        ),
    ),
    (
        "In a form",
        (
            ("enter, f10 or ctrl+s", "Keep the row (refused while a field is invalid)"),
            ("escape", "Cancel"),
        ),
    ),
)
"""(section, ((keys, what they do), …)), in the order the help screen shows them."""
