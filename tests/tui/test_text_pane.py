"""A text pane lays the screen out again only when its text needs another height."""

from __future__ import annotations

from typing import Any

import pytest
from app_helpers import wait_until
from textual.app import App, ComposeResult
from textual.content import Content

from kxplan.tui.widgets.text_pane import TextPane


class PaneHarness(App[None]):
    CSS = "TextPane { width: 20; height: auto; }"

    def compose(self) -> ComposeResult:
        yield TextPane(id="pane", markup=False)


async def test_a_pane_lays_out_only_for_text_of_another_height(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = PaneHarness()
    async with app.run_test(size=(40, 10)) as pilot:
        pane = app.query_one(TextPane)
        pane.update(Content("one\ntwo"))
        await pilot.pause()
        assert pane.size.height == 2
        asked: list[bool] = []
        refresh = pane.refresh

        def noted(*args: Any, layout: bool = False, **kwargs: Any) -> Any:
            asked.append(layout)
            return refresh(*args, layout=layout, **kwargs)

        monkeypatch.setattr(pane, "refresh", noted)
        pane.update(Content("three\nfour"))  # the same height: repainted only
        await pilot.pause()
        assert asked == [False]
        assert str(pane.render()) == "three\nfour"
        pane.update(Content("three\nfour"))  # the same text: nothing to do
        assert asked == [False]
        pane.update(Content("a line wider than the pane is"))  # wraps onto two: no layout
        assert asked == [False, False]
        pane.update(Content("five\nsix\nseven"))
        await pilot.pause()
        assert asked[-1] is True
        assert pane.size.height == 3
        pane.update(Content.styled("five\nsix\nseven", "bold"))  # same words, other style
        await pilot.pause()
        assert asked[-1] is False
        assert pane.render().spans  # type: ignore[union-attr]


class CappedHarness(App[None]):
    CSS = "TextPane { width: 20; height: auto; max-height: 4; border-top: solid red; }"

    def compose(self) -> ComposeResult:
        yield TextPane(id="pane", markup=False)


async def test_text_longer_than_the_pane_ends_in_an_ellipsis() -> None:
    app = CappedHarness()
    async with app.run_test(size=(40, 10)) as pilot:
        pane = app.query_one(TextPane)
        pane.update(Content("one\ntwo"))
        await pilot.pause()
        assert str(pane.render()) == "one\ntwo"  # fits: as given
        pane.update(Content("first line\nsecond line\na third line that wraps onto two"))
        await pilot.pause()
        shown = str(pane.render()).splitlines()
        assert len(shown) == 3  # max-height 4 less the border
        assert shown[:2] == ["first line", "second line"]
        assert shown[2].endswith("…")
        assert len(shown[2]) <= 20
        assert shown[2].startswith("a third line")
        pane.styles.width = 40  # wider: the whole text fits again, once the pane is resized
        last = "a third line that wraps onto two"
        assert await wait_until(pilot, lambda: str(pane.render()).splitlines()[-1] == last)
