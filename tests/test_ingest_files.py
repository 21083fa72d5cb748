"""Local inputs: every supported type (and its .gz), WARC archives, encodings, size caps, streaming."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest
from warcio.warcwriter import WARCWriter

from tieline.errors import InputError
from tieline.ingest import FileSource
from tieline.ingest.decoding import DecodeError, decode_markup, decode_text
from tieline.ingest.warc import write_response
from tieline.pipeline import RunStats

SITE = Path(__file__).parent / "fixtures" / "site" / "news"
PAGE = (SITE / "chile-peru-fishing.html").read_text("utf-8")


def read(paths, **kwargs):
    stats = RunStats()
    docs = list(FileSource(paths, **kwargs).read(stats))
    return docs, stats


def warc_bytes(pages: list[tuple[str, int, str, bytes]], compress: bool = True) -> bytes:
    """A small CC-NEWS-like archive: (url, status, content type, body) per response."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for url, status, content_type, body in pages:
        write_response(writer, url, status, [("Content-Type", content_type)], body)
    return buffer.getvalue()


def test_every_type_and_its_gzip(tmp_path):
    record = {"id": "r1", "html": PAGE, "url": "https://news.example.org/chile?utm_source=x"}
    files = {
        "a.txt": b"Finland signed a defence agreement with Norway.",
        "b.html": PAGE.encode(),
        "c.jsonl": (json.dumps(record) + "\n").encode(),
        "d.json": json.dumps([{"id": "j1", "text": "Kenya praised Uganda."},
                              {"id": "j2", "text": "Peru praised Chile."}]).encode(),
        "e.json": json.dumps({"id": "single", "text": "Ghana praised Togo."}).encode(),
        "f.warc": warc_bytes([("https://news.example.org/w", 200, "text/html", PAGE.encode())], compress=False),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        if not name.endswith(".warc"):
            (tmp_path / "gz").mkdir(exist_ok=True)
            (tmp_path / "gz" / f"{name}.gz").write_bytes(gzip.compress(data))
    (tmp_path / "gz" / "f.warc.gz").write_bytes(
        warc_bytes([("https://news.example.org/w", 200, "text/html", PAGE.encode())]))
    docs, stats = read([tmp_path])
    assert not stats.failures
    ids = sorted(d.id for d in docs)
    assert ids.count("r1") == 2 and ids.count("j1") == 2 and ids.count("single") == 2
    assert ids.count("https://news.example.org/w") == 2
    assert "a.txt" in ids and "gz/a.txt.gz" in ids and "b.html" in ids and "gz/b.html.gz" in ids
    html = next(d for d in docs if d.id == "gz/b.html.gz")
    assert html.media_type == "text/html" and "Tacna" in html.content


def test_check_paths_names_the_problem(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match="unsupported type.*.warc.gz"):
        FileSource([tmp_path / "notes.docx"])
    with pytest.raises(InputError, match="does not exist"):
        FileSource([tmp_path / "nope.txt"])


@pytest.mark.parametrize("blob, reason", [
    (b"%PDF-1.7 binary", "binary"),
    (b"\x89PNG\r\n\x1a\n....", "binary"),
    (b"text with a \x00 NUL", "binary"),
    ("Le président a rencontré".encode("latin-1"), "not-utf8"),
    (b"   \n\t ", "empty"),
])
def test_bad_text_files_have_reasons(tmp_path, blob, reason):
    (tmp_path / "x.txt").write_bytes(blob)
    docs, stats = read([tmp_path / "x.txt"])
    assert docs == [] and [f.reason for f in stats.failures] == [reason]
    assert stats.failures[0].message.startswith(str(tmp_path / "x.txt"))


def test_utf16_with_bom_is_text():
    assert decode_text("Ghana".encode("utf-16")) == "Ghana"


def test_a_utf8_bom_does_not_excuse_nul_bytes():
    # found by the hostile-files property test: a UTF-8 BOM, a NUL and a stray byte had been "not-utf8"
    with pytest.raises(DecodeError) as raised:
        decode_text(b"\xef\xbb\xbf\x00\x80")
    assert raised.value.reason == "binary"


def test_html_encodings_declared_or_detected():
    page = "<html><head><meta charset='windows-1251'></head><body><p>Москва и Пекин подписали соглашение</p></body></html>"
    assert "Москва" in decode_markup(page.encode("cp1251"))
    assert "Москва" in decode_markup(page.replace("windows-1251", "utf-8").encode("utf-8"))
    header = "<html><body><p>Tōkyō — café</p></body></html>"
    assert "café" in decode_markup(header.encode("utf-8"), "text/html; charset=UTF-8")
    undeclared = ("<html><body><p>" + "Le ministre des Affaires étrangères a rencontré son homologue sénégalais. " * 20
                  + "</p></body></html>").encode("cp1252")
    assert "étrangères" in decode_markup(undeclared)  # detected by charset-normalizer
    with pytest.raises(DecodeError) as caught:
        decode_markup(b"\x1f\x8b\x08\x00 compressed by mistake")
    assert caught.value.reason == "binary" and "gzip" in caught.value.detail


def test_truncated_gzip_keeps_what_came_before(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": f"Report number {i} from the wire."}) for i in range(2000)]
    packed = gzip.compress("\n".join(lines).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(PAGE.encode())[:200])
    docs, stats = read([tmp_path])
    assert sorted(f.reason for f in stats.failures) == ["truncated-gzip", "truncated-gzip"]
    assert 0 < len(docs) < 2000 and docs[0].id == "n0"
    assert all(d.content == f"Report number {d.id[1:]} from the wire." for d in docs)


def test_size_cap_per_document(tmp_path):
    (tmp_path / "big.html").write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "small", "text": "Fine."}) + "\n" + json.dumps({"id": "big", "text": "y" * 5000}) + "\n"
        + json.dumps({"id": "after", "text": "Also fine."}) + "\n", encoding="utf-8")
    docs, stats = read([tmp_path], max_bytes=2048)
    assert [d.id for d in docs] == ["small", "after"]
    assert sorted(f.reason for f in stats.failures) == ["too-large", "too-large"]
    assert any(f.source.endswith("lines.jsonl:2") for f in stats.failures)


def test_json_problems(tmp_path):
    (tmp_path / "broken.json").write_text('[{"id": "ok", "text": "Fine."}, {"id": "cut", "te', encoding="utf-8")
    (tmp_path / "scalar.json").write_text("42", encoding="utf-8")
    (tmp_path / "mixed.json").write_text('[{"id": "a", "text": "Fine."}, 7, {"id": "b"}]', encoding="utf-8")
    docs, stats = read([tmp_path])
    assert sorted(d.id for d in docs) == ["a", "ok"]
    assert sorted(f.reason for f in stats.failures) == ["bad-json", "bad-json", "bad-json", "no-text"]


def test_warc_records_pages_and_skips(tmp_path):
    archive = warc_bytes([
        ("https://news.example.org/a?utm_campaign=x", 200, "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example.org/logo.png", 200, "image/png", b"\x89PNG...."),
        ("https://news.example.org/gone", 404, "text/html", b"<p>Not found</p>"),
        ("https://news.example.org/ru", 200, "text/html; charset=windows-1251",
         "<html><body><p>Москва приветствовала решение.</p></body></html>".encode("cp1251")),
        ("https://news.example.org/empty", 200, "text/html", b""),
    ])
    (tmp_path / "cc-news.warc.gz").write_bytes(archive)
    docs, stats = read([tmp_path / "cc-news.warc.gz"])
    assert [d.id for d in docs] == ["https://news.example.org/a", "https://news.example.org/ru"]
    assert docs[0].url == "https://news.example.org/a" and docs[0].fetched is not None
    assert docs[0].metadata["target_uri"] == "https://news.example.org/a?utm_campaign=x"
    assert "Москва" in docs[1].content
    assert docs[0].source.startswith(str(tmp_path / "cc-news.warc.gz") + "#")
    assert stats.counts["read"]["skipped:not-a-page"] == 1 and stats.counts["read"]["skipped:http-404"] == 1
    assert [f.reason for f in stats.failures] == ["empty"]


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_warc_keeps_the_records_before(tmp_path, cut):
    pages = [(f"https://news.example.org/{i}", 200, "text/html", PAGE.replace("Tacna", f"Tacna {i}").encode())
             for i in range(6)]
    archive = warc_bytes(pages)
    (tmp_path / "clipped.warc.gz").write_bytes(archive[: int(len(archive) * cut)])
    docs, stats = read([tmp_path / "clipped.warc.gz"])
    assert [f.reason for f in stats.failures] == ["truncated-warc"]
    assert [d.id for d in docs] == [f"https://news.example.org/{i}" for i in range(len(docs))]
    assert len(docs) < 6
    for doc in docs:
        assert f"Tacna {doc.id.rsplit('/', 1)[1]}" in doc.content


def test_oversized_warc_record(tmp_path):
    big = b"<html><body><p>" + b"long text " * 20000 + b"</p></body></html>"
    (tmp_path / "a.warc.gz").write_bytes(warc_bytes([("https://x.org/big", 200, "text/html", big),
                                                     ("https://x.org/ok", 200, "text/html", PAGE.encode())]))
    docs, stats = read([tmp_path / "a.warc.gz"], max_bytes=50_000)
    assert [d.id for d in docs] == ["https://x.org/ok"] and [f.reason for f in stats.failures] == ["too-large"]


def _peak_while_reading(path: Path) -> tuple[int, int]:
    stats = RunStats()
    tracemalloc.start()
    count = sum(1 for _ in FileSource([path]).read(stats))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return count, peak


@pytest.mark.parametrize("kind", ["jsonl.gz", "json", "warc.gz"])
def test_memory_does_not_grow_with_the_input(tmp_path, kind):
    """Reading 4x more documents must not need (much) more memory: inputs are streamed."""
    text = "Delegations from two neighbouring states met for talks on trade and border crossings. " * 20

    def write(n: int) -> Path:
        path = tmp_path / f"{n}.{kind}"
        if kind == "jsonl.gz":
            with gzip.open(path, "wt", encoding="utf-8") as handle:
                for i in range(n):
                    handle.write(json.dumps({"id": str(i), "text": text}) + "\n")
        elif kind == "json":
            with path.open("w", encoding="utf-8") as handle:
                handle.write("[" + ",".join(json.dumps({"id": str(i), "text": text}) for i in range(n)) + "]")
        else:
            with path.open("wb") as handle:
                writer = WARCWriter(handle, gzip=True)
                for i in range(n):
                    write_response(writer, f"https://x.org/{i}", 200, [("Content-Type", "text/html")],
                                   f"<html><body><p>{text}</p></body></html>".encode())
        return path

    small_count, small_peak = _peak_while_reading(write(300))
    large_count, large_peak = _peak_while_reading(write(1200))
    assert (small_count, large_count) == (300, 1200)
    assert large_peak < small_peak * 1.5 + 200_000, (small_peak, large_peak)


def _read_through_pipe(tmp_path, data: bytes):
    """Read `data` through a named pipe, as `tieline code <(zcat wire.jsonl.gz)` does."""
    import os
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)

    def write():
        with open(pipe, "wb") as handle:
            handle.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        return read([pipe])
    finally:
        writer.join(timeout=10)


@pytest.mark.parametrize("data, ids", [
    (b"Finland signed a defence agreement with Norway.", ["pipe"]),
    (PAGE.encode(), ["pipe"]),
    (b'{"id": "r1", "text": "Kenya praised Uganda."}\n{"id": "r2", "text": "Peru praised Chile."}\n', ["r1", "r2"]),
    (json.dumps([{"id": "j1", "text": "Kenya praised Uganda."}]).encode(), ["j1"]),
    (gzip.compress(b'{"id": "z1", "text": "Ghana praised Togo."}\n', mtime=0), ["z1"]),
    (warc_bytes([("https://news.example.org/w", 200, "text/html", PAGE.encode())]), ["https://news.example.org/w"]),
    (warc_bytes([("https://news.example.org/w", 200, "text/html", PAGE.encode())], compress=False),
     ["https://news.example.org/w"]),
])
def test_a_pipe_is_read_once_and_its_kind_told_from_its_content(tmp_path, data, ids):
    docs, stats = _read_through_pipe(tmp_path, data)
    assert not stats.failures
    assert [d.id for d in docs] == ids
    if data.startswith(b"<"):
        assert docs[0].media_type == "text/html"


def test_a_named_pipe_is_accepted_without_a_file_suffix(tmp_path):
    import os

    os.mkfifo(tmp_path / "feed")
    source = FileSource([tmp_path / "feed"])
    assert source.paths == [tmp_path / "feed"]
    assert [name for _, name in source.files()] == ["feed"]  # a file to read, not an empty folder
