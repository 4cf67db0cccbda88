"""One registry of actions: every binding, the help screen and the palette read it and agree."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

from kxplan.tui.action import TEXTUAL, Section, shown
from kxplan.tui.actions import ACTIONS, actions_of
from kxplan.tui.app import KxplanApp
from kxplan.tui.commands import KxplanCommands
from kxplan.tui.keys import help_keys
from kxplan.tui.screens.actuals import ActualsDialog, LogOffer
from kxplan.tui.screens.calibration import CalibrationScreen
from kxplan.tui.screens.compare import CompareScreen
from kxplan.tui.screens.confirm import Confirm
from kxplan.tui.screens.disk_changed import DiskChanged
from kxplan.tui.screens.error import ErrorScreen
from kxplan.tui.screens.help import HelpScreen
from kxplan.tui.screens.import_csv import ImportScreen
from kxplan.tui.screens.initiative_editor import InitiativeEditor
from kxplan.tui.screens.link_picker import LinkPicker
from kxplan.tui.screens.note import NoteScreen
from kxplan.tui.screens.pick_version import PickVersion
from kxplan.tui.screens.prompt import Prompt
from kxplan.tui.screens.reading import ReadingDialog
from kxplan.tui.screens.room import RoomScreen
from kxplan.tui.screens.room_dialogs import DotsSetup, IdeasInbox, PickInitiative, RoundSetup
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.screens.scores_grid import ScoresGrid
from kxplan.tui.screens.scoring_settings import ScoringSettingsScreen
from kxplan.tui.screens.spread import SpreadScreen
from kxplan.tui.screens.versions import VersionsScreen
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.screens.welcome import NewPlanDialog, TemplatePicker
from kxplan.tui.steps.area import AreaStep
from kxplan.tui.steps.base import NotesArea
from kxplan.tui.steps.checkin import CheckinStep
from kxplan.tui.steps.prioritisation import PrioritisationStep
from kxplan.tui.widgets.area_table import AreaTable
from kxplan.tui.widgets.digit_select import DigitSelect
from kxplan.tui.widgets.form_select import FormSelect
from kxplan.tui.widgets.matrix import EffortImpactMatrix
from kxplan.tui.widgets.mobility_grid import MobilityGrid
from kxplan.tui.widgets.rank_table import RankTable
from kxplan.tui.widgets.ranking import RankingView

CLASSES: tuple[type[DOMNode], ...] = (
    KxplanApp, WalkScreen, AreaStep, PrioritisationStep, AreaTable, RankingView, RankTable,
    EffortImpactMatrix, VersionsScreen, CompareScreen, SpreadScreen, InitiativeEditor,
    RowEditor, Confirm, DiskChanged, Prompt, TemplatePicker, NewPlanDialog, HelpScreen, ErrorScreen,
    RoomScreen, RoundSetup, DotsSetup, IdeasInbox, PickInitiative, MobilityGrid,
    ScoringSettingsScreen, ScoresGrid, FormSelect, NotesArea, NoteScreen, DigitSelect,
    LinkPicker, ActualsDialog, ReadingDialog, ImportScreen, CheckinStep, PickVersion,
    LogOffer, CalibrationScreen,
)  # fmt: skip
"""Every class of the app that binds keys of its own."""

Key = tuple[str, str, str, bool, bool]


def own_bindings(cls: type[DOMNode]) -> list[Key]:
    found = []
    for item in cls.__dict__.get("BINDINGS", []):
        binding = item if isinstance(item, Binding) else Binding(*item)
        found.append(
            (binding.key, binding.action, binding.description, binding.show, binding.priority)
        )
    return found


def registered(where: str) -> list[Key]:
    return [(a.keys, a.action, a.label, a.show, a.priority) for a in actions_of(where)]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_binding_is_registered_and_every_registered_key_is_bound(
    cls: type[DOMNode],
) -> None:
    # the same keys; the order (the footer's) is the class's
    assert sorted(own_bindings(cls)) == sorted(registered(cls.__name__))


def test_the_registry_names_no_other_class() -> None:
    known = {cls.__name__ for cls in CLASSES} | {TEXTUAL}
    assert {action.where for action in ACTIONS} <= known


def test_the_help_lists_the_registry_and_every_section_has_keys() -> None:
    helped = [
        (a.help_keys, shown(a, a.description)) for s in Section for a in ACTIONS if a.section is s
    ]
    assert [line for _section, lines in help_keys() for line in lines] == helped
    assert all(lines for _section, lines in help_keys())
    assert all(a.description for a in ACTIONS if a.section is not None)


def test_every_palette_command_runs_a_registered_action() -> None:
    for action in ACTIONS:
        if action.palette and action.where != TEXTUAL:
            owner = next(cls for cls in CLASSES if cls.__name__ == action.where)
            assert hasattr(owner, f"action_{action.name}"), action


async def test_the_palette_offers_exactly_the_registrys_commands(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kxplan import storage, templates

    path = tmp_path / "plan.toml"
    storage.save(templates.new_plan("blank"), path)
    app = KxplanApp(path, config_dir=tmp_path / "config", cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")  # prioritisation: its own command too
        await pilot.pause()
        provider = KxplanCommands(app.screen)
        names = [name for name, _help, _callback, _others in provider.commands()]
    offered = [
        shown(a, a.palette)
        for a in ACTIONS
        if a.palette and a.where in ("KxplanApp", "WalkScreen", "PrioritisationStep")
    ]
    assert sorted(names) == sorted(offered)
    assert len(set(names)) == len(names)
