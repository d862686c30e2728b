"""Two contrasting made-up couples for tests: derived texts must follow their answers."""

from __future__ import annotations

import datetime as dt

from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.exercises import adjustments, moments, naming, persisting, safety
from emotions.model import (
    BELIEFS,
    CHANNELS,
    EMOTIONS,
    ChannelRating,
    CheckIn,
    NeedStatement,
    Rewrite,
    TriggerNote,
    VulnerableMoment,
    Workbook,
)


def _couple(a: dict[str, int], b: dict[str, int], name_a: str, name_b: str) -> Workbook:
    wb = Workbook()
    wb.partners["a"].name, wb.partners["b"].name = name_a, name_b
    for dim in DIMENSION_IDS:
        wb.partners["a"].ratings[dim].need = a[dim]
        wb.partners["b"].ratings[dim].need = b[dim]
    return wb


def talker_and_processor() -> Workbook:
    """Mia talks everything through now; Ren sorts feelings out alone and needs space first."""
    wb = _couple(
        dict(
            expression=9,
            reassurance=6,
            closeness=7,
            processing=9,
            support=8,
            conflict_pace=10,
            intensity=7,
            emotion_value=9,
        ),
        dict(
            expression=3,
            reassurance=4,
            closeness=5,
            processing=1,
            support=3,
            conflict_pace=1,
            intensity=3,
            emotion_value=5,
        ),
        "Mia",
        "Ren",
    )
    wb.partners["a"].ratings["conflict_pace"].importance = "high"
    wb.partners["b"].ratings["processing"].importance = "high"
    return wb


def reassurance_and_independence() -> Workbook:
    """Sam seeks reassurance and togetherness; Kai guards independence. Reversed roles: B higher."""
    wb = _couple(
        dict(
            expression=5,
            reassurance=2,
            closeness=2,
            processing=5,
            support=4,
            conflict_pace=5,
            intensity=4,
            emotion_value=6,
        ),
        dict(
            expression=6,
            reassurance=10,
            closeness=9,
            processing=6,
            support=8,
            conflict_pace=6,
            intensity=5,
            emotion_value=7,
        ),
        "Kai",
        "Sam",
    )
    wb.partners["b"].ratings["reassurance"].importance = "high"
    wb.partners["a"].ratings["closeness"].importance = "high"
    return wb


def full_workbook() -> Workbook:
    """Mia and Ren with every exercise filled in: every section of the summary has content."""
    wb = talker_and_processor()
    for k, pid in enumerate(("a", "b")):
        p = wb.partners[pid]
        for i, dim in enumerate(DIMENSION_IDS):
            p.ratings[dim].met = (i * 3 + k) % 11
            p.ratings[dim].guess = (i * 5 + 2 * k) % 11
        p.meta_emotion = {
            e: {b: 1 + (i + j + 2 * k) % 5 for j, b in enumerate(BELIEFS)}
            for i, e in enumerate(EMOTIONS)
        }
        p.channels = {
            c: ChannelRating(show=(8 - 3 * k + i) % 11, notice=(2 + 4 * k + i) % 11)
            for i, c in enumerate(CHANNELS)
        }
        p.safety = {
            f: safety.SHARING_RESPONSES[(i + k) % len(safety.SHARING_RESPONSES)]
            for i, f in enumerate(safety.FEELINGS)
        }
        p.withdrawal_signs = list(persisting.WITHDRAWAL_SIGNS[k : k + 3])
        pace = [a for a in adjustments.ADJUSTMENT_IDS if a.startswith("conflict_pace")]
        p.adjustments = pace[k * 3 : k * 3 + 3]
        p.small_moments = list(moments.MOMENT_IDS[k * 2 : k * 2 + 5])
        p.need_statements = [
            NeedStatement(text=naming.statement_text(n, "en"), tag=n, spoken=bool(i % 2))
            for i, n in enumerate(naming.NEED_IDS[k : k + 3])
        ] + [NeedStatement(text="I need a quiet evening each week")]
        p.rewrites = [
            Rewrite(
                complaint="You never listen",
                situation="I talk about my day",
                feeling="unseen",
                need="to be heard",
                request="put the phone away for ten minutes",
            ),
            Rewrite(complaint="Always late", feeling="a bit lost", need="some warning"),
        ]
        p.triggers = [
            TriggerNote(
                trigger="A sigh after work",
                reaction="I keep asking",
                belief="I did something wrong",
                response="Ask once",
            ),
            TriggerNote(trigger="Silence at dinner"),
        ]
        p.reflections = {s: f"{pid} on {s}.\nSecond line." for s in SECTION_IDS}
    wb.vulnerable_moment = VulnerableMoment(reacher="b", what="I told Mia about the meeting")
    wb.checkins = [
        CheckIn(
            date=dt.date(2025, 1, 1) + dt.timedelta(days=7 * i),
            connection={"a": (4 + i) % 11, "b": (6 + i // 2) % 11},
            reliability=f"Called back ({i})",
            adjustment="Pause before replying",
        )
        for i in range(12)
    ]
    wb.area_notes = {d: f"We try something on {d}." for d in DIMENSION_IDS}
    wb.next_steps = "Sunday check-ins.\nAsk before offering solutions."
    wb.visited = list(SECTION_IDS)
    return wb
