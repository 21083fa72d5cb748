"""Commands that code documents without a store: `tieline code`; and the options that say where
coding runs (`--jobs`, `--engine`, `--master`), shared with `tieline ingest`."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from .. import api
from ..models import EVENT_FIELDS
from ..output import FORMATS, write_rows
from ..pipeline import RunStats
from ..scale import ENGINES, Executor, default_jobs, make_executor
from . import CODER_OPTION, ERR, PATTERN_OPTION, PREFILTER_OPTION, cli, report_failures
from .crawl_cmds import ingest_options, web_options

_SCALE_OPTIONS = [
    click.option("--jobs", type=click.IntRange(min=1), default=None,
                 help=f"Worker processes that clean and code articles in parallel, one spaCy pipeline each "
                      f"[default: the number of cores, here {default_jobs()}]."),
    click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                 help="local: worker processes on this machine; spark: Spark partitions (needs Java 17 and "
                      "the spark extra), see --master."),
    click.option("--master", metavar="URL",
                 help="Spark master for --engine spark: local[N] (default local[JOBS]) or a cluster URL, e.g. "
                      "spark://host:7077."),
]


def scale_options(func):
    """--jobs, --engine and --master, passed to the command as one `executor` argument."""
    for option in reversed(_SCALE_OPTIONS):
        func = option(func)

    @functools.wraps(func)
    def wrapper(*args, jobs: int | None, engine: str, master: str | None, **kwargs):
        return func(*args, executor=make_executor(engine, jobs, master), **kwargs)

    return wrapper


@cli.command("code")
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--parquet", "parquet_out", type=click.Path(file_okay=False), metavar="DIR",
              help="Write the events as a Parquet dataset DIR/event_month=YYYY-MM/*.parquet (a new or empty "
                   "folder) instead of printing them; with --engine spark the Spark workers write it.")
@CODER_OPTION
@PATTERN_OPTION
@PREFILTER_OPTION
@web_options
@scale_options
def code_cmd(inputs: tuple[str, ...], fmt: str, parquet_out: str | None, coder: str, pattern_files: tuple[str, ...],
             web: dict, executor: Executor, prefilter: bool) -> None:
    """Code events from documents and print them, one per line; stores nothing.

    INPUTS are .txt, .html, .jsonl (one document per line with id, text or html, url,
    published), .json, .warc files (and .gz of them), folders of them, http(s) URLs, or - for
    standard input (its kind told from its content); --feed
    and --sitemap add the articles that feeds and sitemaps list. Each event's doc_id is the JSON
    id, the file name, or the page's normalised URL. Articles are coded by --jobs worker
    processes (or Spark with --engine spark); the output is the same, in input order.

    \b
    Example:
      tieline code article.txt --format jsonl
      tieline code news/ --format table --jobs 2
      tieline code --feed https://news.example.org/rss.xml --max-pages 20
      tieline code archive.warc.gz --engine spark --master local[4] --parquet events/
    """
    stats = RunStats()
    options = ingest_options(web, inputs)
    with executor:
        if parquet_out is not None:
            written = api.code_to_parquet(inputs, Path(parquet_out), coder=coder, pattern_files=pattern_files,
                                          stats=stats, options=options, executor=executor, prefilter=prefilter)
            ERR.print(f"Wrote {written} event(s) to {parquet_out} (Parquet, by event month; {executor.describe()}).",
                      markup=False, soft_wrap=True)
        else:
            events = api.code(inputs, coder=coder, pattern_files=pattern_files, stats=stats, options=options,
                              executor=executor, prefilter=prefilter)
            write_rows((e.to_dict() for e in events), fmt, EVENT_FIELDS, sys.stdout)
    report_failures(stats)
