"""End-to-end throughput of tieline on real news, against spaCy's own `nlp.pipe`, in one run.

    python benchmarks/throughput.py CORPUS [CORPUS ...] [--limit 600] [--jobs N] [--no-spark]

CORPUS is a JSON-lines file (.jsonl or .jsonl.gz) with `ID` (or `id`), `text`, `date`, `url` and
`title` per line, such as /work/shared/corpora/allsides-political-news/international.jsonl.gz,
or Reuters-21578 SGML (a folder of reut2-*.sgm[.gz] files, or such files). The first --limit
articles are written to a temporary JSON-lines file in tieline's input format, and then, each
timed in this process:

1. `tieline code` end to end (read, identify, extract, language, pre-filter, parse, code) with
   the local executor and 1 job, then N jobs (default: the number of cores);
2. spaCy's own `nlp.pipe` (the model's default pipeline, no coding) over the same article texts
   with 1 and N processes (`n_process`, batches of 16 texts): the practical limit of any
   spaCy-based coder;
3. the Spark executor in local mode, `local[N]`, on the same input, once its session and its
   Python workers are up.

Prints articles/second and sentences/second for each, the ratio of tieline to bare spaCy with
the same number of processes, the scaling from 1 to N jobs, the peak memory of every worker,
Spark's throughput relative to the local executor, the machine, and how much of its CPUs other
processes used during each measurement (the machine may be shared: figures taken under load are
lower).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import platform
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import spacy

from tieline import api
from tieline.nlp import MODEL_NAME
from tieline.pipeline import RunStats
from tieline.scale import CodingJob, LocalExecutor, SparkExecutor, default_jobs

# spaCy hands each process whole batches: its default of 1,000 texts would leave all but one
# process idle on a benchmark of a few hundred articles. tieline's chunks are 16 articles.
SPACY_BATCH = 16

# --- reading the corpora ------------------------------------------------------------------------


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8", errors="replace") if path.suffix == ".gz" else \
        open(path, encoding="utf-8", errors="replace")


def json_lines(path: Path) -> Iterator[dict]:
    with _open(path) as handle:
        for n, line in enumerate(handle):
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text") or ""
            if not text.strip():
                continue
            yield {"id": str(record.get("ID") or record.get("id") or f"{path.name}:{n}"), "text": text,
                   "url": record.get("url") or None, "published": record.get("date") or record.get("published") or None,
                   "title": record.get("title") or None}


_REUTERS = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def _field(block: str, tag: str) -> str:
    found = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return html.unescape(found.group(1)) if found else ""


def reuters(path: Path) -> Iterator[dict]:
    files = sorted(p for p in path.iterdir() if ".sgm" in p.name) if path.is_dir() else [path]
    for file in files:
        with _open(file) as handle:
            raw = handle.read()
        for newid, block in _REUTERS.findall(raw):
            body = _field(block, "BODY").replace("\x03", "").strip()
            if not body:
                continue
            body = re.sub(r"\s*Reuter\s*$", "", body)
            dateline = " ".join(_field(block, "DATELINE").split())  # "NEW YORK, April 13 -", as the wire sent it
            if dateline:
                body = f"{dateline} {body}"
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body)]  # indented lines start paragraphs
            try:  # " 9-APR-1987 16:55:59.00"
                published = datetime.strptime(_field(block, "DATE").split()[0], "%d-%b-%Y").date().isoformat()
            except (ValueError, IndexError):
                published = None
            yield {"id": f"reuters-{newid}", "text": "\n\n".join(p for p in paragraphs if p),
                   "title": " ".join(_field(block, "TITLE").split()) or None, "url": None, "published": published}


def corpus_records(paths: list[Path], limit: int) -> list[dict]:
    records: list[dict] = []
    for path in paths:
        is_sgml = path.is_dir() or ".sgm" in path.name
        for record in (reuters(path) if is_sgml else json_lines(path)):
            records.append(record)
            if limit and len(records) >= limit:
                return records
    return records


# --- the machine ---------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        names = [line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    memory = ""
    try:
        kib = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                       if line.startswith("MemTotal")))
        memory = f", {kib / 2**20:.1f} GiB memory"
    except (OSError, StopIteration):
        pass
    return (f"{cpu}, {os.cpu_count()} cores ({platform.machine()}){memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, spaCy {spacy.__version__}")


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _busy_ticks() -> int:
    """CPU ticks the whole machine spent busy (Linux /proc/stat), 0 elsewhere."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0
    return sum(fields) - fields[3] - fields[4]  # all but idle and iowait


def _own_ticks() -> int:
    """CPU ticks of this process and every process below it (workers, Spark's JVM and its Python)."""
    def ticks(pid: int) -> int:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0
        return sum(int(v) for v in stat[11:15])  # utime, stime, cutime, cstime

    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
    tree, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(ticks(pid) for pid in tree)


class Others:
    """How much of the machine other processes used while a measurement ran."""

    def __init__(self) -> None:
        self.busy, self.own, self.start = _busy_ticks(), _own_ticks(), time.perf_counter()

    def share(self) -> str:
        if not self.busy:
            return "others: n/a"
        seconds = time.perf_counter() - self.start
        others = (_busy_ticks() - self.busy) - (_own_ticks() - self.own)
        return f"others used {max(0.0, others / (_TICK * seconds * (os.cpu_count() or 1))):.0%} of the CPUs"


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


# --- the measurements ---------------------------------------------------------------------------


class Timed:
    def __init__(self, label: str, articles: int, sentences: int, seconds: float, note: str = ""):
        self.label, self.articles, self.sentences, self.seconds, self.note = label, articles, sentences, seconds, note

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    def line(self) -> str:
        return (f"  {self.label:38} {self.rate:7.2f} articles/s {self.sentences / self.seconds:8.1f} sentences/s "
                f"({self.articles} articles in {self.seconds:6.1f} s){self.note}")


def run_tieline(path: Path, executor, sentences: int, label: str) -> tuple[Timed, RunStats, int]:
    stats = RunStats()
    others = Others()
    start = time.perf_counter()
    events = 0
    for event in api.code([path], executor=executor, stats=stats):
        json.dumps(event.to_dict())  # what `tieline code --format jsonl` does with it
        events += 1
    seconds = time.perf_counter() - start
    articles = stats.counts["code"]["articles"]
    return Timed(label, articles, sentences, seconds, f"   [{others.share()}]"), stats, events


def run_spacy(texts: list[str], processes: int, label: str) -> tuple[Timed, int]:
    nlp = spacy.load(MODEL_NAME)
    others = Others()
    start = time.perf_counter()
    sentences = 0
    for doc in nlp.pipe(texts, n_process=processes, batch_size=SPACY_BATCH):
        sentences += sum(1 for _ in doc.sents)
    seconds = time.perf_counter() - start
    return Timed(label, len(texts), sentences, seconds, f"   [{others.share()}]"), sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", type=Path, help="JSON-lines news file(s) or Reuters-21578 SGML")
    parser.add_argument("--limit", type=int, default=600, help="articles to use (0: all; default 600)")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="N, the parallel run's jobs (default: cores)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the local measurements; the best is kept")
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark measurement")
    args = parser.parse_args()
    for path in args.corpus:
        if not path.exists():
            sys.exit(f"error: {path} does not exist; give a JSON-lines news file or a Reuters-21578 SGML folder.")
    n = args.jobs

    records = corpus_records(args.corpus, args.limit)
    if not records:
        sys.exit("error: no article with text found in the corpus.")
    work = Path(tempfile.mkdtemp(prefix="tieline-throughput-"))
    path = work / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    print(f"machine: {machine()}")
    print(f"corpus: {', '.join(str(p) for p in args.corpus)}: the first {len(records)} articles")
    texts = [a.text for a in api.read_articles([path], RunStats())]
    chars = sum(map(len, texts))
    print(f"        {len(texts)} articles after cleaning, {chars:,} characters ({chars / len(texts):,.0f} per article)")

    job = CodingJob.create()
    start = time.perf_counter()
    job.warm_up()
    print(f"loading spaCy and the coder's dictionaries in one process: {time.perf_counter() - start:.1f} s "
          f"(paid once: forked workers inherit them)\n")
    coder = job.coder_object()

    # The measurements are interleaved and repeated (--repeat); each keeps its best round, so that
    # a burst of load from elsewhere on a shared machine does not decide a comparison.
    spark = None if args.no_spark else SparkExecutor(f"local[{n}]")
    if spark is not None:
        start = time.perf_counter()
        warm = work / "warm.jsonl"
        warm.write_text("".join(json.dumps(r) + "\n" for r in records[: 4 * n]), encoding="utf-8")
        list(api.code([warm], executor=spark))
        print(f"Spark local[{n}]: session and {n} Python workers with their pipelines up in "
              f"{time.perf_counter() - start:.1f} s (not in the figures below)\n")
    prefilter = getattr(coder, "prefilter", None)
    before_filter = (prefilter.stats.sentences, prefilter.stats.sentences_parsed) if prefilter else None
    seen = parsed = 0
    pool = LocalExecutor(n)
    best: dict[str, Timed] = {}
    events: dict[str, int] = {}
    counts: dict[str, dict] = {}
    sentences = 0
    rss_1 = 0
    labels = {"one": "tieline end to end, 1 job", "many": f"tieline end to end, {n} jobs",
              "spark": f"tieline on Spark local[{n}]", "spacy_1": "spaCy nlp.pipe, 1 process",
              "spacy_n": f"spaCy nlp.pipe, {n} processes"}
    for round_ in range(1, args.repeat + 1):
        rounds = []
        timed, sentences = run_spacy(texts, 1, labels["spacy_1"])
        rounds.append(timed)
        for key, executor in (("one", LocalExecutor(1)), ("many", pool), ("spark", spark)):
            if executor is None:
                continue
            timed, stats, events[key] = run_tieline(path, executor, sentences, labels[key])
            counts[key] = stats.as_dict()
            rounds.append(timed)
            if key == "one":
                rss_1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
                if before_filter is not None and round_ == 1:
                    seen = prefilter.stats.sentences - before_filter[0]
                    parsed = prefilter.stats.sentences_parsed - before_filter[1]
            if key == "one":
                rounds.append(run_spacy(texts, n, labels["spacy_n"])[0])
        if args.repeat > 1:
            print(f"round {round_}:")
        for timed in rounds:
            timed.sentences = sentences
            if args.repeat > 1:
                print(timed.line())
            if timed.label not in best or timed.seconds < best[timed.label].seconds:
                best[timed.label] = timed
    if spark is not None:
        spark.close()
    one, many = best[labels["one"]], best[labels["many"]]
    spacy_1, spacy_n = best[labels["spacy_1"]], best[labels["spacy_n"]]
    if args.repeat > 1:
        print(f"\nbest of {args.repeat} rounds:")

    print(f"{len(texts)} articles, {sentences:,} sentences (spaCy's segmentation); events coded: "
          + ", ".join(f"{events[k]} ({labels[k].replace('tieline ', '')})" for k in events))
    if before_filter is not None:
        print(f"pre-filter: {parsed:,} of {seen:,} sentences parsed ({parsed / max(1, seen):.1%})")
    print()
    for timed in (one, many, spacy_1, spacy_n) + ((best[labels["spark"]],) if spark is not None else ()):
        print(timed.line())
    print()
    print(f"  ratio tieline / spaCy nlp.pipe, 1 process:  {one.rate / spacy_1.rate:5.2f}")
    print(f"  ratio tieline / spaCy nlp.pipe, {n} processes: {many.rate / spacy_n.rate:5.2f}   [target >= 0.8]")
    print(f"  scaling 1 -> {n} jobs: tieline {many.rate / one.rate:4.2f}x   [target >= 1.6], "
          f"spaCy {spacy_n.rate / spacy_1.rate:4.2f}x")
    print(f"  articles/second with {n} jobs: {many.rate:.2f}   [target >= 7]; "
          f"{many.rate * 86400:,.0f} articles a day")
    workers = {pid: rss for pid, rss in pool.peak_rss.items() if pid != os.getpid()}
    print(f"  peak memory per worker ({n} jobs): at most {mib(max(workers.values()))}   [target <= 1,536 MiB] "
          f"({len(workers)} workers over the rounds: {', '.join(mib(r) for r in workers.values())}); "
          f"the 1-job run's process, which also holds the bare spaCy model: {mib(rss_1)}")
    if spark is not None:
        print(f"  Spark local[{n}] relative to the local executor with {n} jobs: "
              f"{best[labels['spark']].rate / many.rate:.2f}; peak memory per Spark Python worker: "
              + ", ".join(mib(r) for r in spark.peak_rss.values()))
    if len({str(c) for c in counts.values()}) > 1 or len(set(events.values())) > 1:
        print(f"  WARNING: the runs counted differently: {counts}")
    print(f"\nat the end: {load()}")


if __name__ == "__main__":
    main()
