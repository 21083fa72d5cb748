"""Verb patterns are readable data that analysts extend with their own file, validated on load."""

import pytest

import tieline
from tieline.coding import load_patterns


def write(tmp_path, body: str):
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body, message",
    [
        ("patterns:\n  - {id: x, verbs: [snub], target: [dobj], code: '999'}\n", "'999' is not a CAMEO code"),
        ("patterns:\n  - {id: x, verbs: [snub], target: [dobj], code: 42}\n", "lost its leading zero"),
        ("patterns:\n  - {id: x, verbs: [lean], prep: [on], target: [prep:on], code: '050'}\n", "quote them"),
        ("patterns:\n  - {id: x, verbs: [snub], target: [object], code: '120'}\n", "unknown target slot 'object'"),
        ("patterns:\n  - {id: x, verbs: [snub], targets: [dobj], code: '120'}\n", "unknown key(s) targets"),
        ("patterns:\n  - {id: x, target: [dobj], code: '120'}\n", "missing verbs (or nouns)"),
        ("patterns:\n  - {id: x, verbs: [snub], nouns: [snub], code: '120'}\n", "either `verbs` or `nouns`"),
        ("patterns:\n  - {id: x, verbs: [call], appraisal: true, code: '051'}\n", "needs `negative_code`"),
        ("patterns:\n  - {id: x, verbs: [urge], complement: maybe, code: '020'}\n", "`complement: maybe` is not one of"),
        ("patterns:\n  - {id: x, verbs: [urge], excludes: [adverb], code: '020'}\n", "cannot exclude adverb"),
        ("patterns:\n  - {id: x, verbs: [urge], confidence: 3, code: '020'}\n", "`confidence` must be a number"),
        ("patterns:\n  - {id: x, verbs: [urge], needs_target: maybe, code: '020'}\n", "`needs_target` must be true, false or act"),
        ("patterns:\n  - {id: x, verbs: [a], code: '020'}\n  - {id: x, verbs: [b], code: '020'}\n", "already used"),
        ("verbs: [snub]\n", "expected a mapping with a `patterns:` list"),
        ("patterns: [\n", "not valid YAML"),
    ],
)
def test_bad_pattern_files_are_refused_with_a_clear_message(tmp_path, body, message):
    with pytest.raises(tieline.ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        load_patterns((write(tmp_path, body),))
    assert "mine.yaml" in str(info.value)


def test_missing_pattern_file_names_the_path(tmp_path):
    with pytest.raises(tieline.ConfigError, match="Cannot read pattern file .*nope.yaml"):
        load_patterns((tmp_path / "nope.yaml",))


def test_user_patterns_add_verbs_and_replace_built_in_ids(tmp_path):
    from datetime import date

    from tieline.coding.rules import RulesCoder
    from tieline.models import Article

    path = write(tmp_path, (
        "patterns:\n"
        "  - {id: stonewall, verbs: [stonewall], target: [dobj], code: '120'}\n"
        "  - {id: praise, verbs: [praise], target: [dobj], code: '050'}\n"
    ))
    patterns = load_patterns((path,))
    by_id = {p.id: p for p in patterns.patterns}
    assert by_id["stonewall"].source == str(path) and by_id["praise"].code == "050"
    assert patterns.version != load_patterns().version  # the user file is part of the version on every event

    coder = RulesCoder(pattern_files=[path])
    text = "Algeria stonewalled Morocco. Tunisia praised Libya."
    events = coder.code_doc(Article("u", text, published=date(2024, 1, 2)), coder.nlp(text))
    assert [(e.actor1_code, e.event_code, e.actor2_code, e.pattern_id) for e in events] == [
        ("DZAGOV", "120", "MARGOV", "stonewall"), ("TUNGOV", "050", "LBYGOV", "praise")]
    assert all(patterns.version in e.dictionary_version for e in events)


def test_patterns_are_indexed_by_lemma_most_specific_first():
    patterns = load_patterns()
    held = patterns.for_lemma("hold")
    assert held and all(held[i].specificity >= held[i + 1].specificity for i in range(len(held) - 1))
    assert patterns.for_lemma("no-such-verb") == []
    assert any(p.id == "n.talks" for p in patterns.for_noun("talk"))


def test_built_in_patterns_use_no_fallback_code():
    patterns = load_patterns()
    bare_statements = [p for p in patterns.patterns if p.code == "010" and not p.complement and not p.object
                       and not p.prep]  # "weighed in" is a comment by its particle
    assert [p.id for p in bare_statements] == ["comment"]  # "declined to comment" needs it; it is not a fallback


def test_cli_reports_a_bad_pattern_file_in_one_line(run_cli, tmp_path):
    bad = write(tmp_path, "patterns:\n  - {id: x, verbs: [snub], target: [dobj], code: '999'}\n")
    (tmp_path / "a.txt").write_text("Poland expelled a Russian diplomat.", encoding="utf-8")
    result = run_cli("code", str(tmp_path / "a.txt"), "--patterns", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "'999' is not a CAMEO code" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_modifier_of_the_object_can_give_the_verb_another_sense(code_text):
    def codes(text):
        return [(e.actor1_code, e.event_code, e.actor2_code) for e in code_text(text)]

    assert ("KENGOV", "090", "CHNGOV") in codes("Kenya launched an investigation into China's loans.")
    # a review of one's own policy investigates no one
    assert not any(code == "090" for _, code, _ in codes("The Biden administration announced a policy review."))


def test_not_modifier_is_a_pattern_key(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text('version: "t"\npatterns:\n  - {id: x.probe, verbs: [launch], object: [probe], '
                    'not_modifier: [internal], target: [prep:into], code: "090"}\n', encoding="utf-8")
    pattern = next(p for p in load_patterns([path]).patterns if p.id == "x.probe")
    assert pattern.not_modifier == frozenset({"internal"})


def test_subject_and_not_subject_are_pattern_keys(tmp_path, coder):
    from tieline.coding.rules import RulesCoder

    path = tmp_path / "p.yaml"
    path.write_text('version: "t"\npatterns:\n  - {id: x.rally, verbs: [surge], subject: [protester, crowd], '
                    'target: [prep:against], code: "141"}\n  - {id: x.rally.not, verbs: [surge], '
                    'not_subject: [stock], target: [prep:against], code: "141"}\n', encoding="utf-8")
    patterns = {p.id: p for p in load_patterns([path]).patterns}
    assert patterns["x.rally"].subject == frozenset({"protester", "crowd"})
    assert patterns["x.rally.not"].not_subject == frozenset({"stock"})
    assert patterns["x.rally"].specificity > patterns["x.rally.not"].specificity  # a named subject is a constraint
    own = RulesCoder(pattern_files=[path], nlp=coder.nlp)
    from tieline.models import Article

    def codes(text):
        article = Article(doc_id="t", text=text, date_source="document")
        return [(e.event_code, e.pattern_id) for e in own.code_doc(article, own.nlp(text))]
    assert codes("Thousands of Iranian protesters surged against the government.") == [("141", "x.rally")]
    assert codes("Iranian stocks surged against the dollar.") == []
