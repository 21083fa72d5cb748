"""Near-duplicate articles: MinHash LSH story groups within a run and against the store."""

import subprocess
import sys

from tieline.ingest.neardup import NearDuplicateIndex, Signature, lsh_bands, signature_of
from tieline.models import Article
from tieline.pipeline import RunStats

WIRE = ("Cuban Vice President Salvador Valdes Mesa arrived in Pyongyang on Tuesday for a three-day visit and "
        "was greeted at the airport by senior officials of the ruling party, state media reported. "
        "The two sides are expected to sign agreements on health care and the production of medicines.")
OTHER = ("Heavy rain flooded parts of the capital on Sunday, closing schools and cutting power to thousands of "
         "homes while emergency crews pumped water from underground stations.")


def articles(*texts):
    return [Article(doc_id=f"d{i}", text=t) for i, t in enumerate(texts)]


def test_copies_share_the_first_copy_group_and_other_stories_do_not():
    index = NearDuplicateIndex()
    stats = RunStats()
    batch = articles(WIRE, OTHER, "Published by Example Daily.\n\n" + WIRE, WIRE.replace("Tuesday", "Wednesday"), "")
    out = list(index.stage(batch, stats))
    assert [a.dedup_group for a in out] == ["d0", "d1", "d0", "d0", "d4"]
    assert stats.counts["neardup"] == {"first-of-story": 3, "near-duplicate": 2}
    assert index.signature("d4") is None  # no words, no signature


def test_signature_survives_storage_and_another_process():
    sig = signature_of(WIRE)
    again = Signature.from_bytes(sig.to_bytes(), lsh_bands())
    assert again.similarity(sig) == 1.0 and again.band_keys == sig.band_keys
    code = "from tieline.ingest.neardup import signature_of; import sys; sys.stdout.write(signature_of(sys.argv[1]).to_bytes().hex())"
    other = subprocess.run([sys.executable, "-c", code, WIRE], capture_output=True, text=True, check=True).stdout
    assert other == sig.to_bytes().hex()


def test_stored_documents_are_found_by_band_keys():
    stored_sig = signature_of(WIRE)
    calls = []

    def lookup(keys):
        calls.append(keys)
        shared = set(keys) & set(stored_sig.band_keys)
        return [("old-doc", "old-group", stored_sig.to_bytes())] if shared else []

    index = NearDuplicateIndex(stored=lookup)
    batch = articles(WIRE + " Officials said more visits would follow.", OTHER)
    index.group_chunk(batch)
    assert [a.dedup_group for a in batch] == ["old-group", "d1"]
    assert len(calls) == 1  # one lookup per chunk, not per article


def test_ties_go_to_the_group_whose_name_sorts_first():
    sig = signature_of(WIRE)
    index = NearDuplicateIndex(stored=lambda keys: [("x", "g-b", sig.to_bytes()), ("y", "g-a", sig.to_bytes())])
    batch = articles(WIRE)
    index.group_chunk(batch)
    assert batch[0].dedup_group == "g-a"


def test_threshold_decides():
    text_a = WIRE
    text_b = WIRE.replace("three-day", "two-day") + " " + OTHER  # an edited copy with another story appended
    sim = signature_of(text_a).similarity(signature_of(text_b))
    assert 0.5 < sim < 0.8
    loose = NearDuplicateIndex(threshold=0.4)
    strict = NearDuplicateIndex(threshold=0.9)
    for index, expected in ((loose, "d0"), (strict, "d1")):
        batch = articles(text_a, text_b)
        index.group_chunk(batch)
        assert batch[1].dedup_group == expected
