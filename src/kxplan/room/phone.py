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
from kxplan.i18n import DECIMAL_MARKS, Language, current, known, pgettext
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


def phone_texts() -> dict[str, str]:
    """Every text of the phone page by its key, in the current language (the context
    "phone" keeps the page's short words apart from the app's)."""
    return {
        "title": pgettext("phone", "kxplan room"),
        "connecting": pgettext("phone", "Connecting…"),
        "needs_script": pgettext("phone", "This page needs JavaScript turned on."),
        "offline": pgettext("phone", "No connection to the room."),
        "offline_retry": pgettext(
            "phone", "No connection to the room. Check the network and try again."
        ),
        "refused": pgettext("phone", "The room did not take that ({status})."),
        "you_are": pgettext("phone", "You are {name}"),
        "closed": pgettext("phone", "The room is closed."),
        "thanks": pgettext("phone", "Thank you for taking part."),
        "tab_now": pgettext("phone", "Now"),
        "tab_ideas": pgettext("phone", "Ideas"),
        "who": pgettext("phone", "Who are you?"),
        "your_name": pgettext("phone", "Your name"),
        "not_listed": pgettext("phone", "Not on the list?"),
        "join": pgettext("phone", "Join"),
        "no_names": pgettext("phone", "No names yet: ask the facilitator to add you."),
        "waiting": pgettext("phone", "Waiting for the facilitator to start a round."),
        "round_open": pgettext("phone", "Estimate · round {number}"),
        "round_revealed": pgettext("phone", "Revealed · round {number}"),
        "round_accepted": pgettext("phone", "Accepted · round {number}"),
        "answered": pgettext("phone", "Answered so far: {names}"),
        "nobody_yet": pgettext("phone", "nobody yet"),
        "why": pgettext("phone", "Why"),
        "what": pgettext("phone", "What"),
        "how": pgettext("phone", "How"),
        "your_answer": pgettext("phone", "{question} · your answer {value}"),
        "others_rate": pgettext("phone", "Others rate this one."),
        "anchor": pgettext("phone", "{value} = {meaning}"),
        "type_number": pgettext("phone", "Type a number first."),
        "send": pgettext("phone", "Send"),
        "no_answers": pgettext("phone", "No answers."),
        "extremes": pgettext("phone", "Lowest {low} ({low_by}), highest {high} ({high_by})"),
        "agreement": pgettext("phone", "Agreement: {agreement}"),
        "outliers": pgettext("phone", "Far from the others: {names}"),
        "dots_results": pgettext("phone", "Dot voting · results"),
        "take_dot": pgettext("phone", "Take a dot back from {title}"),
        "put_dot": pgettext("phone", "Put a dot on {title}"),
        "your_dots": pgettext("phone", "your dots"),
        "send_idea_heading": pgettext("phone", "Send an idea"),
        "idea_kind": pgettext("phone", "What is it?"),
        "idea_title": pgettext("phone", "Title"),
        "idea_title_hint": pgettext("phone", "A short title"),
        "idea_text": pgettext("phone", "Text"),
        "idea_text_hint": pgettext("phone", "One line on what and why"),
        "send_idea": pgettext("phone", "Send idea"),
        "ideas_so_far": pgettext("phone", "Ideas so far"),
        "your_ideas": pgettext("phone", "Your ideas"),
        "none_yet": pgettext("phone", "None yet."),
        "you": pgettext("phone", "you"),
        "idea_by": pgettext("phone", "{by} · {status}"),
    }


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
        "texts": phone_texts(),
        "statuses": idea_statuses(),
        "agreements": {key: label.lower() for key, label in AGREEMENTS.labels().items()},
        "kinds": IDEA_KINDS.labels(),
    }


def page_html(template: str) -> str:
    """``page/index.html`` in the current language: its ``lang`` and first words, each
    escaped (the template's ``{lang}``, ``{title}``, ``{connecting}``, ``{needs_script}``,
    ``{offline}``)."""
    texts = phone_texts()
    words = {key: html.escape(texts[key]) for key in PAGE_KEYS}
    return template.format(lang=current(), **words)


PAGE_KEYS: Final = ("title", "connecting", "needs_script", "offline")
"""The texts the page shows before its script has asked for the rest."""
