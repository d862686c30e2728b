"""Sample couples for demonstrations: made-up couples with every exercise of the workbook filled in.

Each sample has a stable ASCII id (stored as ``Workbook.sample``, which drives the "sample" banner
on screen and the subtitle of the exports). What does not depend on the language lives here: the
ratings, the grids, the choices from the app's lists, the dates and levels of the check-ins. The
names and every word the couple "wrote" (reflections, rewrites, trigger notes, ...) live in
``content/<lang>/samples.toml``, so ``load_sample(sample_id, lang)`` builds the same couple in
every language, with names that fit it.

The couples are invented. Their figures are made-up answers, never statistics about anyone.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeGuard, get_args

from emotions.dimensions import DIMENSION_IDS, SECTION_IDS, DimensionId
from emotions.exercises.naming import NeedId, statement_text
from emotions.exercises.persisting import WithdrawalSign
from emotions.exercises.safety import Feeling, SharingResponse
from emotions.i18n import content_table
from emotions.languages import LANGUAGE_CODES
from emotions.model import (
    BELIEFS,
    CHANNELS,
    EMOTIONS,
    PARTNER_IDS,
    ChannelRating,
    CheckIn,
    Emotion,
    Importance,
    Language,
    NeedStatement,
    Partner,
    PartnerId,
    Rating,
    Rewrite,
    TriggerNote,
    VulnerableMoment,
    Workbook,
)

SampleId = Literal[
    "talk-vs-reflect",
    "reassure-vs-independent",
    "space-vs-talk-now",
    "words-vs-deeds",
]
SAMPLE_IDS: tuple[SampleId, ...] = get_args(SampleId)

NeedMetGuess = tuple[int, int, int]
"""On one needs dimension: how much this partner needs it, how well it is met, and where they
guess the *other* partner stands."""
Four = tuple[int, int, int, int]
"""Agreement 1-5 per belief, in ``BELIEFS`` order: acceptable, valuable, dangerous, weak."""
Three = tuple[int, int, int]
"""One figure per channel, in ``CHANNELS`` order: words, actions, presence."""


@dataclass(frozen=True)
class PartnerProfile:
    """One made-up partner's answers that read the same in every language."""

    figures: Mapping[DimensionId, NeedMetGuess]
    """Every dimension of the registry, by id (checked when the profile is made)."""
    important: tuple[DimensionId, ...]
    """Dimensions that matter a lot to this partner (importance "high")."""
    light: tuple[DimensionId, ...]
    """Dimensions that matter little (importance "low"); all others are "medium"."""
    meta_emotion: Mapping[Emotion, Four]
    shows: Three
    notices: Three
    safety: Mapping[Feeling, SharingResponse]
    withdrawal_signs: tuple[WithdrawalSign, ...]
    adjustments: tuple[str, ...]
    small_moments: tuple[str, ...]
    needs_named: tuple[tuple[NeedId, bool], ...]
    """Checklist needs this partner named, each with whether it has been said aloud."""
    own_need_spoken: bool

    def __post_init__(self) -> None:
        # A sample missing a dimension (or naming one that does not exist) fails at import.
        if set(self.figures) != set(DIMENSION_IDS):
            missing = [dim for dim in DIMENSION_IDS if dim not in self.figures]
            unknown = sorted(set(self.figures) - set(DIMENSION_IDS))
            raise ValueError(f"sample figures: missing {missing}, unknown {unknown}")
        for dim in (*self.important, *self.light):
            if dim not in DIMENSION_IDS:
                raise ValueError(f"sample importance names an unknown dimension {dim!r}")


@dataclass(frozen=True)
class CheckInPoint:
    """A check-in's date and how connected each partner felt (its words are in the content)."""

    date: dt.date
    a: int
    b: int


@dataclass(frozen=True)
class SampleProfile:
    """A made-up couple: both partners, who reached out in section 5, and their check-ins."""

    a: PartnerProfile
    b: PartnerProfile
    reacher: PartnerId
    checkins: tuple[CheckInPoint, ...]

    def partner(self, pid: PartnerId) -> PartnerProfile:
        return self.a if pid == "a" else self.b


def _weekly(
    start: dt.date, weeks: tuple[int, ...], a: tuple[int, ...], b: tuple[int, ...]
) -> tuple[CheckInPoint, ...]:
    """Check-ins ``weeks`` after ``start``, with how connected A and B felt at each."""
    return tuple(
        CheckInPoint(start + dt.timedelta(weeks=w), ca, cb)
        for w, ca, cb in zip(weeks, a, b, strict=True)
    )


PROFILES: dict[SampleId, SampleProfile] = {
    # One sorts a feeling out quietly first (A, a woman); the other talks it through out loud
    # (B, a man).
    "talk-vs-reflect": SampleProfile(
        a=PartnerProfile(
            figures={  # dimension: (need, met, guess)
                "expression": (3, 6, 7),
                "reassurance": (4, 6, 5),
                "closeness": (5, 7, 7),
                "processing": (2, 4, 6),
                "support": (4, 6, 6),
                "conflict_pace": (4, 3, 8),
                "intensity": (4, 6, 7),
                "emotion_value": (6, 6, 7),
            },
            important=("processing",),
            light=("reassurance",),
            meta_emotion={
                "sadness": (4, 3, 2, 2),
                "anger": (3, 2, 4, 3),
                "fear": (3, 2, 3, 3),
                "joy": (5, 4, 1, 1),
                "shame": (2, 2, 3, 4),
            },
            shows=(3, 7, 7),
            notices=(5, 6, 5),
            safety={
                "worry": "heard",
                "hurt": "unsure",
                "sadness": "comforted",
                "joy": "heard",
                "anger": "judged",
                "shame": "unsure",
            },
            withdrawal_signs=("tired_before_talking",),
            adjustments=("processing-lower-1", "processing-lower-2", "expression-lower-3"),
            small_moments=(
                "presence-quiet-company",
                "presence-walk",
                "curiosity-best-and-hardest",
                "curiosity-follow-up",
            ),
            needs_named=(("time-alone", True), ("heads-up", False)),
            own_need_spoken=False,
        ),
        b=PartnerProfile(
            figures={  # dimension: (need, met, guess)
                "expression": (9, 4, 5),
                "reassurance": (6, 6, 4),
                "closeness": (7, 6, 6),
                "processing": (9, 3, 5),
                "support": (7, 5, 4),
                "conflict_pace": (7, 5, 5),
                "intensity": (6, 6, 4),
                "emotion_value": (9, 5, 6),
            },
            important=("expression", "processing"),
            light=("intensity",),
            meta_emotion={
                "sadness": (5, 5, 1, 1),
                "anger": (4, 4, 2, 1),
                "fear": (5, 4, 2, 1),
                "joy": (5, 5, 1, 1),
                "shame": (4, 4, 2, 2),
            },
            shows=(8, 6, 5),
            notices=(8, 5, 3),
            safety={
                "worry": "heard",
                "hurt": "alone",
                "sadness": "fixed",
                "joy": "heard",
                "anger": "alone",
                "shame": "unsure",
            },
            withdrawal_signs=("shorter_talks", "unsaid_irritations"),
            adjustments=("processing-higher-1", "processing-higher-3", "expression-higher-2"),
            small_moments=(
                "presence-phone-down",
                "presence-walk",
                "validation-take-your-time",
                "curiosity-best-and-hardest",
                "curiosity-follow-up",
            ),
            needs_named=(("talk-it-through", True), ("asked-how-i-am", False)),
            own_need_spoken=False,
        ),
        reacher="a",
        checkins=_weekly(dt.date(2025, 3, 2), (0, 1, 2, 4, 6), (5, 5, 6, 6, 7), (4, 5, 5, 6, 7)),
    ),
    # One is at ease with plenty of room of their own (A, a woman); the other feels secure
    # through reassurance and togetherness (B, a man).
    "reassure-vs-independent": SampleProfile(
        a=PartnerProfile(
            figures={  # dimension: (need, met, guess)
                "expression": (4, 6, 6),
                "reassurance": (2, 7, 6),
                "closeness": (3, 2, 6),
                "processing": (4, 6, 6),
                "support": (4, 6, 6),
                "conflict_pace": (5, 6, 6),
                "intensity": (4, 6, 5),
                "emotion_value": (5, 6, 6),
            },
            important=("closeness",),
            light=("intensity",),
            meta_emotion={
                "sadness": (4, 3, 2, 2),
                "anger": (4, 3, 2, 2),
                "fear": (3, 2, 2, 4),
                "joy": (5, 4, 1, 1),
                "shame": (3, 2, 2, 3),
            },
            shows=(3, 8, 5),
            notices=(6, 6, 4),
            safety={
                "worry": "heard",
                "hurt": "heard",
                "sadness": "unsure",
                "joy": "heard",
                "anger": "judged",
                "shame": "unsure",
            },
            withdrawal_signs=("easier_apart",),
            adjustments=("reassurance-lower-1", "reassurance-lower-2", "closeness-lower-1"),
            small_moments=(
                "presence-hello-goodbye",
                "validation-their-way",
                "curiosity-their-own-world",
                "curiosity-follow-up",
            ),
            needs_named=(("time-alone", True), ("efforts-noticed", False)),
            own_need_spoken=True,
        ),
        b=PartnerProfile(
            figures={  # dimension: (need, met, guess)
                "expression": (7, 5, 4),
                "reassurance": (9, 3, 3),
                "closeness": (8, 4, 2),
                "processing": (6, 5, 5),
                "support": (7, 6, 4),
                "conflict_pace": (7, 5, 5),
                "intensity": (6, 6, 4),
                "emotion_value": (7, 6, 5),
            },
            important=("reassurance", "closeness"),
            light=(),
            meta_emotion={
                "sadness": (5, 4, 2, 1),
                "anger": (3, 3, 3, 2),
                "fear": (4, 3, 3, 2),
                "joy": (5, 5, 1, 1),
                "shame": (3, 3, 3, 3),
            },
            shows=(8, 6, 6),
            notices=(7, 4, 5),
            safety={
                "worry": "dismissed",
                "hurt": "unsure",
                "sadness": "comforted",
                "joy": "heard",
                "anger": "unsure",
                "shame": "alone",
            },
            withdrawal_signs=("keep_to_myself", "stopped_asking", "far_while_together"),
            adjustments=("reassurance-higher-2", "reassurance-higher-3", "closeness-higher-1"),
            small_moments=(
                "presence-first-minutes",
                "presence-hello-goodbye",
                "validation-same-day",
                "curiosity-their-own-world",
            ),
            needs_named=(("hear-we-are-ok", False), ("affection", True)),
            own_need_spoken=False,
        ),
        reacher="b",
        checkins=_weekly(dt.date(2025, 5, 4), (0, 1, 2, 3, 5), (6, 6, 6, 7, 7), (4, 4, 5, 6, 6)),
    ),
    # Under tension one needs space first; the other needs to talk it through now (two women).
    "space-vs-talk-now": SampleProfile(
        a=PartnerProfile(
            figures={  # dimension: (need, met, guess)
                "expression": (4, 6, 6),
                "reassurance": (4, 6, 7),
                "closeness": (6, 6, 7),
                "processing": (3, 5, 6),
                "support": (4, 6, 6),
                "conflict_pace": (1, 3, 7),
                "intensity": (3, 5, 6),
                "emotion_value": (6, 6, 7),
            },
            important=("conflict_pace",),
            light=("expression",),
            meta_emotion={
                "sadness": (4, 3, 2, 2),
                "anger": (3, 2, 4, 2),
                "fear": (4, 3, 2, 2),
                "joy": (5, 4, 1, 1),
                "shame": (3, 3, 2, 3),
            },
            shows=(4, 7, 8),
            notices=(6, 6, 7),
            safety={
                "worry": "heard",
                "hurt": "unsure",
                "sadness": "comforted",
                "joy": "heard",
                "anger": "judged",
                "shame": "unsure",
            },
            withdrawal_signs=("tired_before_talking", "avoid_topics"),
            adjustments=("conflict_pace-lower-1", "conflict_pace-lower-3", "reassurance-lower-1"),
            small_moments=(
                "presence-quiet-company",
                "presence-walk",
                "validation-take-your-time",
                "curiosity-what-would-help",
            ),
            needs_named=(("pause-when-heated", True), ("heads-up", False)),
            own_need_spoken=False,
        ),
        b=PartnerProfile(
            figures={  # dimension: (need, met, guess)
                "expression": (7, 5, 4),
                "reassurance": (7, 4, 5),
                "closeness": (7, 6, 6),
                "processing": (7, 5, 4),
                "support": (6, 6, 4),
                "conflict_pace": (10, 3, 4),
                "intensity": (7, 6, 3),
                "emotion_value": (7, 6, 5),
            },
            important=("conflict_pace", "reassurance"),
            light=(),
            meta_emotion={
                "sadness": (5, 4, 1, 1),
                "anger": (5, 4, 1, 1),
                "fear": (4, 4, 2, 1),
                "joy": (5, 5, 1, 1),
                "shame": (4, 3, 2, 2),
            },
            shows=(8, 6, 5),
            notices=(7, 6, 3),
            safety={
                "worry": "alone",
                "hurt": "alone",
                "sadness": "heard",
                "joy": "heard",
                "anger": "heard",
                "shame": "unsure",
            },
            withdrawal_signs=("unsaid_irritations",),
            adjustments=(
                "conflict_pace-higher-1",
                "conflict_pace-higher-2",
                "reassurance-higher-2",
            ),
            small_moments=(
                "presence-walk",
                "presence-hello-goodbye",
                "validation-makes-sense",
                "validation-same-day",
                "curiosity-what-would-help",
            ),
            needs_named=(("talk-it-through", True), ("hear-we-are-ok", False)),
            own_need_spoken=False,
        ),
        reacher="b",
        checkins=_weekly(dt.date(2025, 9, 7), (0, 1, 3, 5, 7), (5, 5, 6, 6, 7), (4, 5, 5, 6, 6)),
    ),
    # The same wish for closeness, shown through different channels: deeds (A, a man) and
    # words (B, a woman).
    "words-vs-deeds": SampleProfile(
        a=PartnerProfile(
            figures={  # dimension: (need, met, guess)
                "expression": (4, 6, 6),
                "reassurance": (5, 6, 6),
                "closeness": (8, 7, 6),
                "processing": (4, 6, 5),
                "support": (3, 5, 5),
                "conflict_pace": (5, 6, 5),
                "intensity": (4, 6, 5),
                "emotion_value": (5, 6, 6),
            },
            important=("closeness",),
            light=("intensity",),
            meta_emotion={
                "sadness": (4, 3, 2, 2),
                "anger": (3, 3, 2, 2),
                "fear": (3, 3, 2, 3),
                "joy": (5, 4, 1, 1),
                "shame": (3, 2, 2, 3),
            },
            shows=(3, 9, 7),
            notices=(4, 6, 6),
            safety={
                "worry": "unsure",
                "hurt": "unsure",
                "sadness": "heard",
                "joy": "heard",
                "anger": "heard",
                "shame": "alone",
            },
            withdrawal_signs=("unsaid_irritations",),
            adjustments=("expression-lower-1", "expression-lower-2", "support-lower-1"),
            small_moments=(
                "presence-first-minutes",
                "presence-walk",
                "presence-hello-goodbye",
                "curiosity-follow-up",
            ),
            needs_named=(("efforts-noticed", False), ("practical-help", True)),
            own_need_spoken=False,
        ),
        b=PartnerProfile(
            figures={  # dimension: (need, met, guess)
                "expression": (7, 4, 6),
                "reassurance": (6, 5, 5),
                "closeness": (8, 6, 6),
                "processing": (6, 6, 5),
                "support": (6, 5, 5),
                "conflict_pace": (5, 6, 5),
                "intensity": (5, 6, 4),
                "emotion_value": (7, 5, 6),
            },
            important=("expression", "closeness"),
            light=(),
            meta_emotion={
                "sadness": (5, 5, 1, 1),
                "anger": (4, 3, 2, 1),
                "fear": (4, 4, 2, 1),
                "joy": (5, 5, 1, 1),
                "shame": (4, 4, 2, 1),
            },
            shows=(9, 4, 6),
            notices=(7, 3, 5),
            safety={
                "worry": "heard",
                "hurt": "fixed",
                "sadness": "comforted",
                "joy": "heard",
                "anger": "unsure",
                "shame": "heard",
            },
            withdrawal_signs=("far_while_together",),
            adjustments=("expression-higher-2", "support-higher-1", "processing-higher-2"),
            small_moments=(
                "presence-phone-down",
                "presence-hello-goodbye",
                "validation-name-feeling",
                "curiosity-best-and-hardest",
            ),
            needs_named=(("affection", True), ("asked-how-i-am", False)),
            own_need_spoken=True,
        ),
        reacher="a",
        checkins=_weekly(dt.date(2025, 11, 2), (0, 1, 2, 4), (6, 6, 7, 7), (5, 6, 6, 7)),
    ),
}


def is_sample_id(value: object) -> TypeGuard[SampleId]:
    """Whether ``value`` is the id of one of the sample couples."""
    return value in SAMPLE_IDS


def sample_words(sample_id: SampleId, lang: Language) -> dict[str, Any]:
    """The words of one sample in ``lang``: title, about, names, notes (``samples.toml``)."""
    return content_table("samples", lang)[sample_id]  # type: ignore[no-any-return]


def title(sample_id: SampleId, lang: Language) -> str:
    """A sample's short title, without names (safe on a shared screen)."""
    return str(sample_words(sample_id, lang)["title"])


def about(sample_id: SampleId, lang: Language) -> str:
    """One sentence on what the sample shows, without names."""
    return str(sample_words(sample_id, lang)["about"])


def _rating(profile: PartnerProfile, dim: DimensionId) -> Rating:
    need, met, guess = profile.figures[dim]
    importance: Importance = (
        "high" if dim in profile.important else "low" if dim in profile.light else "medium"
    )
    return Rating(need=need, importance=importance, met=met, guess=guess)


def _partner(profile: PartnerProfile, words: dict[str, Any], lang: Language) -> Partner:
    ratings = {dim: _rating(profile, dim) for dim in DIMENSION_IDS}
    statements = [
        NeedStatement(text=statement_text(tag, lang), tag=tag, spoken=spoken)
        for tag, spoken in profile.needs_named
    ]
    statements.append(NeedStatement(text=words["own_need"], spoken=profile.own_need_spoken))
    return Partner(
        name=words["name"],
        ratings=ratings,
        meta_emotion={
            emotion: dict(zip(BELIEFS, profile.meta_emotion[emotion], strict=True))
            for emotion in EMOTIONS
        },
        channels={
            channel: ChannelRating(show=show, notice=notice)
            for channel, show, notice in zip(CHANNELS, profile.shows, profile.notices, strict=True)
        },
        safety=dict(profile.safety),
        withdrawal_signs=list(profile.withdrawal_signs),
        adjustments=list(profile.adjustments),
        small_moments=list(profile.small_moments),
        need_statements=statements,
        rewrites=[Rewrite(**r) for r in words["rewrites"]],
        triggers=[TriggerNote(**n) for n in words["triggers"]],
        reflections={sid: words["reflections"][sid] for sid in SECTION_IDS},
    )


def load_sample(sample_id: str, lang: Language) -> Workbook:
    """A fresh workbook holding the sample couple ``sample_id``, written in ``lang``.

    Every exercise of every page is filled in; ``Workbook.sample`` is set to ``sample_id`` so
    that the app and the exports mark it as a made-up couple. Raises ``KeyError`` for an
    unknown id.
    """
    if not is_sample_id(sample_id):
        raise KeyError(f"unknown sample {sample_id!r}")
    sid = sample_id
    profile, words = PROFILES[sid], sample_words(sid, lang)
    if len(words["checkins"]) != len(profile.checkins):
        raise ValueError(f"sample {sid!r} in {lang!r}: check-in texts do not match the dates")
    return Workbook(
        language=lang,
        mode="together",
        sample=sid,
        partners={pid: _partner(profile.partner(pid), words[pid], lang) for pid in PARTNER_IDS},
        vulnerable_moment=VulnerableMoment(
            reacher=profile.reacher, what=words["vulnerable_moment"]
        ),
        checkins=[
            CheckIn(
                date=point.date,
                connection={"a": point.a, "b": point.b},
                reliability=note["reliability"],
                adjustment=note["adjustment"],
            )
            for point, note in zip(profile.checkins, words["checkins"], strict=True)
        ],
        area_notes=dict(words["area_notes"]),
        next_steps=words["next_steps"].strip(),
        visited=list(SECTION_IDS),
    )


# What may differ from a freshly loaded sample while it still counts as unchanged: the language
# switch, the clock, and pages opened along the way.
_NOT_ANSWERS = frozenset({"language", "created", "updated", "visited"})


@functools.cache
def _sample_answers_json(sample_id: SampleId, lang: Language) -> str:
    # A string is immutable, so the cache can be shared by every session safely.
    return load_sample(sample_id, lang).model_dump_json(exclude=set(_NOT_ANSWERS))


def _answers(wb: Workbook) -> Any:
    return wb.model_dump(mode="json", exclude=set(_NOT_ANSWERS))


def sample_language(wb: Workbook) -> Language | None:
    """The language of the sample ``wb`` holds unchanged, or None if it holds something else.

    None when ``wb`` is not a sample, or when any answer of the sample has been changed (then
    the words are the user's to keep, whatever language they are in).
    """
    sid = wb.sample
    if not is_sample_id(sid):
        return None
    mine = _answers(wb)
    others = [lang for lang in LANGUAGE_CODES if lang != wb.language]
    for lang in (wb.language, *others):
        # Compared as data, not text: the order of keys in a mapping does not matter.
        if mine == json.loads(_sample_answers_json(sid, lang)):
            return lang
    return None


def relocalise(wb: Workbook, lang: Language) -> Workbook | None:
    """The same sample couple written in ``lang``, if ``wb`` holds a sample unchanged; else None.

    Used when the language is switched while a sample is on screen: its names and notes follow
    the language. The pages already opened and the creation time are kept.
    """
    if sample_language(wb) is None:
        return None
    moved = load_sample(str(wb.sample), lang)
    moved.created = wb.created
    moved.visited = list(wb.visited)
    return moved
