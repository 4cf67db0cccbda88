"""Synthetic plans of any size, for benchmarks: ``from generate import make_plan``.

The plans look like a real workshop's: filled-in areas, initiatives with a few
sentences in each of why/what/how, scores on the default 1–5 scales, three to
six participants' estimates each, and dependencies on earlier initiatives (so
there are no cycles). The same ``n`` and ``seed`` always give the same plan.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kxplan.framework import AREA_IDS, MEASURES, MEASURES_BY_ID
from kxplan.model import SCHEMA_VERSION, Plan

_WORDS = (
    "customer",
    "order",
    "invoice",
    "delivery",
    "chat",
    "phone",
    "e-mail",
    "web",
    "app",
    "self-service",
    "status",
    "tracking",
    "callback",
    "queue",
    "answer",
    "first",
    "contact",
    "resolution",
    "handling",
    "time",
    "survey",
    "feedback",
    "complaint",
    "refund",
    "return",
    "payment",
    "login",
    "password",
    "account",
    "address",
    "parcel",
    "agent",
    "team",
    "training",
    "script",
    "knowledge",
    "article",
    "FAQ",
    "portal",
    "notification",
    "SMS",
    "reminder",
    "kundservice",
    "leverans",
    "faktura",
    "åtgärd",
    "förbättring",
    "översikt",
    "väntetid",
    "svarstid",
)
_PEOPLE = ("Anna", "Björn", "Chen", "Dalia", "Eero", "Fatima", "Göran", "Hanna")
_CHANNELS = ("Phone", "E-mail", "Chat", "Web", "App", "Office")


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, sentences: int) -> str:
    parts = [_sentence(rng, rng.randint(6, 16)) for _ in range(sentences)]
    if sentences > 2:  # real notes break lines now and then
        parts.insert(sentences // 2, "\n")
    return " ".join(parts).replace(" \n ", "\n")


def _score(rng: random.Random) -> int:
    return rng.randint(1, 5)


def make_plan(n: int, seed: int = 0, *, links: int = 0, readings: int = 0) -> Plan:
    """A valid plan with ``n`` initiatives and realistic area content; with ``links``,
    each initiative addresses that many rows (friction points, contact reasons, KPIs,
    channels), and the KPIs hold ``readings`` dated readings between them. The rest of
    the plan is the same with or without them (they come from a random stream of their
    own)."""
    rng = random.Random(seed)
    participants = list(_PEOPLE[: rng.randint(4, len(_PEOPLE))])
    areas: dict[str, dict[str, object]] = {
        area_id: {
            "maturity_today": rng.randint(1, 3),
            "maturity_target": rng.randint(3, 5),
            "today": _paragraphs(rng, 3),
            "target": _paragraphs(rng, 2),
            "how": _paragraphs(rng, 3),
        }
        for area_id in AREA_IDS
    }
    areas["insight"]["kpis"] = [
        {
            "measure": m.id,
            "name": m.label if m.id == "custom" else "",
            "channel": c,
            "baseline": 40,
            "target": 60,
        }
        for m in MEASURES[:4]
        for c in _CHANNELS[:3]
    ]
    areas["accessibility"]["channels"] = [
        {
            "name": c,
            "preference": 100 / len(_CHANNELS),
            "customer_value": _score(rng),
            "cost_per_contact": rng.randint(5, 120),
            "hours": "Mon–Fri 8–17",
            "decision": "keep",
        }
        for c in _CHANNELS
    ]
    areas["service_friendliness"]["frictions"] = [
        {
            "title": _sentence(rng, 4),
            "severity": _score(rng),
            "frequency": "weekly",
            "description": _paragraphs(rng, 2),
            "fix": _sentence(rng, 8),
        }
        for _ in range(max(3, n // 20))
    ]
    areas["unnecessary_demand"]["contact_reasons"] = [
        {
            "reason": f"{_sentence(rng, 4)} ({i})",
            "channel": rng.choice(_CHANNELS),
            "monthly_volume": rng.randint(10, 5000),
            "demand": "failure",
            "avoidable": rng.randint(0, 100),
        }
        for i in range(max(3, n // 20))
    ]
    areas["anchoring"]["stakeholders"] = [
        {
            "name": f"Department {i}",
            "role": _sentence(rng, 6),
            "stages": ["during", "after"],
            "buy_in": "neutral",
            "next_step": _sentence(rng, 5),
        }
        for i in range(max(3, n // 50))
    ]
    initiatives = []
    for index in range(n):
        ident = f"initiative-{index + 1}"
        earlier = rng.sample(range(index), k=min(index, rng.randint(0, 2)))
        initiatives.append(
            {
                "id": ident,
                "title": _sentence(rng, rng.randint(3, 8)).rstrip("."),
                "areas": rng.sample(AREA_IDS, k=rng.randint(1, 2)),
                "why": _paragraphs(rng, rng.randint(1, 4)),
                "what": _paragraphs(rng, rng.randint(1, 3)),
                "who": rng.choice(participants),
                "when": f"2027-Q{rng.randint(1, 4)}",
                "how": _paragraphs(rng, rng.randint(1, 3)),
                "status": rng.choice(("idea", "planned", "in_progress", "done")),
                "effort": _score(rng),
                "customer_value": _score(rng),
                "efficiency": _score(rng),
                "confidence": rng.choice((50, 60, 70, 80, 90)),
                "reach": rng.randint(100, 50_000),
                "depends_on": [f"initiative-{e + 1}" for e in earlier],
                "estimates": [
                    {
                        "participant": p,
                        "effort": _score(rng),
                        "customer_value": _score(rng),
                        "efficiency": _score(rng),
                        "confidence": rng.choice((50, 70, 90)),
                    }
                    for p in rng.sample(participants, k=rng.randint(3, min(6, len(participants))))
                ],
            }
        )
    if links or readings:
        _add_evidence(random.Random(seed + 7919), areas, initiatives, links, readings)
    return Plan.model_validate(
        {
            "schema": SCHEMA_VERSION,
            "title": "Kundupplevelse 2027 – synthetic",
            "organisation": "Exempel AB",
            "version": f"v{seed + 1}",
            "created": datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
            "facilitator": participants[0],
            "participants": participants,
            "currency": "SEK",
            "strategy": {
                "today": _paragraphs(rng, 4),
                "target": _paragraphs(rng, 3),
                "how": _paragraphs(rng, 4),
            },
            "areas": areas,
            "initiatives": initiatives,
        }
    )


def _add_evidence(
    rng: random.Random,
    areas: dict[str, dict[str, Any]],
    initiatives: list[dict[str, Any]],
    links: int,
    readings: int,
) -> None:
    """Links from every initiative to ``links`` rows, and ``readings`` KPI readings."""
    rows: list[dict[str, Any]] = []
    for kpi in areas["insight"]["kpis"]:
        label = kpi["name"] or MEASURES_BY_ID[kpi["measure"]].label
        rows.append({"table": "kpis", "key": [label, kpi["channel"]]})
    for channel in areas["accessibility"]["channels"]:
        rows.append({"table": "channels", "key": [channel["name"]]})
    for friction in areas["service_friendliness"]["frictions"]:
        rows.append({"table": "frictions", "key": [friction["title"]]})
    reasons = [
        {"table": "contact_reasons", "key": [reason["reason"], reason["channel"]]}
        for reason in areas["unnecessary_demand"]["contact_reasons"]
    ]
    for item in initiatives:
        chosen = rng.sample(reasons, k=min(len(reasons), max(1, links // 2)))
        chosen += rng.sample(rows, k=min(len(rows), links - len(chosen)))
        item["addresses"] = chosen
    kpis = areas["insight"]["kpis"]
    start = date(2025, 1, 1)
    for number in range(readings):
        kpi = kpis[number % len(kpis)]
        day = start + timedelta(days=number // len(kpis))
        kpi.setdefault("readings", []).append(
            {"date": day, "value": rng.randint(30, 70), "source": "synthetic"}
        )
