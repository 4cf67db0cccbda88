"""The dependency graph of the initiatives: who depends on whom, and cycles."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from kxplan.model.initiative import Initiative

if TYPE_CHECKING:
    from kxplan.model.plan import Plan


def dependents(plan: Plan, initiative_id: str) -> list[Initiative]:
    """The initiatives that depend directly on ``initiative_id``, in plan order."""
    return [item for item in plan.initiatives if initiative_id in item.depends_on]


def dependency_cycle(initiatives: Sequence[Initiative]) -> list[str]:
    """The ids of one dependency cycle, in order, or [] when there is none."""
    return cycle_in({item.id: item.depends_on for item in initiatives})


def cycle_in(depends_on: Mapping[str, Sequence[str]]) -> list[str]:
    """The ids of one cycle of ``depends_on`` (each id's dependencies, in order), or []
    when there is none; a dependency on itself or on an id not in it is no cycle."""
    graph = {ident: [d for d in deps if d != ident] for ident, deps in depends_on.items()}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in graph:
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(graph[start]))]
        state[start] = 1
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif child not in graph:
                continue
            elif state.get(child) == 1:
                return path[path.index(child) :]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))
    return []
