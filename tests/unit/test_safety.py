"""Section 6: the emotional-safety check. Flags, gentle sentences and repairs follow the answers."""

from __future__ import annotations

import re

import pytest

from emotions import i18n
from emotions.analysis import other
from emotions.exercises import safety
from emotions.exercises.safety import FEELINGS, FLAGGED, SHARING_RESPONSES
from emotions.languages import Language
from emotions.model import PartnerId, Workbook
from emotions.texts import plain_names
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import needs_only_on, one_silent

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def mia_and_ren() -> Workbook:
    """Mia's worry tends to be fixed, her hurt dismissed; Ren's anger feels judged."""
    wb = talker_and_processor()
    safety.set_answer(wb, "a", "worry", "fixed")
    safety.set_answer(wb, "a", "hurt", "dismissed")
    safety.set_answer(wb, "a", "joy", "heard")
    safety.set_answer(wb, "b", "anger", "judged")
    safety.set_answer(wb, "b", "joy", "comforted")
    safety.set_answer(wb, "b", "shame", "unsure")
    return wb


def kai_and_sam() -> Workbook:
    """Both find sharing sadness hard; Kai feels heard with worry."""
    wb = reassurance_and_independence()
    safety.set_answer(wb, "a", "sadness", "alone")
    safety.set_answer(wb, "b", "sadness", "dismissed")
    safety.set_answer(wb, "a", "worry", "heard")
    return wb


def test_answers_are_stored_per_partner_and_can_be_cleared() -> None:
    wb = Workbook()
    safety.set_answer(wb, "b", "worry", "judged")
    assert wb.partners["b"].safety == {"worry": "judged"}
    safety.set_answer(wb, "b", "worry", None)
    assert wb.partners["b"].safety == {}
    safety.set_answer(wb, "b", "worry", None)  # clearing twice is fine


def test_unknown_entries_from_a_file_are_ignored() -> None:
    wb = Workbook()
    wb.partners["a"].safety = {"worry": "heard", "envy": "judged", "anger": "furious"}
    assert [(a.feeling, a.response) for a in safety.all_answers(wb)] == [("worry", "heard")]
    rows = safety.overview_table(wb, plain_names(wb, "en"), "en")
    not_answered = i18n.content_table("safety", "en")["not_answered"]
    assert rows[FEELINGS.index("anger")][i18n.t("partner.a", "en")] == not_answered


def test_flags_follow_each_couple() -> None:
    names = plain_names(mia_and_ren(), "en")
    assert safety.misunderstanding_lines(mia_and_ren(), names, "en") == [
        "When Mia shares worry, the talk often moves to solutions before Mia feels heard.",
        "When Mia shares hurt, it can feel brushed aside, even if that is not what is meant.",
        "When Ren shares anger, it can feel judged rather than understood.",
    ]
    assert safety.unsure_lines(mia_and_ren(), names, "en") == [
        "Ren is not sure yet how sharing shame or embarrassment feels. "
        "That is worth a gentle question too."
    ]
    kai = kai_and_sam()
    lines = safety.misunderstanding_lines(kai, plain_names(kai, "en"), "en")
    assert lines[0] == "After sharing sadness, Kai can end up still feeling alone with it."
    assert lines[-1].startswith("Sharing sadness feels hard for both of you.")


def test_what_already_feels_safe_is_shown_too() -> None:
    wb = mia_and_ren()
    lines = safety.safe_lines(wb, plain_names(wb, "en"), "en")
    assert lines == [
        "Sharing joy or excitement usually leaves Mia feeling heard.",
        "Sharing joy or excitement usually leaves Ren feeling comforted.",
        "Sharing joy or excitement already feels safe for both of you. That is something to "
        "build on.",
    ]
    assert safety.safe_for_both(kai_and_sam()) == []


def test_repairs_are_offered_for_each_kind_of_flag_in_a_fixed_order() -> None:
    assert [r.response for r in safety.repairs(mia_and_ren(), "en")] == [
        "fixed",
        "dismissed",
        "judged",
    ]
    assert [r.response for r in safety.repairs(kai_and_sam(), "en")] == ["dismissed", "alone"]
    assert safety.repairs(Workbook(), "en") == []
    ja = safety.repairs(kai_and_sam(), "ja")
    assert all(JAPANESE.search(idea) for repair in ja for idea in repair.ideas)


def test_japanese_sentences_are_japanese_and_carry_the_names() -> None:
    wb = mia_and_ren()
    lines = safety.misunderstanding_lines(wb, plain_names(wb, "ja"), "ja")
    assert lines[0].startswith("Miaが心配を打ち明けると")
    assert all(JAPANESE.search(line) for line in lines)
    assert safety.both_line(kai_and_sam(), "hard", "ja") is not None


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_content_is_complete_and_parallel(lang: str) -> None:
    table = i18n.content_table("safety", lang)  # type: ignore[arg-type]
    english = i18n.content_table("safety", "en")
    assert set(table["feelings"]) == set(FEELINGS)
    assert set(table["responses"]) == set(SHARING_RESPONSES)
    assert set(table["repairs"]) == set(FLAGGED)
    for response in SHARING_RESPONSES:
        line = table["responses"][response]["line"]
        assert i18n.placeholders(line) == {"name", "feeling"}
    for response in FLAGGED:
        assert len(table["repairs"][response]["ideas"]) == len(
            english["repairs"][response]["ideas"]
        )
        assert len(table["repairs"][response]["ideas"]) >= 2
    for kind in ("hard_for_both", "safe_for_both"):
        assert i18n.placeholders(table["couple"][kind]) == {"feelings"}
    if lang == "ja":
        texts = [v["label"] for v in table["responses"].values()]
        texts += [v["label"] for v in table["feelings"].values()]
        assert all(JAPANESE.search(text) for text in texts)


def test_the_section_s_areas_follow_each_couple() -> None:
    assert [a.dimension for a in safety.safety_areas(talker_and_processor())] == [
        "expression",
        "support",
    ]
    assert [a.dimension for a in safety.safety_areas(reassurance_and_independence())] == [
        "support",
        "expression",
    ]


# --- Only what is answered (issue 13) --------------------------------------------------------


@pytest.mark.parametrize("silent", ["a", "b"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_partner_who_answered_nothing_is_neither_described_nor_compared(
    silent: PartnerId, lang: Language
) -> None:
    wb = one_silent(silent)
    names = plain_names(wb, lang)
    speaker = other(silent)
    assert {answer.pid for answer in safety.all_answers(wb)} == {speaker}
    assert safety.hard_for_both(wb) == [] and safety.safe_for_both(wb) == []
    lines = [
        *safety.misunderstanding_lines(wb, names, lang),
        *safety.unsure_lines(wb, names, lang),
        *safety.safe_lines(wb, names, lang),
    ]
    assert lines and not any(names.of(silent) in line for line in lines)
    assert safety.safety_areas(wb) == []
    # The overview shows the silent partner's column as not answered, never as an answer.
    not_answered = i18n.content_table("safety", lang)["not_answered"]
    assert {row[names.of(silent)] for row in safety.overview_table(wb, names, lang)} == {
        not_answered
    }


def test_both_lines_need_both_answers_on_the_same_feeling() -> None:
    wb = Workbook()
    safety.set_answer(wb, "a", "sadness", "alone")
    safety.set_answer(wb, "b", "worry", "dismissed")
    assert safety.hard_for_both(wb) == []
    safety.set_answer(wb, "b", "sadness", "judged")
    assert safety.hard_for_both(wb) == ["sadness"]


def test_safety_areas_only_on_needs_both_answered() -> None:
    wb = needs_only_on(talker_and_processor(), ["expression", "processing"])
    # processing is not one of this section's needs; expression (9 vs 3) is far apart.
    assert [(a.dimension, a.band) for a in safety.safety_areas(wb)] == [("expression", "far")]
