"""Reading local files and cleaning copied text."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tieline.ingest import FileSource, clean_text
from tieline.pipeline import RunStats


def read_all(paths):
    stats = RunStats()
    docs = list(FileSource(paths).read(stats))
    return docs, stats


def test_folder_ids_are_relative_paths_and_jsonl_ids_are_kept(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "t", "published": "2021-04-23"}) + "\n"
                                      + json.dumps({"text": "no id"}) + "\n", encoding="utf-8")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    docs, stats = read_all([tmp_path])
    assert [d.id for d in docs] == ["b.html", "c1", "c.jsonl:2", "sub/a.txt"]
    assert docs[0].media_type == "text/html" and docs[3].media_type == "text/plain"
    assert str(docs[1].published) == "2021-04-23"
    assert stats.counts["read"]["skipped:unsupported-type"] == 1


def test_jsonl_problems_are_failures_with_reasons(tmp_path):
    lines = ['{"id": "1", "text": "ok"}', "[1, 2]", "{broken", '{"id": "4"}', '{"id": "5", "text": "x", "published": "soon"}']
    (tmp_path / "d.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, stats = read_all([tmp_path / "d.jsonl"])
    assert [d.id for d in docs] == ["1", "5"]
    assert docs[1].published is None
    assert sorted(f.reason for f in stats.failures) == ["bad-json", "bad-json", "no-text"]
    assert all(f.message for f in stats.failures)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8"))), min_size=1, max_size=6))
def test_random_files_never_crash_and_every_file_is_accounted_for(tmp_path_factory, blobs):
    folder = tmp_path_factory.mktemp("random")
    for i, blob in enumerate(blobs):
        (folder / f"{i}.txt").write_bytes(blob)
    docs, stats = read_all([folder])
    assert len(docs) + len(stats.failures) == len(blobs)


def test_clean_text_drops_page_furniture():
    raw = ("首页\n\nMinisters meet in Hanoi\n\nA caption line under the photo. AFP\nA caption line under the photo. AFP\n\n"
           "By Jane Roe\n\nThe <b>first</b> paragraph of the report.\n\nThe second paragraph.\n\n"
           "Previous article: Something else\n\n© 2025 Some Site. All rights reserved.")
    cleaned = clean_text(raw)
    assert cleaned.title == "Ministers meet in Hanoi"
    assert cleaned.byline == "Jane Roe"
    assert cleaned.text == ("A caption line under the photo. AFP\n\nThe first paragraph of the report.\n\n"
                            "The second paragraph.")
    assert cleaned.attributions == ["AFP"]
    assert {reason for reason, _ in cleaned.dropped} == {"navigation", "duplicate", "byline", "previous-next", "footer"}


def test_wire_dateline_gives_place_and_date_and_leaves_the_text():
    cleaned = clean_text("Headline of the story here\n\nSEOUL, Sept. 3, 2024 (Yonhap) -- South Korea praised Japan.\n\nMore.")
    assert cleaned.dateline == "SEOUL"
    assert str(cleaned.published) == "2024-09-03"
    assert cleaned.text.startswith("South Korea praised Japan.")
    assert clean_text("Nothing here, 2024 -- nope. And more text.").published is None
