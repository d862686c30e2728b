"""The workbook: one pydantic model holding every answer of a couple.

The app keeps exactly one ``Workbook`` in the session; widgets read from it and write back to it.
The same model is the JSON file people download and resume from, so every field is validated:
unknown fields are rejected, numbers are range-checked and free text is length-limited.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN, DimensionId, SectionId
from emotions.languages import DEFAULT_LANGUAGE
from emotions.languages import Language as Language  # re-exported: imported from here too

SCHEMA_VERSION: Literal[2] = 2
"""Version of the workbook document; bump it with a migration in ``workbook_io``.

1: every need and importance had a value from the start (5, "medium"), answered or not.
2: need, importance, met and guess are ``None`` until a person sets them."""

PartnerId = Literal["a", "b"]
PARTNER_IDS: tuple[PartnerId, ...] = get_args(PartnerId)
Importance = Literal["low", "medium", "high"]
IMPORTANCE_LEVELS: tuple[Importance, ...] = get_args(Importance)
RatingKind = Literal["need", "importance", "met", "guess"]
"""The questions asked per dimension: the fields of ``Rating``, each answered or not."""
RATING_KINDS: tuple[RatingKind, ...] = get_args(RatingKind)

Emotion = Literal["sadness", "anger", "fear", "joy", "shame"]
EMOTIONS: tuple[Emotion, ...] = get_args(Emotion)
Belief = Literal["acceptable", "valuable", "dangerous", "weak"]
BELIEFS: tuple[Belief, ...] = get_args(Belief)
Channel = Literal["words", "actions", "presence"]
CHANNELS: tuple[Channel, ...] = get_args(Channel)
Mode = Literal["together", "separate"]

Score = Annotated[int, Field(ge=NEED_MIN, le=NEED_MAX, strict=True)]
"""A whole number 0-10, and nothing that only converts to one: ``false``, ``"5"`` or ``5.0`` in a
file is refused, never read as an answer (``null`` is "not answered")."""
Agreement = Annotated[int, Field(ge=1, le=5, strict=True)]
Name = Annotated[str, Field(max_length=40)]
Note = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(max_length=300)]
Tag = Annotated[str, Field(max_length=40, pattern=r"^[a-z0-9_-]+$")]
"""An id chosen from a list the app offers (a suggestion, a sign, a moment)."""


class _Strict(BaseModel):
    # Reject fields we do not know: a file from elsewhere must not smuggle data in.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Rating(_Strict):
    """One partner's answers for one needs dimension. ``None`` is "not answered yet": never a
    number in disguise, never drawn, compared or exported as one."""

    need: Score | None = None
    importance: Importance | None = None
    met: Score | None = None
    """How well this need is met now; None while unanswered."""
    guess: Score | None = None
    """What this partner thinks the *other* partner needs on this dimension."""

    def answered(self) -> int:
        """How many of the questions of ``RATING_KINDS`` are answered."""
        return sum(getattr(self, kind) is not None for kind in RATING_KINDS)


def _default_ratings() -> dict[DimensionId, Rating]:
    return {dim: Rating() for dim in DIMENSION_IDS}


def _complete_ratings(value: object) -> object:
    """Ratings with one for every dimension of the registry, in its order: a file written before
    a dimension existed gets the default ``Rating()`` for it. Unknown dimension ids are kept (at
    the end), to be rejected by the validation that follows."""
    if not isinstance(value, dict) or all(dim in value for dim in DIMENSION_IDS):
        return value
    known = {dim: value.get(dim, Rating()) for dim in DIMENSION_IDS}  # not answered
    return known | {key: item for key, item in value.items() if key not in known}


class ChannelRating(_Strict):
    """How much a partner shows care through a channel, and notices it when the other does."""

    show: Score | None = None
    notice: Score | None = None


class NeedStatement(_Strict):
    """An 'I need ...' statement and whether it has been said aloud yet."""

    text: ShortText
    spoken: bool = False
    tag: Tag | None = None
    """The checklist item it came from, if any."""


class Rewrite(_Strict):
    """Section 10: a complaint rewritten as what feels missing, from a template's parts."""

    complaint: ShortText = ""
    situation: ShortText = ""
    feeling: ShortText = ""
    need: ShortText = ""
    request: ShortText = ""


class TriggerNote(_Strict):
    """Trigger → my reaction → the belief beneath → the response I would choose."""

    trigger: ShortText = ""
    reaction: ShortText = ""
    belief: ShortText = ""
    response: ShortText = ""


class Partner(_Strict):
    """Everything one partner answered. Names are optional and shown escaped."""

    name: Name = ""
    ratings: dict[DimensionId, Rating] = Field(default_factory=_default_ratings)
    meta_emotion: dict[Emotion, dict[Belief, Agreement]] = Field(default_factory=dict)
    channels: dict[Channel, ChannelRating] = Field(default_factory=dict)
    safety: dict[Tag, Tag] = Field(default_factory=dict, max_length=20)
    """Kind of feeling → how sharing it with the partner usually feels."""
    withdrawal_signs: list[Tag] = Field(default_factory=list, max_length=20)
    adjustments: list[Tag] = Field(default_factory=list, max_length=3)
    small_moments: list[Tag] = Field(default_factory=list, max_length=20)
    need_statements: list[NeedStatement] = Field(default_factory=list, max_length=20)
    rewrites: list[Rewrite] = Field(default_factory=list, max_length=20)
    triggers: list[TriggerNote] = Field(default_factory=list, max_length=20)
    reflections: dict[SectionId, Note] = Field(default_factory=dict)

    @field_validator("ratings", mode="before")
    @classmethod
    def _every_dimension(cls, value: object) -> object:
        return _complete_ratings(value)


class VulnerableMoment(_Strict):
    """Section 5: who reached out, and what happened."""

    reacher: PartnerId = "a"
    what: ShortText = ""


class CheckIn(_Strict):
    """Section 15: a dated check-in."""

    date: dt.date
    connection: dict[PartnerId, Score] = Field(default_factory=dict)
    reliability: ShortText = ""
    adjustment: ShortText = ""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _both_partners() -> dict[PartnerId, Partner]:
    return {pid: Partner() for pid in PARTNER_IDS}


class Workbook(_Strict):
    """The whole state of one couple's workbook: the single source of truth."""

    schema_version: Literal[2] = SCHEMA_VERSION
    created: dt.datetime = Field(default_factory=_now)
    updated: dt.datetime = Field(default_factory=_now)
    language: Language = DEFAULT_LANGUAGE
    mode: Mode = "together"
    sample: Tag | None = None
    """Id of the sample couple this workbook was loaded from, if any."""
    partners: dict[PartnerId, Partner] = Field(default_factory=_both_partners)
    """Usually both; a partner answering on their own device exports one."""
    vulnerable_moment: VulnerableMoment | None = None
    checkins: list[CheckIn] = Field(default_factory=list, max_length=200)
    area_notes: dict[DimensionId, ShortText] = Field(default_factory=dict)
    """Section 14: how the couple wants to navigate each area, in their words."""
    next_steps: Note = ""
    """Section 16: what the couple wants to try next."""
    visited: list[SectionId] = Field(default_factory=list, max_length=len(get_args(SectionId)))

    def partner(self, pid: PartnerId) -> Partner:
        """The partner ``pid``, created empty if this workbook does not hold them yet."""
        if pid not in self.partners:
            self.partners[pid] = Partner()
        return self.partners[pid]

    def touch(self) -> None:
        """Record that something changed now."""
        self.updated = _now()
