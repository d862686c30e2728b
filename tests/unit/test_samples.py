"""Sample couples: valid, complete in both languages, clearly different, and following a language
switch only while nobody has changed them."""

from __future__ import annotations

import re
from typing import Any

import pytest

from emotions import analysis, samples, textfields
from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.exercises import (
    adjustments,
    awareness,
    channels,
    checkins,
    distance,
    journey,
    moments,
    naming,
    persisting,
    rewrite,
    safety,
    styles,
)
from emotions.exercises import meta_emotion as meta
from emotions.export.summary import build_summary
from emotions.i18n import content_table, t
from emotions.languages import LANGUAGE_CODES
from emotions.model import (
    BELIEFS,
    CHANNELS,
    EMOTIONS,
    PARTNER_IDS,
    RATING_KINDS,
    Language,
    PartnerId,
    Workbook,
)
from emotions.sections import SECTIONS
from emotions.texts import plain_names
from emotions.workbook_io import dump_workbook, load_workbook

LANGS: tuple[Language, ...] = LANGUAGE_CODES
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
EVERY = [(sid, lang) for sid in samples.SAMPLE_IDS for lang in LANGS]


@pytest.fixture(params=EVERY, ids=[f"{s}-{lang}" for s, lang in EVERY])
def loaded(request: pytest.FixtureRequest) -> tuple[str, Language, Workbook]:
    sid, lang = request.param
    return sid, lang, samples.load_sample(sid, lang)


def test_there_are_at_least_four_samples_with_stable_ascii_ids() -> None:
    assert len(samples.SAMPLE_IDS) >= 4
    assert all(re.fullmatch(r"[a-z0-9-]+", sid) for sid in samples.SAMPLE_IDS)
    assert set(samples.PROFILES) == set(samples.SAMPLE_IDS)


def test_a_sample_is_marked_as_one_and_survives_its_own_file(
    loaded: tuple[str, Language, Workbook],
) -> None:
    sid, lang, wb = loaded
    assert wb.sample == sid
    assert wb.language == lang
    assert load_workbook(dump_workbook(wb)) == wb
    # The exports say it is made up.
    summary = build_summary(wb, lang)
    assert summary.sample
    assert t("export.subtitle_sample", lang, subtitle="").strip(" ·・") in summary.subtitle


def test_every_rating_question_of_a_sample_is_answered(
    loaded: tuple[str, Language, Workbook],
) -> None:
    """Samples stay fully answered: need, importance, met and guess of both partners on every
    dimension, and both channel questions on every channel (issue 13: None is "not answered",
    and a sample shows what a fully answered workbook looks like)."""
    _sid, _lang, wb = loaded
    assert set(wb.partners) == set(PARTNER_IDS)
    for pid, partner in wb.partners.items():
        assert set(partner.ratings) == set(DIMENSION_IDS)
        unanswered = [
            (dim, kind)
            for dim, rating in partner.ratings.items()
            for kind in RATING_KINDS
            if getattr(rating, kind) is None
        ]
        assert unanswered == [], pid
        assert analysis.answer_count(wb, pid) == analysis.question_count()
        assert analysis.unanswered(wb, pid) == {}
        assert set(partner.channels) == set(CHANNELS)
        assert all(c.show is not None and c.notice is not None for c in partner.channels.values())


def test_a_sample_fills_every_field_the_pages_use(loaded: tuple[str, Language, Workbook]) -> None:
    _, lang, wb = loaded
    assert set(wb.partners) == set(PARTNER_IDS)
    for pid, partner in wb.partners.items():
        assert partner.name
        for rating in partner.ratings.values():
            assert rating.met is not None and rating.guess is not None
        assert {e: set(row) for e, row in partner.meta_emotion.items()} == {
            e: set(BELIEFS) for e in EMOTIONS
        }
        assert set(partner.channels) == set(CHANNELS)
        assert all(c.show is not None and c.notice is not None for c in partner.channels.values())
        assert set(partner.safety) == set(safety.FEELINGS)
        assert set(partner.safety.values()) <= set(safety.SHARING_RESPONSES)
        assert partner.withdrawal_signs
        assert set(partner.withdrawal_signs) <= set(persisting.WITHDRAWAL_SIGNS)
        # In the checklist's order, as the page keeps them.
        assert partner.withdrawal_signs == persisting.signs_of(wb, pid)
        assert 1 <= len(partner.adjustments) <= adjustments.MAX_CHOSEN
        assert partner.small_moments
        assert set(partner.small_moments) <= set(moments.MOMENT_IDS)
        tags = [s.tag for s in partner.need_statements]
        assert None in tags and any(tag in naming.NEED_IDS for tag in tags)
        assert all(s.text for s in partner.need_statements)
        for s in partner.need_statements:
            if s.tag is not None:
                assert s.text == naming.statement_text(s.tag, lang)
        assert partner.rewrites and partner.triggers
        for r in partner.rewrites:
            assert all(getattr(r, f) for f in ("complaint", "situation", "feeling", "need"))
            assert r.request and rewrite.need_statement(r, lang)
        for note in partner.triggers:
            assert note.trigger and note.reaction and note.belief and note.response
        assert set(partner.reflections) == set(SECTION_IDS)
        assert all(text.strip() for text in partner.reflections.values())
    assert wb.vulnerable_moment is not None and wb.vulnerable_moment.what
    assert len(wb.checkins) >= 3
    assert [c.date for c in wb.checkins] == sorted({c.date for c in wb.checkins})
    for c in wb.checkins:
        assert set(c.connection) == set(PARTNER_IDS) and c.reliability and c.adjustment
    assert wb.area_notes and wb.next_steps
    assert wb.visited == list(SECTION_IDS)


def _filled(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return True


def test_a_sample_fills_in_every_section(loaded: tuple[str, Language, Workbook]) -> None:
    """What each section stores (``SectionSpec.stores``), its free-text fields and its reflection
    note: all filled in, by every sample in every language; a new section's fields included."""
    _, _, wb = loaded
    for spec in SECTIONS:
        for path in spec.stores:
            found = textfields.values_at(wb, path)
            assert found and all(_filled(value) for _, value in found), (spec.id, path)
        for field in spec.free_text:
            found = textfields.values_at(wb, field.path)
            assert found and all(_filled(text) for _, text in found), (spec.id, field.path)
        for partner in wb.partners.values():
            assert partner.reflections.get(spec.id, "").strip(), spec.id


def test_every_page_has_something_to_show(loaded: tuple[str, Language, Workbook]) -> None:
    """The derived texts each page draws are there (none of the pages' 'nothing yet' cases)."""
    _, lang, wb = loaded
    names = plain_names(wb, lang)
    assert len(analysis.areas_to_understand(wb)) >= 3
    for pid in PARTNER_IDS:
        assert analysis.unmet_needs(wb, pid) or persisting.strains(wb, pid)
        assert adjustments.chosen_texts(wb, pid, names, lang)
        assert moments.picks(wb, pid)
    assert styles.misreadings(wb, names, lang)
    assert meta.disagreements(wb) and meta.you_two_lines(wb, names, lang)
    assert distance.landings(wb, wb.vulnerable_moment.reacher)  # type: ignore[union-attr]
    assert safety.misunderstanding_lines(wb, names, lang) and safety.safe_lines(wb, names, lang)
    assert channels.decoding(wb, names, lang).most
    assert any(persisting.strain_lines(wb, pid, names, lang) for pid in PARTNER_IDS)
    assert rewrite.openers(wb, names, lang)
    assert awareness.surprise_lines(wb, names, lang)
    assert moments.shared(wb) and moments.summary(wb, names, lang)
    assert naming.guess_lines(wb, names, lang)
    assert checkins.has_trend(wb) and checkins.trend_lines(wb, names, lang)
    assert journey.top_area_lines(wb, names, lang) and journey.notes_lines(wb, names, lang)
    assert not journey.explored(wb).not_yet


def test_chosen_adjustments_are_among_the_ideas_shown_for_the_partners_top_areas(
    loaded: tuple[str, Language, Workbook],
) -> None:
    _, _, wb = loaded
    for pid in PARTNER_IDS:
        shown = {tag for ideas in adjustments.ideas_for(wb, pid) for tag in ideas.ids}
        assert set(wb.partners[pid].adjustments) <= shown


def test_area_notes_are_for_areas_the_couple_differs_on(
    loaded: tuple[str, Language, Workbook],
) -> None:
    _, _, wb = loaded
    areas = [a.dimension for a in analysis.areas_to_understand(wb)]
    assert set(wb.area_notes) <= set(areas)
    # The top two areas (open on the difference map) have a note.
    assert set(areas[:2]) <= set(wb.area_notes)


# --- The profiles differ as their titles say ---------------------------------------------------


def _need(wb: Workbook, pid: str, dim: str) -> int:
    return wb.partners[pid].ratings[dim].need  # type: ignore[index]


def _band(wb: Workbook, dim: str) -> str:
    return analysis.difference_band(analysis.difference(wb, dim) or 0)  # type: ignore[arg-type]


def _higher(wb: Workbook, dim: str) -> PartnerId:
    """The partner with the higher need on ``dim`` (the two must differ)."""
    a, b = _need(wb, "a", dim), _need(wb, "b", dim)
    assert a != b, dim
    return "a" if a > b else "b"


def test_one_talks_it_through_while_the_other_processes_alone() -> None:
    wb = samples.load_sample("talk-vs-reflect", "en")
    talker = _higher(wb, "processing")
    for dim in ("processing", "expression"):
        assert _band(wb, dim) == "far" and _higher(wb, dim) == talker
        assert _need(wb, talker, dim) >= 8 and _need(wb, analysis.other(talker), dim) <= 3
    assert [a.dimension for a in analysis.top_areas(wb, 2)] == ["processing", "expression"]


def test_one_seeks_reassurance_while_the_other_guards_independence() -> None:
    wb = samples.load_sample("reassure-vs-independent", "en")
    seeker = _higher(wb, "reassurance")
    assert _band(wb, "reassurance") == "far"
    assert _need(wb, seeker, "reassurance") >= 8
    assert _need(wb, analysis.other(seeker), "reassurance") <= 3
    assert _band(wb, "closeness") != "close" and _higher(wb, "closeness") == seeker
    assert [a.dimension for a in analysis.top_areas(wb, 2)] == ["reassurance", "closeness"]


def test_one_needs_space_first_while_the_other_needs_to_talk_now() -> None:
    wb = samples.load_sample("space-vs-talk-now", "en")
    assert _band(wb, "conflict_pace") == "far"
    assert _need(wb, "a", "conflict_pace") <= 2 and _need(wb, "b", "conflict_pace") >= 9
    assert analysis.top_areas(wb, 1)[0].dimension == "conflict_pace"


def test_same_closeness_shown_through_different_channels() -> None:
    wb = samples.load_sample("words-vs-deeds", "en")
    assert analysis.difference(wb, "closeness") == 0 and _need(wb, "a", "closeness") >= 7
    # Every need is within the "different" band at most: the difference is in the channels.
    assert all(_band(wb, dim) != "far" for dim in DIMENSION_IDS)

    def strongest(pid: str) -> str:
        shown = wb.partners[pid].channels
        return max(CHANNELS, key=lambda c: shown[c].show or 0)

    assert (strongest("a"), strongest("b")) == ("actions", "words")
    # Each shows care most where the other notices it little: misread both ways.
    for shower, noticer in (("a", "b"), ("b", "a")):
        channel = strongest(shower)
        assert channels.MISREAD_RULE.applies(
            wb.partners[shower].channels[channel].show,
            wb.partners[noticer].channels[channel].notice,
        )


def test_the_samples_differ_from_each_other() -> None:
    top = {
        sid: analysis.top_areas(samples.load_sample(sid, "en"), 1)[0].dimension
        for sid in samples.SAMPLE_IDS
    }
    assert len(set(top.values())) == len(top)
    needs = {
        sid: tuple(
            r.need
            for p in samples.load_sample(sid, "en").partners.values()
            for r in p.ratings.values()
        )
        for sid in samples.SAMPLE_IDS
    }
    assert len(set(needs.values())) == len(needs)


# --- Words in both languages --------------------------------------------------------------------


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


def test_the_content_files_are_parallel() -> None:
    en, ja = content_table("samples", "en"), content_table("samples", "ja")
    assert set(en) == set(ja) == set(samples.SAMPLE_IDS)
    assert _shape(en) == _shape(ja)


@pytest.mark.parametrize("sid", samples.SAMPLE_IDS)
def test_names_and_notes_are_written_in_each_language(sid: str) -> None:
    en, ja = samples.load_sample(sid, "en"), samples.load_sample(sid, "ja")
    for pid in PARTNER_IDS:
        assert re.fullmatch(r"[A-Z][a-z]+", en.partners[pid].name)
        assert JAPANESE.search(ja.partners[pid].name)
    ja_words = content_table("samples", "ja")[sid]
    en_words = content_table("samples", "en")[sid]
    listed = set(rewrite.FEELING_IDS)
    for text in _strings(ja_words):
        assert text in listed or JAPANESE.search(text), text
    for text in _strings(en_words):
        assert not JAPANESE.search(text), text


@pytest.mark.parametrize("lang", LANGS)
def test_a_feeling_written_as_an_id_is_a_listed_one(lang: Language) -> None:
    """A rewrite's feeling is a listed id (shown in the reader's language) or the partner's word."""
    for sid in samples.SAMPLE_IDS:
        for pid in PARTNER_IDS:
            for r in content_table("samples", lang)[sid][pid]["rewrites"]:
                feeling = r["feeling"]
                if "_" in feeling or (lang == "ja" and re.fullmatch(r"[a-z]+", feeling)):
                    assert feeling in rewrite.FEELING_IDS


@pytest.mark.parametrize(("sid", "lang"), EVERY)
def test_titles_name_nobody_and_texts_invent_no_figures(sid: str, lang: Language) -> None:
    """Titles show on shared screens (no names); notes hold no statistics (no percentages)."""
    wb = samples.load_sample(sid, lang)
    for text in (samples.title(sid, lang), samples.about(sid, lang)):  # type: ignore[arg-type]
        assert text
        for partner in wb.partners.values():
            assert partner.name not in text
    assert not any("%" in s or "\uff05" in s for s in _strings(content_table("samples", lang)[sid]))


# --- No warning sign shown as a style; who talks is not tied to gender --------------------------

# Following a partner, blocking a door, cornering or monitoring them (checking their phone,
# tracking where they are) are warning signs, not a pace or a style: no sample may show them, or a
# reader could take them for an ordinary difference. Literal on purpose: the words are the point.
# English words match at the start of a word ("followed", "cornered"); Japanese anywhere.
WARNING_SIGNS: dict[Language, tuple[str, ...]] = {
    "en": (
        "follow",
        "door",
        "corner",
        "block",
        "phone",
        "track",
        "monitor",
        "location",
        "spy",
        "whereabouts",
        "check up on",
        "checks up on",
        "checked up on",
        "checking up on",
    ),
    "ja": (
        "追いかけ",
        "追い詰め",
        "あとを追",
        "後を追",
        "ついて回",
        "付いて回",
        "ドア",
        "扉",
        "立ちふさが",
        "行く手",
        "スマホ",
        "携帯",
        "位置情報",
        "監視",
        "見張",
    ),
}


def _warning_signs_in(text: str, lang: Language) -> list[str]:
    if lang == "en":
        return [w for w in WARNING_SIGNS[lang] if re.search(rf"\b{re.escape(w)}", text, re.I)]
    return [w for w in WARNING_SIGNS[lang] if w in text]


def test_the_warning_sign_lists_cover_every_language_and_find_what_they_list() -> None:
    assert set(WARNING_SIGNS) == set(LANGS)
    assert _warning_signs_in("I followed her to the door.", "en") == ["follow", "door"]
    assert _warning_signs_in("Checking up on him", "en") == ["checking up on"]
    assert _warning_signs_in("indoors", "en") == []  # a word's start, not any part of it
    assert _warning_signs_in("部屋を出た私を追いかけてくる", "ja") == ["追いかけ"]


@pytest.mark.parametrize(("sid", "lang"), EVERY)
def test_no_sample_shows_following_cornering_or_monitoring(sid: str, lang: Language) -> None:
    found = {
        text: signs
        for text in _strings(content_table("samples", lang)[sid])
        if (signs := _warning_signs_in(text, lang))
    }
    assert found == {}


# Samples store no gender; their words do. The pronouns each sample's words use for its partners
# (checked against the words below, in both languages). A new sample is added here too.
PRONOUNS: dict[str, dict[str, str]] = {
    "talk-vs-reflect": {"a": "she", "b": "he"},
    "reassure-vs-independent": {"a": "she", "b": "he"},
    "space-vs-talk-now": {"a": "she", "b": "she"},
    "words-vs-deeds": {"a": "he", "b": "she"},
}
PRONOUN_PATTERNS: dict[Language, dict[str, str]] = {
    "en": {"she": r"\b(?:she|her|hers|herself)\b", "he": r"\b(?:he|him|his|himself)\b"},
    "ja": {"she": "彼女", "he": "彼(?!女|氏)"},
}


def test_every_sample_partner_has_pronouns_and_there_is_a_same_sex_couple() -> None:
    assert set(PRONOUNS) == set(samples.SAMPLE_IDS)
    assert set(PRONOUN_PATTERNS) == set(LANGS)
    for pronouns in PRONOUNS.values():
        assert set(pronouns) == set(PARTNER_IDS) and set(pronouns.values()) <= {"she", "he"}
    assert any(p["a"] == p["b"] for p in PRONOUNS.values())


@pytest.mark.parametrize(("sid", "lang"), EVERY)
def test_the_pronouns_are_the_ones_the_words_use(sid: str, lang: Language) -> None:
    """Each partner's reflections speak of the other with the listed pronoun and never the
    other one, in every language: the table is right and the languages agree."""
    words = content_table("samples", lang)[sid]
    for pid in PARTNER_IDS:
        about_other = " ".join(words[pid]["reflections"].values())
        listed = PRONOUNS[sid][analysis.other(pid)]
        counts = {
            pronoun: len(re.findall(pattern, about_other, re.I))
            for pronoun, pattern in PRONOUN_PATTERNS[lang].items()
        }
        assert counts[listed] > 0 and sum(counts.values()) == counts[listed], (pid, counts)


@pytest.mark.parametrize(
    "dim",
    [
        "expression",  # the talker: the higher need to talk about feelings
        "reassurance",  # the reassurance-seeker
    ],
)
def test_the_talker_is_not_always_the_same_gender(dim: str) -> None:
    """Across the mixed-sex samples, the partner with the higher need on ``dim`` is sometimes the
    woman and sometimes the man (read from each sample's own answers)."""
    mixed = [sid for sid, p in PRONOUNS.items() if p["a"] != p["b"]]
    assert len(mixed) >= 2
    leaners = {sid: _higher(samples.load_sample(sid, "en"), dim) for sid in mixed}
    assert {PRONOUNS[sid][pid] for sid, pid in leaners.items()} == {"she", "he"}, leaners


# --- Loading and following the language ---------------------------------------------------------


def test_an_unknown_sample_is_refused() -> None:
    with pytest.raises(KeyError):
        samples.load_sample("no-such-couple", "en")


def test_each_load_is_a_fresh_workbook() -> None:
    first = samples.load_sample("talk-vs-reflect", "en")
    first.partners["a"].ratings["expression"].need = 0
    first.partners["a"].reflections.clear()
    again = samples.load_sample("talk-vs-reflect", "en")
    need = samples.PROFILES["talk-vs-reflect"].a.figures["expression"][0]
    assert need != 0 and again.partners["a"].ratings["expression"].need == need
    assert set(again.partners["a"].reflections) == set(SECTION_IDS)


@pytest.mark.parametrize("sid", samples.SAMPLE_IDS)
def test_an_unchanged_sample_moves_to_the_other_language(sid: str) -> None:
    wb = samples.load_sample(sid, "en")
    wb.visited = ["introduction"]
    wb.touch()
    assert samples.sample_language(wb) == "en"
    moved = samples.relocalise(wb, "ja")
    assert moved is not None
    expected = samples.load_sample(sid, "ja")
    assert moved.language == "ja" and moved.sample == sid
    assert moved.partners == expected.partners
    assert moved.visited == ["introduction"] and moved.created == wb.created
    assert samples.sample_language(moved) == "ja"


def test_after_the_language_switch_the_sample_is_still_recognised() -> None:
    wb = samples.load_sample("space-vs-talk-now", "ja")
    wb.language = "en"  # what the language switch does
    assert samples.sample_language(wb) == "ja"
    moved = samples.relocalise(wb, wb.language)
    assert moved is not None and moved.partners["a"].name == "Maya"
    # Moving to the language it is written in changes nothing but the clock.
    same = samples.relocalise(samples.load_sample("space-vs-talk-now", "en"), "en")
    assert same is not None and same.partners == moved.partners


def test_the_order_of_answers_in_a_mapping_does_not_count_as_a_change() -> None:
    wb = samples.load_sample("words-vs-deeds", "en")
    answers = wb.partners["a"].safety
    wb.partners["a"].safety = dict(reversed(list(answers.items())))
    assert samples.sample_language(wb) == "en"


@pytest.mark.parametrize(
    "change",
    [
        lambda wb: setattr(wb.partners["a"].ratings["closeness"], "need", 0),
        lambda wb: setattr(wb.partners["b"], "name", "Kim"),
        lambda wb: wb.partners["a"].reflections.update(introduction="My own words."),
        lambda wb: wb.checkins.pop(),
        lambda wb: setattr(wb, "next_steps", "Ours now."),
        lambda wb: setattr(wb, "mode", "separate"),
    ],
)
def test_a_changed_sample_stays_as_it_is(change: Any) -> None:
    wb = samples.load_sample("reassure-vs-independent", "en")
    change(wb)
    assert samples.sample_language(wb) is None
    assert samples.relocalise(wb, "ja") is None


def test_a_workbook_that_is_not_a_sample_is_never_relocalised() -> None:
    assert samples.relocalise(Workbook(), "ja") is None
    other = samples.load_sample("talk-vs-reflect", "en")
    other.sample = "from-a-newer-version"
    assert samples.sample_language(other) is None
    assert samples.relocalise(other, "ja") is None
