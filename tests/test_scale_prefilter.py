"""The pre-filter: which sentences are parsed, offsets kept, cues from the loaded patterns."""

from datetime import date

import pytest

from tieline.coding.prefilter import Prefilter
from tieline.coding.rules import RulesCoder
from tieline.models import Article


@pytest.fixture(scope="module")
def prefilter(coder) -> Prefilter:
    return coder.prefilter


def _kept(prefilter: Prefilter, text: str) -> list[str]:
    plan = prefilter.plan(text)
    return [text[s:e] for s, e in plan.kept]


def test_sentences_without_a_cue_or_an_actor_are_not_parsed(prefilter):
    text = ("Japan criticized India over the tariffs on Monday. "
            "The weather in the capital was mild. "
            "Many met again in the afternoon.")
    assert _kept(prefilter, text) == ["Japan criticized India over the tariffs on Monday."]


def test_constraints_of_a_pattern_are_needed_in_the_sentence(prefilter):
    # "hold" is a cue only with what its patterns ask for, such as talks
    assert _kept(prefilter, "Poland held talks with Lithuania.") == ["Poland held talks with Lithuania."]
    assert _kept(prefilter, "Poland held its breath as the results came in.") == []


def test_a_pattern_that_takes_any_object_needs_no_particular_word(prefilter):
    # object ["*"] (any object): the sentence had been dropped for want of the word "*"
    for text in ("Russia warned the United States against an attack on Syria.", "Washington pressed Beijing to act."):
        assert _kept(prefilter, text) == [text]


def test_forms_are_matched_through_the_lemmatizer_tables(prefilter):
    for text in ("Kenya accuses Uganda of blocking trucks.", "Chile is accusing Peru of overfishing.",
                 "Cuba sought aid from Mexico."):
        assert _kept(prefilter, text) == [text]


def test_a_referring_sentence_keeps_the_sentence_that_names_its_actor(prefilter):
    text = ("Vietnamese President To Lam arrived in Vientiane on Tuesday after a long flight. "
            "Crowds lined the road. "
            "He met the Laotian leader and praised him.")
    kept = _kept(prefilter, text)
    assert kept == ["Vietnamese President To Lam arrived in Vientiane on Tuesday after a long flight.",
                    "He met the Laotian leader and praised him."]


def test_a_speech_verb_after_a_quoted_question_keeps_the_question(prefilter, coder):
    # '"...?" Cheney asked.' asks a question; parsed alone, "asked" had been an appeal (020)
    text = 'Senators met on Monday.\n\n"Why are we still in Syria?" Cheney asked.'
    assert _kept(prefilter, text)[-2:] == ['"Why are we still in Syria?"', "Cheney asked."]
    article = Article(doc_id="q", text=text, published=date(2019, 5, 1), date_source="document")
    assert [e for e in coder.code(article) if e.event_code.startswith("02")] == []


def test_the_parsed_text_keeps_every_offset(prefilter):
    text = "The weather was mild.\n\nJapan praised India for its help.\n\nBread prices rose."
    plan = prefilter.plan(text)
    blanked = prefilter.parse_text(text, plan)
    assert len(blanked) == len(text)
    start, end = plan.kept[0]
    assert blanked[start:end] == text[start:end] == "Japan praised India for its help."
    assert blanked.count("\n") == text.count("\n")
    assert blanked.replace("\n", "").strip() == "Japan praised India for its help."


def test_cues_come_from_the_loaded_patterns(tmp_path, coder):
    text = "Norway serenaded Sweden at the border on Friday."
    assert _kept(coder.prefilter, text) == []  # no built-in pattern has the verb
    extra = tmp_path / "serenade.yaml"
    extra.write_text('version: "t1"\npatterns:\n  - {id: t.serenade, verbs: [serenade], target: [dobj], code: "051"}\n',
                     encoding="utf-8")
    with_pattern = RulesCoder(pattern_files=[extra], nlp=coder.nlp)
    assert _kept(with_pattern.prefilter, text) == [text]
    events = [e for _, evs in with_pattern.code_many([Article("n", text, published=date(2024, 5, 3))]) for e in evs]
    assert [(e.actor1_code, e.event_code, e.actor2_code) for e in events] == [("NORGOV", "051", "SWEGOV")]


def test_events_and_sentence_numbers_match_parsing_everything(coder):
    text = ("Bread prices rose again in the capital this week.\n\n"
            "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in Tokyo on Monday.\n\n"
            "Rain fell all afternoon. Shops closed early.\n\n"
            "Japan later pledged aid to India for flood relief.")
    article = Article("a", text, published=date(2024, 3, 5), date_source="document")
    everything = RulesCoder(nlp=coder.nlp, prefilter=False)
    full = [e.to_dict() for _, evs in everything.code_many([article]) for e in evs]
    filtered = [e.to_dict() for _, evs in coder.code_many([article]) for e in evs]
    assert full and filtered == full
    assert {e["sentence_index"] for e in filtered} == {1, 4}  # the parser's numbering of the whole article


def test_role_words_and_titles_are_actor_candidates(prefilter):
    # Actors with a role and no country ("rebels", "police") code events of their own.
    for text in ("Rebels attacked a convoy near the border on Monday.", "Police arrested dozens of students.",
                 "Gunmen kidnapped two aid workers.", "The air force bombed a bridge."):
        assert _kept(prefilter, text) == [text]
    assert _kept(prefilter, "Prices rose after the harvest failed.") == []


def test_role_only_events_are_the_same_with_and_without_the_pre_filter(coder):
    text = ("Troops shelled villages overnight. Militants fired rockets at an army post.\n\n"
            "Protesters clashed with police outside parliament.")
    article = Article("r", text, published=date(2024, 3, 5), date_source="document")
    everything = RulesCoder(nlp=coder.nlp, prefilter=False)
    full = [e.to_dict() for _, evs in everything.code_many([article]) for e in evs]
    filtered = [e.to_dict() for _, evs in coder.code_many([article]) for e in evs]
    assert len(full) >= 3 and filtered == full


def test_no_prefilter_reaches_the_coder_every_engine_builds():
    from tieline.scale import CodingJob

    assert CodingJob.create("cameo.rules", prefilter=False).coder_object().prefilter is None
    assert CodingJob.create("cameo.rules").coder_object().prefilter is not None


def test_no_prefilter_on_the_command_line(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Japan praised India for its help.\n\nThe weather was mild.\n", encoding="utf-8")
    result = run_cli("code", str(article), "--no-prefilter", "--jobs", "1", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert ",JPNGOV," in result.stdout and ",INDGOV," in result.stdout


@pytest.mark.parametrize("args, expected", [((), True), (("--no-prefilter",), False)])
def test_the_flag_reaches_the_api(monkeypatch, tmp_path, args, expected):
    from click.testing import CliRunner

    from tieline import api
    from tieline.cli import cli

    seen = {}

    def fake_code(inputs, **kwargs):
        seen.update(kwargs)
        return iter(())

    monkeypatch.setattr(api, "code", fake_code)
    article = tmp_path / "a.txt"
    article.write_text("Japan praised India.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(article), "--jobs", "1", *args])
    assert result.exit_code == 0, result.output
    assert seen["prefilter"] is expected
