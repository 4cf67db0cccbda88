"""The phone page's language and words: every text the page shows comes from here.

A phone reads the room in its browser's first language when kxplan speaks it (the
``Accept-Language`` header, which is ``navigator.language`` first), else in the plan's
own language. The page (``page/room.js``) holds no words of its own: it asks for
:func:`phone_strings` (``api/strings``), a small table of texts in that language with
``{named}`` places the page fills in as text. The page itself (``page/index.html``)
is filled in by :func:`page_html` with its ``lang`` and its first words.
"""

from __future__ import annotations

import html
from typing import Any, Final

from kxplan.framework import AGREEMENTS
from kxplan.i18n import DECIMAL_MARKS, N_, Language, _, current, known, pgettext
from kxplan.room.activities import IDEA_KINDS
from kxplan.text.numbers import GROUP


def phone_language(accept: str | None, plan_language: Language) -> Language:
    """The language a phone reads: its browser's first choice (the highest ``q`` in
    ``Accept-Language``) when kxplan speaks it, else the plan's."""
    best: tuple[float, int, str] | None = None
    for position, item in enumerate((accept or "").split(",")):
        code, _sep, params = item.strip().partition(";")
        if not code or code == "*":
            continue
        weight = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if weight > 0 and (best is None or (weight, -position) > (best[0], best[1])):
            best = (weight, -position, code)
    if best is None:
        return plan_language
    return known(best[2]) or plan_language


PHONE_TEXTS: Final[dict[str, str]] = {
    "title": N_("kxplan room"),
    "connecting": N_("Connecting…"),
    "needs_script": N_("This page needs JavaScript turned on."),
    "offline": N_("No connection to the room."),
    "offline_retry": N_("No connection to the room. Check the network and try again."),
    "refused": N_("The room did not take that ({status})."),
    "you_are": N_("You are {name}"),
    "closed": N_("The room is closed."),
    "thanks": N_("Thank you for taking part."),
    "tab_now": N_("Now"),
    "tab_ideas": N_("Ideas"),
    "who": N_("Who are you?"),
    "your_name": N_("Your name"),
    "not_listed": N_("Not on the list?"),
    "join": N_("Join"),
    "no_names": N_("No names yet: ask the facilitator to add you."),
    "waiting": N_("Waiting for the facilitator to start a round."),
    "round_open": N_("Estimate · round {number}"),
    "round_revealed": N_("Revealed · round {number}"),
    "round_accepted": N_("Accepted · round {number}"),
    "answered": N_("Answered so far: {names}"),
    "nobody_yet": N_("nobody yet"),
    "why": N_("Why"),
    "what": N_("What"),
    "how": N_("How"),
    "your_answer": N_("{question} · your answer {value}"),
    "others_rate": N_("Others rate this one."),
    "anchor": N_("{value} = {meaning}"),
    "type_number": N_("Type a number first."),
    "send": N_("Send"),
    "no_answers": N_("No answers."),
    "extremes": N_("Lowest {low} ({low_by}), highest {high} ({high_by})"),
    "agreement": N_("Agreement: {agreement}"),
    "outliers": N_("Far from the others: {names}"),
    "dots_results": N_("Dot voting · results"),
    "take_dot": N_("Take a dot back from {title}"),
    "put_dot": N_("Put a dot on {title}"),
    "your_dots": N_("your dots"),
    "send_idea_heading": N_("Send an idea"),
    "idea_kind": N_("What is it?"),
    "idea_title": N_("Title"),
    "idea_title_hint": N_("A short title"),
    "idea_text": N_("Text"),
    "idea_text_hint": N_("One line on what and why"),
    "send_idea": N_("Send idea"),
    "ideas_so_far": N_("Ideas so far"),
    "your_ideas": N_("Your ideas"),
    "none_yet": N_("None yet."),
    "you": N_("you"),
    "idea_by": N_("{by} · {status}"),
}
"""Every text of the phone page by its key, as written (English); translated when sent."""


def idea_statuses() -> dict[str, str]:
    """An idea's status as the phone shows it, in the current language."""
    return {
        "new": pgettext("idea status", "new"),
        "accepted": pgettext("idea status", "accepted"),
        "merged": pgettext("idea status", "merged"),
        "discarded": pgettext("idea status", "discarded"),
    }


def phone_strings() -> dict[str, Any]:
    """What ``api/strings`` sends: the language, its number marks, and every text of the
    page (idea statuses and agreement levels by key) in the current language."""
    return {
        "lang": current(),
        "decimal": DECIMAL_MARKS[current()],
        "group": GROUP,
        "texts": {key: _(text) for key, text in PHONE_TEXTS.items()},
        "statuses": idea_statuses(),
        "agreements": AGREEMENTS.labels(),
        "kinds": IDEA_KINDS.labels(),
    }


def page_html(template: str) -> str:
    """``page/index.html`` in the current language: its ``lang`` and first words, each
    escaped (the template's ``{lang}``, ``{title}``, ``{connecting}``, ``{needs_script}``,
    ``{offline}``)."""
    words = {key: html.escape(_(PHONE_TEXTS[key])) for key in PAGE_KEYS}
    return template.format(lang=current(), **words)


PAGE_KEYS: Final = ("title", "connecting", "needs_script", "offline")
"""The texts the page shows before its script has asked for the rest."""
