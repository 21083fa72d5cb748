"""Main-text extraction quality and speed: tieline beside trafilatura's default, on the same pages.

    python benchmarks/extraction.py /path/to/eval/ingest                 # the Zyte benchmark (test set)
    python benchmarks/extraction.py /path/to/eval/ingest --set naeb      # newspaper NAEB (development set)

The folder is the one holding `zyte-article-extraction-benchmark/` (html/<id>.html.gz and
ground-truth.json with each page's `articleBody`) and `newspaper-naeb/` (html/<id>.html.gz and
articles.json). For every page it compares the extracted main text with the true article body:

* token-level precision, recall and F1: bags of lower-cased `\\w+` tokens, per page, averaged
  over pages (F1 from the averaged precision and recall, as the Zyte benchmark reports);
* the same on 4-token shingles, the Zyte benchmark's own unit, for reference.

It then prints pages/second for extraction alone (HTML already decoded, in memory) for both
tools, and for tieline's whole ingest stage on the same pages: reading the .html.gz files,
decoding, identity, extraction, language split and writing the articles to a fresh DuckDB store
(without event coding, which `benchmarks/code_speed.py` measures). All figures come from one run.
tieline's extraction rules were developed on NAEB; the Zyte set is used for measurement only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tieline.ingest import Identities, articles, extract_html, open_sources
from tieline.models import Document
from tieline.pipeline import RunStats
from tieline.store import Store

SETS = {
    "zyte": ("zyte-article-extraction-benchmark", "ground-truth.json"),
    "naeb": ("newspaper-naeb", "articles.json"),
}
_TOKEN = re.compile(r"\w+")


def load(root: Path, name: str) -> tuple[Path, dict[str, dict]]:
    folder, truth_file = SETS[name]
    base = root / folder
    if not (base / truth_file).is_file():
        sys.exit(f"error: {base / truth_file} not found; give the folder that holds {folder}/")
    truth = json.loads((base / truth_file).read_text("utf-8"))
    truth = {key: value for key, value in truth.items() if (base / "html" / f"{key}.html.gz").is_file()}
    return base / "html", truth


def tokens(text: str, n: int) -> Counter:
    words = _TOKEN.findall((text or "").lower())
    if n == 1:
        return Counter(words)
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)) if words[i:i + n])


def page_scores(truth: str, predicted: str, n: int) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where undefined (nothing predicted / nothing true)."""
    gold, guess = tokens(truth, n), tokens(predicted, n)
    hit = sum((gold & guess).values())
    precision = hit / sum(guess.values()) if guess else (None if gold else 1.0)
    recall = hit / sum(gold.values()) if gold else None
    if not guess and gold:
        precision = 0.0
    return precision, recall


def summary(truths: list[str], predictions: list[str], n: int) -> tuple[float, float, float]:
    scores = [page_scores(t, p, n) for t, p in zip(truths, predictions, strict=True)]
    precision = statistics.mean(p for p, _ in scores if p is not None)
    recall = statistics.mean(r for _, r in scores if r is not None)
    return precision, recall, 2 * precision * recall / (precision + recall)


def tieline_text(html: str, url: str | None) -> str:
    article = extract_html(Document(id="page", source="page", content=html, media_type="text/html", url=url))
    return article.text if article else ""


def trafilatura_text(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def timed(function, pages: list[tuple[str, str | None]]) -> tuple[list[str], float]:
    start = time.perf_counter()
    out = [function(html, url) for html, url in pages]
    return out, time.perf_counter() - start


def ingest_stage(folder: Path) -> tuple[int, int, float]:
    """Read the .html.gz files and store their articles (no coding): (stored, failed, seconds)."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        run_id = store.begin_run([str(folder)], "none", "none")
        identities = Identities(store)
        stats = RunStats()
        start = time.perf_counter()
        batch = []
        for article in articles(open_sources([folder]), stats, [identities.stage]):
            batch.append((article, []))
            if len(batch) >= 64:
                store.write_batch(run_id, batch)
                batch.clear()
        store.write_batch(run_id, batch)
        seconds = time.perf_counter() - start
        stored = store.counts()["documents"]
    return stored, len(stats.failures), seconds


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return f"{model or platform.processor()} ({os.cpu_count()} cores, {platform.machine()}), Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_ingest", type=Path, help="the folder holding zyte-article-extraction-benchmark/")
    parser.add_argument("--set", dest="which", choices=sorted(SETS), default="zyte")
    args = parser.parse_args()
    import logging

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs every page it finds empty

    folder, truth = load(args.eval_ingest, args.which)
    keys = sorted(truth)
    pages = [(gzip.decompress((folder / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace"), truth[k].get("url"))
             for k in keys]
    gold = [truth[k].get("articleBody") or "" for k in keys]
    tieline_text(*pages[0])  # warm up both (imports, caches) before timing
    trafilatura_text(*pages[0])
    ours, ours_s = timed(tieline_text, pages)
    theirs, theirs_s = timed(trafilatura_text, pages)
    stored, failed, ingest_s = ingest_stage(folder)

    n = len(pages)
    print(f"set: {args.which} ({n} pages from {folder})")
    print(f"machine: {machine()}")
    print()
    print(f"{'':28} {'precision':>9} {'recall':>7} {'F1':>7}   {'4-gram P':>8} {'R':>6} {'F1':>6}")
    for name, predicted in (("tieline (cleaned)", ours), ("trafilatura default", theirs)):
        p, r, f = summary(gold, predicted, 1)
        sp, sr, sf = summary(gold, predicted, 4)
        print(f"{name:28} {p:9.4f} {r:7.4f} {f:7.4f}   {sp:8.4f} {sr:6.4f} {sf:6.4f}")
    print()
    print(f"extraction alone, tieline            : {n / ours_s:7.1f} pages/s  ({ours_s:.2f} s)")
    print(f"extraction alone, trafilatura default: {n / theirs_s:7.1f} pages/s  ({theirs_s:.2f} s)")
    print(f"whole ingest stage, tieline          : {n / ingest_s:7.1f} pages/s  ({ingest_s:.2f} s: read .html.gz, "
          f"decode, identity, extract, language, store; {stored} stored, {failed} failed)")


if __name__ == "__main__":
    main()
