"""A step or form scroll restyles only itself when its focus changes, which is right only
while no rule styles a widget by whether an ancestor has focus: both are checked here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path

from app_helpers import make_app, settle, write_plan
from textual.app import App
from textual.css.model import CombinatorType, Selector, SelectorSet, SelectorType
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

import kxplan.tui
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.steps.base import Step
from kxplan.tui.widgets.scroll import Scroll

FOCUS_STATES = {"focus", "blur"}


def every_class(base: type[DOMNode]) -> Iterator[type[DOMNode]]:
    for sub in base.__subclasses__():
        yield sub
        yield from every_class(sub)


def every_stylesheet_rule(app: App[None]) -> Stylesheet:
    """A stylesheet with the CSS of every widget and screen kxplan and Textual define,
    and the app's and screens' CSS files (what could ever be loaded, not only what a test
    happened to show)."""
    import textual.widgets

    for name in textual.widgets.__all__:
        getattr(textual.widgets, name)  # Textual loads its widgets on first use
    for module in pkgutil.walk_packages(kxplan.tui.__path__, "kxplan.tui."):
        importlib.import_module(module.name)
    sheet = Stylesheet(variables=app.get_css_variables())
    for cls in {App, *every_class(DOMNode)}:
        css = cls.__dict__.get("DEFAULT_CSS", "")
        if css:
            scope = cls._css_type_name if cls.__dict__.get("SCOPED_CSS", True) else ""
            where = (inspect.getfile(cls), f"{cls.__name__}.DEFAULT_CSS")
            sheet.add_source(css, read_from=where, is_default_css=True, scope=scope)
        paths = cls.__dict__.get("CSS_PATH")
        if paths and issubclass(cls, App | Screen):
            folder = Path(inspect.getfile(cls)).parent
            for path in [paths] if isinstance(paths, str | Path) else paths:
                sheet.read(folder / path)
    sheet.parse()
    return sheet


def component_classes() -> set[str]:
    return {name for cls in every_class(Widget) for name in cls.COMPONENT_CLASSES}


def scroll_type_names() -> set[str]:
    """The type names a ``Scroll`` (a step, a form's scroll) answers to in CSS."""
    return {base.__name__ for cls in [Scroll, *every_class(Scroll)] for base in cls.__mro__}


def compounds(selector_set: SelectorSet) -> list[list[Selector]]:
    """The selector split into the nodes it names (``Step:focus > Label.x`` is two)."""
    nodes: list[list[Selector]] = []
    for selector in selector_set.selectors:
        if not nodes or selector.combinator != CombinatorType.SAME:
            nodes.append([])
        nodes[-1].append(selector)
    return nodes


def by_a_scrolls_focus(selector_set: SelectorSet, components: set[str], scroll: set[str]) -> bool:
    """Whether the selector styles a widget by the focus of a scroll above it (a component
    class after a focused widget is styled with that widget itself)."""
    *above, last = compounds(selector_set)
    if last[-1].name in components:
        return False
    return any(
        FOCUS_STATES & set().union(*(s.pseudo_classes for s in node))
        and all(s.name in scroll for s in node if s.type == SelectorType.TYPE)
        for node in above
    )


async def test_no_rule_styles_a_widget_by_an_ancestors_focus(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(None, config_dir)
    sheet = every_stylesheet_rule(app)
    components, scroll = component_classes(), scroll_type_names()
    assert len(sheet.rules) > 300  # every widget's CSS was read, Textual's and ours
    assert {"datatable--cursor", "rank-table--cursor"} <= components
    assert {"Step", "AreaStep", "VerticalScroll", "Widget"} <= scroll
    found = [
        selector_set.css
        for rule in sheet.rules
        for selector_set in rule.selector_set
        if by_a_scrolls_focus(selector_set, components, scroll)
    ]
    assert found == []


def test_the_check_finds_a_rule_styling_children_of_a_focused_scroll() -> None:
    sheet = Stylesheet()
    sheet.add_source("Step:focus Label { color: red; } Input:focus { color: blue; }")
    sheet.add_source(".wide:focus > Input.x { color: red; }")
    sheet.add_source("ListView:focus ListItem { color: red; }")
    sheet.add_source("RankTable:focus > .datatable--cursor { color: green; }")
    sheet.parse()
    found = [
        s.css
        for rule in sheet.rules
        for s in rule.selector_set
        if by_a_scrolls_focus(s, {"datatable--cursor"}, {"Step", "Widget"})
    ]
    assert sorted(found) == [".wide:focus > Input.x", "Step:focus Label"]


async def test_arriving_on_a_step_restyles_the_step_not_its_widgets(
    tmp_path: Path, config_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(write_plan(tmp_path / "plan.toml", "contact-centre"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        restyled: list[list[DOMNode]] = []
        update_nodes = app.stylesheet.update_nodes

        def spy(nodes, animate: bool = False) -> None:  # type: ignore[no-untyped-def]
            nodes = list(nodes)
            restyled.append(nodes)
            update_nodes(nodes, animate=animate)

        monkeypatch.setattr(app.stylesheet, "update_nodes", spy)
        await pilot.press("1")
        await settle(pilot)
        step = app.screen.query_one("#step-1", Step)
        overview = app.screen.query_one("#step-0", Step)
        assert isinstance(app.screen, WalkScreen)
        assert app.focused is step
        focus_restyles = [nodes for nodes in restyled if nodes in ([step], [overview])]
        assert [step] in focus_restyles
        assert [overview] in focus_restyles
        assert not any(step in nodes and len(nodes) > 1 for nodes in restyled)
