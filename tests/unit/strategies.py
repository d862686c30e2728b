"""Hypothesis strategies that generate valid workbooks, every field exercised."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.model import (
    BELIEFS,
    CHANNELS,
    EMOTIONS,
    IMPORTANCE_LEVELS,
    PARTNER_IDS,
    ChannelRating,
    CheckIn,
    NeedStatement,
    Partner,
    Rating,
    Rewrite,
    TriggerNote,
    VulnerableMoment,
    Workbook,
)

scores = st.integers(0, 10)
# Any text a person might type, Japanese, emoji and markup included.
texts = st.text(max_size=60)
tags = st.from_regex(r"[a-z0-9_-]{1,12}", fullmatch=True)
times = st.datetimes(
    min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 1, 1), timezones=st.just(dt.UTC)
)

# Every question answered or not ("not answered" is None), in any mixture.
ratings = st.builds(
    Rating,
    need=st.none() | scores,
    importance=st.none() | st.sampled_from(IMPORTANCE_LEVELS),
    met=st.none() | scores,
    guess=st.none() | scores,
)

partners = st.builds(
    Partner,
    name=st.text(max_size=40),
    ratings=st.fixed_dictionaries({dim: ratings for dim in DIMENSION_IDS}),
    meta_emotion=st.dictionaries(
        st.sampled_from(EMOTIONS),
        st.dictionaries(st.sampled_from(BELIEFS), st.integers(1, 5)),
    ),
    channels=st.dictionaries(
        st.sampled_from(CHANNELS),
        st.builds(ChannelRating, show=st.none() | scores, notice=st.none() | scores),
    ),
    safety=st.dictionaries(tags, tags, max_size=3),
    withdrawal_signs=st.lists(tags, max_size=3),
    adjustments=st.lists(tags, max_size=3),
    small_moments=st.lists(tags, max_size=3),
    need_statements=st.lists(
        st.builds(NeedStatement, text=texts, spoken=st.booleans(), tag=st.none() | tags),
        max_size=2,
    ),
    rewrites=st.lists(
        st.builds(
            Rewrite, complaint=texts, situation=texts, feeling=texts, need=texts, request=texts
        ),
        max_size=2,
    ),
    triggers=st.lists(
        st.builds(TriggerNote, trigger=texts, reaction=texts, belief=texts, response=texts),
        max_size=2,
    ),
    reflections=st.dictionaries(st.sampled_from(SECTION_IDS), texts, max_size=3),
)

workbooks = st.builds(
    Workbook,
    created=times,
    updated=times,
    language=st.sampled_from(["en", "ja"]),
    mode=st.sampled_from(["together", "separate"]),
    sample=st.none() | tags,
    partners=st.dictionaries(st.sampled_from(PARTNER_IDS), partners, min_size=1),
    vulnerable_moment=st.none()
    | st.builds(VulnerableMoment, reacher=st.sampled_from(PARTNER_IDS), what=texts),
    checkins=st.lists(
        st.builds(
            CheckIn,
            date=st.dates(dt.date(2020, 1, 1), dt.date(2035, 1, 1)),
            connection=st.dictionaries(st.sampled_from(PARTNER_IDS), scores),
            reliability=texts,
            adjustment=texts,
        ),
        max_size=3,
    ),
    visited=st.lists(st.sampled_from(SECTION_IDS), unique=True),
    area_notes=st.dictionaries(st.sampled_from(DIMENSION_IDS), texts, max_size=3),
    next_steps=texts,
)


# --- Issue 13: workbooks with any subset of the rating questions answered

ANSWER_NAMES = {"a": "Aoi", "b": "Ren"}
"""Distinctive names (no catalog text holds them): tests/honesty.py finds them in derived texts."""


@st.composite
def partly_answered_partners(draw: st.DrawFn, pid: str) -> Partner:
    """One partner with each need, importance, met and guess either answered or not; sometimes
    nothing at all, sometimes everything."""
    share = draw(st.sampled_from([0.0, 0.3, 0.6, 1.0]))
    ratings = {}
    for dim in DIMENSION_IDS:
        values = {}
        for kind, answers in (
            ("need", scores),
            ("importance", st.sampled_from(IMPORTANCE_LEVELS)),
            ("met", scores),
            ("guess", scores),
        ):
            answered = share == 1.0 or (share > 0 and draw(st.floats(0, 1)) < share)
            values[kind] = draw(answers) if answered else None
        ratings[dim] = Rating(**values)
    return Partner(name=ANSWER_NAMES[pid], ratings=ratings)


@st.composite
def partly_answered_workbooks(draw: st.DrawFn) -> Workbook:
    """A workbook of "Aoi" (A) and "Ren" (B) with random subsets of the rating questions
    answered; sometimes one of them is absent (a partner file). Sometimes a vulnerable moment, so
    that section 5 reads the needs of the one who reached out."""
    present = draw(st.sampled_from([("a", "b"), ("a", "b"), ("a", "b"), ("a",), ("b",)]))
    partners = {pid: draw(partly_answered_partners(pid)) for pid in present}
    moment = draw(
        st.none()
        | st.builds(VulnerableMoment, reacher=st.sampled_from(PARTNER_IDS), what=st.just(""))
    )
    return Workbook(partners=partners, vulnerable_moment=moment)
