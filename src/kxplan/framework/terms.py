"""Terms and vocabularies: the machinery every enumeration in
:mod:`kxplan.framework.vocabulary` is built with.

A :class:`Vocabulary` ties the keys a plan file uses (a ``Literal`` type) to their
terms and refuses terms that do not match the ``Literal`` key for key, in order. The
terms hold the English words; what :meth:`Vocabulary.label`, :meth:`Vocabulary.labels`
and :meth:`Vocabulary.say` return is in the current language, from the catalogue's
entries whose context is the vocabulary's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Generic, NamedTuple, Protocol, TypeVar, get_args

from kxplan.i18n import pgettext


class Labelled(Protocol):
    """What every term has: its key in the plan file and its English label."""

    @property
    def key(self) -> str: ...

    @property
    def label(self) -> str: ...


K = TypeVar("K", bound=str)
T = TypeVar("T", bound=Labelled)


class Term(NamedTuple):
    """One value of an enumeration: its key in the plan file and its label.

    Terms are named tuples, not dataclasses: they are made at import by every command,
    and a named tuple costs a fifth of a frozen dataclass to define. A vocabulary whose
    terms say more defines its own, with ``key`` and ``label`` first."""

    key: str
    label: str
    """How the value reads on its own, capitalised: "In progress", "Quick win"."""


class Vocabulary(Generic[K, T]):
    """The terms of one enumeration, in the order they are offered."""

    __slots__ = ("_terms", "keys", "name")

    def __init__(self, name: str, keys: Any, terms: tuple[T, ...]) -> None:
        expected = tuple(get_args(keys))
        found = tuple(term.key for term in terms)
        if found != expected:
            raise ValueError(f"vocabulary {name!r}: terms {found} do not match {expected}")
        self.name = name
        self.keys: tuple[K, ...] = expected
        self._terms: dict[str, T] = {term.key: term for term in terms}

    def __getitem__(self, key: str) -> T:
        return self._terms[key]

    def __iter__(self) -> Iterator[T]:
        return iter(self._terms.values())

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, key: object) -> bool:
        return key in self._terms

    def label(self, key: str | None, default: str = "") -> str:
        """The label of ``key``; ``default`` for None, the key itself if it is unknown."""
        if key is None:
            return default
        term = self._terms.get(key)
        return pgettext(self.name, term.label) if term is not None else key

    def labels(self) -> dict[str, str]:
        """Key → label, in order (for drop-downs and lookups)."""
        return {key: pgettext(self.name, self._terms[key].label) for key in self.keys}

    def say(self, text: str) -> str:
        """One of this vocabulary's words (a label, a plural, an advice) in the current
        language: ``QUADRANTS.say(term.plural)``."""
        return pgettext(self.name, text)

    def position(self, key: str) -> int:
        """Where ``key`` stands in the order (unknown keys last)."""
        return self.keys.index(key) if key in self._terms else len(self.keys)
