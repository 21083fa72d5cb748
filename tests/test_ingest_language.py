"""Language per paragraph: English goes on to coding, other languages are kept with their code."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tieline.ingest import language_stage, split_languages
from tieline.models import Article
from tieline.pipeline import RunStats

SITE = Path(__file__).parent / "fixtures" / "site" / "news"

ENGLISH = "The two foreign ministers agreed on Tuesday to reopen the border crossings that were closed last year."
FRENCH = "Les deux ministres se sont mis d'accord mardi pour rouvrir les postes frontières fermés l'année dernière."
GERMAN = "Die beiden Außenminister einigten sich am Dienstag darauf, die im vergangenen Jahr geschlossenen Grenzübergänge wieder zu öffnen."
CHINESE = "两国外长周二同意重新开放去年关闭的边境口岸。"


def test_mixed_article_keeps_english_and_labels_the_rest():
    split = split_languages([ENGLISH, FRENCH, "Kim Jong-un said.", CHINESE, GERMAN])
    assert split.english == [ENGLISH, "Kim Jong-un said."]  # a short line takes the article's language
    assert [(p.position, p.language) for p in split.others] == [(1, "fr"), (3, "zh"), (4, "de")]
    assert all(0 < p.confidence <= 1 for p in split.others)


def test_short_and_unsure_texts_count_as_english():
    for text in ["Japan praised Vietnam.", "Poland expelled a Russian diplomat.", "Xi Jinping", "Photo: AFP"]:
        assert split_languages([text]).english == [text], text


def test_whole_article_in_another_language():
    split = split_languages([FRENCH, "Le ministre a rencontré son homologue sénégalais à Dakar mardi dernier."])
    assert split.language == "fr" and split.english == [] and len(split.others) == 2


def test_stage_counts_and_moves_paragraphs():
    stats = RunStats()
    articles = [Article(doc_id="mixed", text=f"{ENGLISH}\n\n{FRENCH}\n\n{ENGLISH}"), Article(doc_id="de", text=GERMAN)]
    mixed, german = list(language_stage(articles, stats))
    assert mixed.text == f"{ENGLISH}\n\n{ENGLISH}" and mixed.language == "en"  # the language with most text
    assert [(p.position, p.language) for p in mixed.other_paragraphs] == [(1, "fr")]
    assert german.text == "" and german.language == "de"
    assert stats.counts["language"] == {"english-documents": 1, "non-english-documents": 1,
                                        "non-english-paragraphs": 2}


def test_store_keeps_other_languages_and_the_summary_counts_them(run_cli, tmp_path):
    db = tmp_path / "s.duckdb"
    result = run_cli("ingest", str(SITE / "ministres-dakar.html"), str(SITE / "brazil-argentina-mixed.html"),
                     "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "Summary: read 2, kept 1, duplicated 0, non-English 1 (4 paragraph(s) in other languages kept" in result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        docs = dict(con.execute("SELECT doc_id, language FROM documents").fetchall())
        paragraphs = con.execute("SELECT doc_id, position, language FROM document_paragraphs ORDER BY 1, 2").fetchall()
        spanish = con.execute("SELECT text FROM document_paragraphs WHERE language = 'es'").fetchone()[0]
        english_text = con.execute("SELECT text FROM documents WHERE doc_id = 'brazil-argentina-mixed.html'").fetchone()[0]
    assert docs == {"ministres-dakar.html": "fr", "brazil-argentina-mixed.html": "en"}
    assert [p for p in paragraphs if p[0] == "ministres-dakar.html"] == [
        ("ministres-dakar.html", i, "fr") for i in range(3)]
    assert ("brazil-argentina-mixed.html", 1, "es") in paragraphs
    assert spanish.startswith("Los dos gobiernos") and "Los dos gobiernos" not in english_text
