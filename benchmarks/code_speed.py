"""Time `tieline code` on a corpus and compare it with spaCy's own `nlp.pipe` on the same text.

    python benchmarks/code_speed.py                 # the bundled demo corpus
    python benchmarks/code_speed.py path/to/corpus  # any files or folders `tieline code` reads

Prints documents/second for (1) the whole `tieline code` command in a subprocess, model loading
included, (2) reading + cleaning + coding in this process, and (3) bare `nlp.pipe` over the same
article texts, measured in the same run, and the ratio of (2) to (3).
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

from tieline import api
from tieline.demo import corpus_dir
from tieline.nlp import load_pipeline
from tieline.pipeline import RunStats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="files or folders (default: the demo corpus)")
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions; the best is kept")
    args = parser.parse_args()

    with corpus_dir() as demo:
        inputs = args.inputs or [str(demo)]
        articles = list(api.read_articles(inputs, RunStats()))
        texts = [a.text for a in articles]
        n = len(articles)
        nlp = load_pipeline()
        coder = api.make_coder()
        list(nlp.pipe(texts[:2]))  # warm up

        def best(fn) -> float:
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                fn()
                times.append(time.perf_counter() - start)
            return min(times)

        spacy_s = best(lambda: list(nlp.pipe(texts, batch_size=16)))
        coded = []
        tieline_s = best(lambda: coded.append(sum(1 for _ in api.code(inputs, coder=coder))))
        exe = Path(sys.executable).parent / "tieline"
        cli_s = best(lambda: subprocess.run([str(exe), "code", *inputs, "--format", "jsonl"],
                                            check=True, capture_output=True))

    sentences = sum(1 for doc in nlp.pipe(texts) for _ in doc.sents)
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
          f"{__import__('os').cpu_count()} cores")
    print(f"corpus: {n} articles, {sentences} sentences, {sum(map(len, texts)):,} characters; events coded: {coded[-1]}")
    print(f"spaCy nlp.pipe alone           : {n / spacy_s:8.1f} docs/s  ({spacy_s:.3f} s)")
    print(f"tieline read+clean+code (API)  : {n / tieline_s:8.1f} docs/s  ({tieline_s:.3f} s)")
    print(f"tieline code (CLI, with start) : {n / cli_s:8.1f} docs/s  ({cli_s:.3f} s)")
    print(f"ratio tieline/spaCy (API)      : {spacy_s / tieline_s:8.2f}")


if __name__ == "__main__":
    main()
