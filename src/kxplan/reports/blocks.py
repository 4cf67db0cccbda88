"""The document model: the blocks a strategy document is made of, whatever its format.

The Markdown and HTML renderers read the same blocks, so both documents say the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from kxplan.i18n import N_, _
from kxplan.text.literal import one_line as one_line

NOTHING: Final = N_("Nothing recorded yet.")
NOT_ANSWERED: Final = N_("not answered yet")
"""Both translated where a block is made (inside the document's language)."""


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str = ""
    major: bool = False
    """Starts a major section: a new page when printed."""


@dataclass(frozen=True)
class Note:
    """A short line of kxplan's own, such as "Nothing recorded yet."."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """A sentence of kxplan's own that carries content (the summary's figures)."""

    text: str


@dataclass(frozen=True)
class Answer:
    """A labelled answer: **Why:** text."""

    label: str
    text: str
    empty: str = ""
    """What an empty answer reads as; "" for :data:`NOT_ANSWERED`, translated when shown."""

    @property
    def empty_text(self) -> str:
        """What the answer reads as when it is empty."""
        return self.empty or _(NOT_ANSWERED)


@dataclass(frozen=True)
class Facts:
    """Label–value pairs on single lines."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    """Columns aligned right."""
    totals: tuple[str, ...] | None = None
    style: str = ""
    """A CSS class for the HTML table (e.g. fixed column widths)."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Picture:
    """An HTML-only picture: "matrix", "maturity", "calibration", or "kpi" (the chart of
    the KPI at ``index`` among the plan's KPIs)."""

    kind: Literal["matrix", "maturity", "calibration", "kpi"]
    index: int = 0


Block = Heading | Note | Paragraph | Answer | Facts | Table | Bullets | Picture


def labelled(label: str) -> str:
    """A label before its answer: "Why:", but a question keeps its own mark."""
    return label if label.endswith("?") else label + ":"


def table_or_note(
    title: str,
    headers: tuple[str, ...],
    rows: Sequence[tuple[str, ...]],
    numeric: Iterable[int] = (),
    totals: tuple[str, ...] | None = None,
) -> Iterator[Block]:
    """A heading and the table, or a "nothing recorded" line; columns empty in every row go."""
    yield Heading(3, title)
    if not rows:
        yield Note(_(NOTHING))
        return
    keep = [0] + [i for i in range(1, len(headers)) if any(row[i].strip() for row in rows)]
    numbers = set(numeric)
    yield Table(
        tuple(headers[i] for i in keep),
        tuple(tuple(row[i] for i in keep) for row in rows),
        frozenset(new for new, old in enumerate(keep) if old in numbers),
        tuple(totals[i] for i in keep) if totals else None,
    )
