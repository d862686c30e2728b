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
