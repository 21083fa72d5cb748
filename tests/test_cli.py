"""The `tieline` command's contract: fields, types, formats and exit codes."""

import csv
import io
import json

import pytest

from tieline.models import EVENT_FIELDS

CONTRACT = {
    "doc_id": str, "event_date": str, "actor1_code": str, "actor1_name": str,
    "actor1_country_code": (str, type(None)), "actor1_known_group_code": (str, type(None)),
    "actor2_code": (str, type(None)), "actor2_name": (str, type(None)),
    "actor2_country_code": (str, type(None)), "actor2_known_group_code": (str, type(None)),
    "event_code": str, "event_root_code": str, "quad_class": int, "goldstein_scale": float,
    "plover_event_type": (str, type(None)), "sentence": str, "evidence_start": int, "evidence_end": int,
    "source_url": (str, type(None)), "coder": str, "confidence": float,
}


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "a.txt").write_text("Poland expelled a Russian diplomat on Monday.\n", encoding="utf-8")
    records = [
        {"id": "w1", "text": "Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva.",
         "url": "https://example.org/w1", "published": "2023-04-14"},
        {"id": "w2", "html": "<html><body><article><p>India signed a trade agreement with the United Arab "
                             "Emirates on Friday, officials said.</p></article></body></html>",
         "published": "2024-02-16T10:00:00Z"},
    ]
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return tmp_path


def test_jsonl_has_contract_fields_with_types(run_cli, docs):
    result = run_cli("code", str(docs), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert {e["doc_id"] for e in events} == {"a.txt", "w1", "w2"}
    for event in events:
        for name, kind in CONTRACT.items():
            assert isinstance(event[name], kind), (name, event[name])
        assert list(event) == list(EVENT_FIELDS)
    by_doc = {e["doc_id"]: e for e in events}
    assert by_doc["w1"]["event_date"] == "2023-04-14"
    assert by_doc["w1"]["source_url"] == "https://example.org/w1"
    assert (by_doc["w1"]["actor1_code"], by_doc["w1"]["event_code"], by_doc["w1"]["actor2_code"]) == ("CHNGOV", "040", "BRAGOV")
    assert by_doc["w2"]["event_date"] == "2024-02-16" and by_doc["w2"]["event_code"] == "057"


def test_csv_and_table_formats(run_cli, docs):
    result = run_cli("code", str(docs / "a.txt"), "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1 and rows[0]["event_code"] == "166" and rows[0]["actor2_code"] == "RUSGOV"
    table = run_cli("code", str(docs / "a.txt"), "--format", "table")
    assert table.returncode == 0 and "POLGOV" in table.stdout and "RUSGOV" in table.stdout


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("code", "no/such/file.txt"), "does not exist"),
        (("code", "--format", "xml", "x.txt"), "'xml' is not one of"),
        (("code",), "Missing argument"),
        (("code", "--bogus", "x.txt"), "No such option"),
        (("events", "--db", "missing.duckdb"), "does not exist"),
        (("events", "--since", "last tuesday"), "is not a date"),
        (("code", "--coder", "nope", "x.txt"), "No coder named 'nope'"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(run_cli, tmp_path, args, fragment):
    (tmp_path / "x.txt").write_text("Poland expelled a Russian diplomat.", encoding="utf-8")
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_unsupported_file_type_is_refused(run_cli, tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run_cli("code", str(tmp_path / "notes.docx"))
    assert result.returncode == 2 and "unsupported type" in result.stderr


def test_bad_documents_are_reported_and_the_batch_goes_on(run_cli, tmp_path):
    (tmp_path / "good.txt").write_text("Poland expelled a Russian diplomat.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Le président a rencontré".encode("latin-1"))
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "text": "Japan praised Vietnam."}\n{not json}\n', encoding="utf-8")
    result = run_cli("code", str(tmp_path))
    assert result.returncode == 0, result.stderr
    ids = {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}
    assert ids == {"good.txt", "ok"}
    for reason in ("not-utf8", "empty", "binary", "bad-json"):
        assert reason in result.stderr


def test_ingest_then_events(run_cli, docs, tmp_path):
    db = tmp_path / "store.duckdb"
    first = run_cli("ingest", str(docs), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "3 stored" in first.stdout
    again = run_cli("ingest", str(docs), "--db", str(db))
    assert "0 stored, 3 already in the store" in again.stdout
    result = run_cli("events", "--db", str(db), "--actor", "CHN", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["actor1_code"], r["actor2_code"]) for r in rows] == [("CHNGOV", "BRAGOV")]
    since = run_cli("events", "--db", str(db), "--since", "2024-01-01", "--until", "2024-12-31", "--format", "jsonl")
    assert [json.loads(line)["doc_id"] for line in since.stdout.splitlines()] == ["w2"]
    by_code = run_cli("events", "--db", str(db), "--code", "16", "--format", "csv")
    assert list(csv.DictReader(io.StringIO(by_code.stdout)))[0]["event_code"] == "166"


def test_standard_input_is_read_for_a_dash(run_cli):
    text = run_cli("code", "-", "--format", "csv", input="Poland expelled a Russian diplomat on Monday.\n")
    assert text.returncode == 0, text.stderr
    rows = list(csv.DictReader(io.StringIO(text.stdout)))
    assert [(r["doc_id"], r["actor1_code"], r["event_code"], r["actor2_code"]) for r in rows] == [
        ("stdin", "POLGOV", "166", "RUSGOV")]
    lines = run_cli("code", "-", input=json.dumps({"id": "w9", "text": "Kenya praised Uganda.",
                                                   "published": "2021-03-04"}) + "\n")
    assert lines.returncode == 0, lines.stderr
    assert [(e["doc_id"], e["event_date"]) for e in map(json.loads, lines.stdout.splitlines())] == [("w9", "2021-03-04")]
