"""Pilot tests of the initiative editor on its own, in a harness app."""

from __future__ import annotations

import pytest
from app_helpers import set_value, type_into
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, Static, TextArea

from kxplan.framework import AreaId
from kxplan.model import Estimate, Initiative, Plan, with_initiative
from kxplan.tui.forms import read_number
from kxplan.tui.screens.initiative_editor import (
    InitiativeEditor,
    anchor_hint,
    in_kept_order,
)

MARKUP_TITLE = "[bold]x[/] and [link=http://a]y[/]"


def workshop_plan() -> Plan:
    """Two participants and two initiatives, one depending on the other."""
    return Plan(
        title="Workshop",
        participants=["Anna", "Bo"],
        initiatives=[
            Initiative(
                id="web-chat",
                title="Web chat",
                effort=2,
                customer_value=4,
                efficiency=3,
                why="Customers want to ask quickly.\nWithout calling.",
                estimates=[Estimate(participant="Anna", effort=2, customer_value=4, reach=50)],
            ),
            Initiative(id="chat-bot", title="Chat bot", depends_on=["web-chat"]),
        ],
    )


class EditorHarness(App[None]):
    """Opens the editor at start and keeps what it returns."""

    def __init__(
        self,
        plan: Plan,
        initiative: Initiative | None = None,
        default_area: AreaId | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.initiative = initiative
        self.default_area: AreaId | None = default_area
        self.results: list[Initiative | None] = []

    def on_mount(self) -> None:
        editor = InitiativeEditor(self.plan, self.initiative, self.default_area)
        self.push_screen(editor, self.results.append)


def editor(pilot: Pilot[None]) -> InitiativeEditor:
    screen = pilot.app.screen
    assert isinstance(screen, InitiativeEditor)
    return screen


def error_text(pilot: Pilot[None], field: str) -> str:
    static = pilot.app.screen.query_one(f"#{field}-error", Static)
    return str(static.render()) if static.has_class("-shown") else ""


async def test_new_initiative_with_scores_and_estimates_is_saved_with_ctrl_s() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await type_into(pilot, "#title", "Tracking link")
        assert pilot.app.screen.query_one("#id", Input).value == "tracking-link"
        await type_into(pilot, "#effort", "1")
        await pilot.press("tab", *"4", "tab", *"3")  # customer value, efficiency
        await type_into(pilot, "#estimate-0-effort", "1")
        await pilot.press("tab", "4", "tab", "4", "tab", *"90")
        await pilot.press("tab", "2", "tab", "4", "tab", "2", "tab", *"80")
        await type_into(pilot, "#who", "Logistics")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.results[0]
    assert saved is not None
    assert (saved.id, saved.title, saved.who) == ("tracking-link", "Tracking link", "Logistics")
    assert (saved.effort, saved.customer_value, saved.efficiency) == (1, 4, 3)
    assert [e.model_dump(exclude_none=True) for e in saved.estimates] == [
        {
            "participant": "Anna",
            "effort": 1,
            "customer_value": 4,
            "efficiency": 4,
            "confidence": 90,
        },
        {"participant": "Bo", "effort": 2, "customer_value": 4, "efficiency": 2, "confidence": 80},
    ]


async def test_effort_off_the_scale_is_shown_and_refuses_to_save() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await set_value(pilot, "#title", "Too big")
        await type_into(pilot, "#effort", "9")
        assert error_text(pilot, "effort") == "expected a score from 1 to 5, got 9"
        assert pilot.app.screen.query_one("#effort", Input).has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InitiativeEditor)  # still open
        assert app.results == []
        await type_into(pilot, "#effort", "5")
        assert error_text(pilot, "effort") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0] is not None
    assert app.results[0].effort == 5


async def test_problems_in_estimates_and_text_are_named_next_to_the_fields() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await set_value(pilot, "#title", "Something")
        await type_into(pilot, "#estimate-1-customer_value", "6")
        await type_into(pilot, "#confidence", "abc")
        await type_into(pilot, "#title", "")
        screen = editor(pilot)
        assert screen.errors == {
            "estimate-1-customer_value": (
                "Bo, customer value: expected a score from 1 to 5, got 6"
            ),
            "confidence": "expected a number, got 'abc'",
            "title": "expected some text, got an empty string",
        }
        assert "Bo, customer value" in error_text(pilot, "estimates")
        assert screen.result is None


async def test_an_empty_new_form_shows_no_problem_until_save_is_tried() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        assert error_text(pilot, "title") == ""
        assert str(pilot.app.screen.query_one("#notice", Static).render()) == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(pilot, "title") == "expected some text, got an empty string"
        assert isinstance(pilot.app.screen, InitiativeEditor)
        assert app.results == []


async def test_decimal_comma_is_read_as_a_decimal_point() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await set_value(pilot, "#title", "Half steps")
        await type_into(pilot, "#effort", "2,5")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0] is not None
    assert app.results[0].effort == 2.5


async def test_id_stays_stable_when_the_title_of_an_existing_initiative_changes() -> None:
    plan = workshop_plan()
    app = EditorHarness(plan, plan.initiatives[0])
    async with app.run_test(size=(100, 40)) as pilot:
        await type_into(pilot, "#title", "Chat on every page")
        assert pilot.app.screen.query_one("#id", Input).value == "web-chat"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.results[0]
    assert saved is not None
    assert (saved.id, saved.title) == ("web-chat", "Chat on every page")
    # what the form does not edit is kept: the case, Anna's reach estimate
    assert saved.why == "Customers want to ask quickly.\nWithout calling."
    assert saved.estimates[0].reach == 50


async def test_keeping_an_initiative_unchanged_returns_it_unchanged() -> None:
    """Lists keep their order: areas out of the walk's order are not sorted into it."""
    plan = workshop_plan()
    original = plan.initiatives[0].model_copy(
        update={"areas": ["mobility", "accessibility"], "depends_on": []}
    )
    app = EditorHarness(plan, original)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [original]


def test_in_kept_order_keeps_old_values_first_and_adds_new_ones_in_list_order() -> None:
    assert in_kept_order(["c", "a"], ["a", "b", "c"]) == ["c", "a", "b"]
    assert in_kept_order(["c", "a"], ["b"]) == ["b"]


async def test_new_id_follows_the_title_until_edited_by_hand() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await type_into(pilot, "#title", "Web chat")
        id_input = pilot.app.screen.query_one("#id", Input)
        assert id_input.value == "web-chat-2"  # web-chat is taken
        await type_into(pilot, "#id", "chat-everywhere")
        await type_into(pilot, "#title", "Chat in the app")
        assert id_input.value == "chat-everywhere"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0] is not None
    assert app.results[0].id == "chat-everywhere"


async def test_an_id_taken_by_another_initiative_is_refused() -> None:
    plan = workshop_plan()
    app = EditorHarness(plan, plan.initiatives[1])
    async with app.run_test(size=(100, 40)) as pilot:
        await type_into(pilot, "#id", "web-chat")
        assert error_text(pilot, "id") == "the id 'web-chat' is taken by 'Web chat'"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []


async def test_markup_in_a_title_is_kept_literally() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await set_value(pilot, "#title", MARKUP_TITLE)
        assert pilot.app.screen.query_one("#id", Input).value == "bold-x-and-link-http-a-y"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0] is not None
    assert app.results[0].title == MARKUP_TITLE


async def test_escape_cancels_at_once_when_nothing_was_typed() -> None:
    plan = workshop_plan()
    app = EditorHarness(plan, plan.initiatives[0])
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, InitiativeEditor)
    assert app.results == [None]


async def test_escape_after_typing_asks_again_so_no_text_is_lost_by_accident() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await type_into(pilot, "#title", "Half-typed idea")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InitiativeEditor)
        assert pilot.app.screen.query_one("#title", Input).value == "Half-typed idea"
        assert "press Escape again" in str(pilot.app.screen.query_one("#notice", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, InitiativeEditor)
    assert app.results == [None]


async def test_added_participant_gets_a_row_and_an_estimate() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await set_value(pilot, "#title", "Call-back")
        await type_into(pilot, "#new-participant", "Chen")
        await pilot.press("enter")
        await pilot.pause()
        focused = pilot.app.focused
        assert focused is not None
        assert focused.id == "estimate-2-effort"  # the new row, ready for typing
        await pilot.press("3", "tab", "5")
        assert editor(pilot).participants == ["Anna", "Bo", "Chen"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.results[0]
    assert saved is not None
    assert [e.model_dump(exclude_none=True) for e in saved.estimates] == [
        {"participant": "Chen", "effort": 3, "customer_value": 5}
    ]


async def test_areas_status_dependencies_and_long_text_are_saved() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await set_value(pilot, "#title", "Order status page")
        await set_value(pilot, "#why", "Where is my order?\nAsked 2 000 times a month.")
        areas = pilot.app.screen.query_one("#areas", SelectionList)
        areas.select("unnecessary_demand")
        pilot.app.screen.query_one("#depends_on", SelectionList).select("web-chat")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.results[0]
    assert saved is not None
    assert saved.why == "Where is my order?\nAsked 2 000 times a month."
    assert saved.areas == ["unnecessary_demand"]
    assert saved.depends_on == ["web-chat"]
    assert saved.status == "idea"


async def test_default_area_is_preselected_for_a_new_initiative() -> None:
    app = EditorHarness(workshop_plan(), default_area="mobility")
    async with app.run_test(size=(100, 40)) as pilot:
        assert pilot.app.screen.query_one("#areas", SelectionList).selected == ["mobility"]


async def test_typed_long_text_survives_validation_errors_elsewhere() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await type_into(pilot, "#what", "A page that shows where the parcel is")
        await type_into(pilot, "#effort", "x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        what = pilot.app.screen.query_one("#what", TextArea).text
        assert what == "A page that shows where the parcel is"


def test_with_initiative_replaces_and_moves_dependencies_to_a_new_id() -> None:
    plan = workshop_plan()
    renamed = plan.initiatives[0].model_copy(update={"id": "chat"})
    changed = with_initiative(plan, renamed, "web-chat")
    assert [item.id for item in changed.initiatives] == ["chat", "chat-bot"]
    assert changed.initiative("chat-bot").depends_on == ["chat"]
    assert plan.initiative("chat-bot").depends_on == ["web-chat"]  # the original is untouched


def test_with_initiative_appends_a_new_one() -> None:
    plan = workshop_plan()
    added = Initiative(id="faq", title="FAQ")
    assert [i.id for i in with_initiative(plan, added).initiatives] == [
        "web-chat",
        "chat-bot",
        "faq",
    ]


def test_parse_number_reads_blank_decimals_and_commas() -> None:
    assert read_number("  ") is None
    assert read_number("3") == 3.0
    assert read_number("2,5") == 2.5
    assert read_number("3\u202f500") == 3500  # reach as the app shows it


def test_parse_number_refuses_what_reads_two_ways() -> None:
    with pytest.raises(ValueError, match="could be read two ways"):
        read_number("1,000")  # a thousand customers, or one?


@pytest.mark.parametrize("bad", ["three", "nan", "inf", "1.2.3"])
def test_parse_number_names_what_it_could_not_read(bad: str) -> None:
    with pytest.raises(ValueError, match=repr(bad).replace(".", r"\.")):
        read_number(bad)


def test_anchor_hint_names_the_step_of_the_scale() -> None:
    effort = Plan(title="x").scales.effort
    assert anchor_hint(effort, "2").plain == "2 = A few weeks in one team"
    assert anchor_hint(effort, "").plain == "scale 1–5"
    assert anchor_hint(effort, "2.5").plain == (
        "2.5 = between A few weeks in one team and A few months, or several teams"
    )


async def test_a_refused_save_scrolls_to_the_cycle_named_by_titles() -> None:
    plan = workshop_plan()  # the chat bot depends on the web chat
    app = EditorHarness(plan, plan.initiatives[0])
    async with app.run_test(size=(100, 30)) as pilot:
        depends_on = pilot.app.screen.query_one("#depends_on", SelectionList)
        depends_on.focus(scroll_visible=False)
        depends_on.select("chat-bot")
        await pilot.pause()
        # As after ticking it: the list at the bottom edge, its message just out of sight.
        form = pilot.app.screen.query_one("#form")
        form.scroll_home(animate=False, immediate=True)
        form.scroll_to_widget(depends_on, animate=False, immediate=True)
        await pilot.pause()
        assert not form.region.contains_region(
            pilot.app.screen.query_one("#depends_on-error").region
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert app.results == []
        message = error_text(pilot, "depends_on")
        assert "Web chat → Chat bot → Web chat" in message or (
            "Chat bot → Web chat → Chat bot" in message
        )
        assert "web-chat" not in message
        screen = pilot.app.screen
        assert screen.focused is screen.query_one("#depends_on")
        form = screen.query_one("#form")
        assert form.region.contains_region(screen.query_one("#depends_on-error").region)


async def test_score_hints_say_when_participants_estimates_decide() -> None:
    plan = workshop_plan()  # Anna estimated the web chat's effort 2 and value 4
    app = EditorHarness(plan, plan.initiatives[0])
    async with app.run_test(size=(100, 30)) as pilot:
        hint = pilot.app.screen.query_one("#effort-hint", Static)
        assert str(hint.render()) == "estimates decide: median 2 of 1 estimate"
        assert hint.has_class("-overridden")
        efficiency = pilot.app.screen.query_one("#efficiency-hint", Static)
        assert "estimates decide" not in str(efficiency.render())
        await type_into(pilot, "#estimate-1-effort", "3")  # Bo
        assert str(hint.render()) == "estimates decide: median 2.5 of 2 estimates"


async def test_a_large_room_gets_rows_only_for_participants_with_estimates() -> None:
    names = [f"Person {n}" for n in range(40)]
    item = Initiative(id="x", title="X", estimates=[Estimate(participant="Person 7", effort=2)])
    plan = Plan(title="Big", participants=names, initiatives=[item])
    app = EditorHarness(plan, item)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = editor(pilot)
        assert screen.rows == ["Person 7"]
        assert len(screen.query("#estimates Input")) == 4
        assert "39 more participants" in str(screen.query_one("#estimates-more", Static).render())
        await type_into(pilot, "#new-participant", "person 12\n")
        assert screen.rows == ["Person 7", "Person 12"]
        assert screen.participants == names
        await type_into(pilot, "#estimate-1-effort", "4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.results[0]
        assert saved is not None
        assert [(e.participant, e.effort) for e in saved.estimates] == [
            ("Person 7", 2),
            ("Person 12", 4),
        ]


async def test_composed_again_the_form_reads_and_marks_its_new_fields() -> None:
    """The editor looks its fields up once; composed again (as a language switch does)
    it must read the new ones, not the ones it showed before."""
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        await set_value(pilot, "#effort", "lots")
        assert error_text(pilot, "effort")
        await editor(pilot).recompose()
        await pilot.pause()
        assert error_text(pilot, "effort") == ""  # the new field is empty, and so fine
        await set_value(pilot, "#effort", "many")
        assert error_text(pilot, "effort")
        assert pilot.app.screen.query_one("#effort", Input).has_class("-invalid")
        await set_value(pilot, "#title", "Call-back")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InitiativeEditor)  # refused: effort is wrong
        await set_value(pilot, "#effort", "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(i.title, i.effort) for i in app.results if i is not None] == [("Call-back", 2)]


async def test_a_message_in_the_same_words_and_another_style_is_shown() -> None:
    app = EditorHarness(workshop_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        form = editor(pilot)
        notice = form.query_one("#notice", Static)
        form.found.show(notice, Content("Ready"))
        form.found.show(notice, Content("Ready").stylize("bold"))
        shown = notice.content
        assert isinstance(shown, Content)
        assert shown.plain == "Ready"
        assert shown.spans  # the bold one, not the plain one it already showed
