"""Commands that fill and query a store: `tieline ingest`, `tieline events`, `tieline demo`."""

from __future__ import annotations

import sys
from collections import Counter

import click
from rich.console import Console

from .. import api
from ..actors import load_gazetteer
from ..analysis import strongest_pairs
from ..output import FORMATS, write_rows
from ..pipeline import describe_reasons
from ..scale import Executor
from ..store import DEDUP_RULES, DEFAULT_DEDUP, Store
from . import CODER_OPTION, PATTERN_OPTION, PREFILTER_OPTION, cli, parse_date, report_failures
from .coding_cmds import scale_options
from .crawl_cmds import ingest_options, web_options


@cli.command("ingest")
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--db", default="tieline.duckdb", show_default=True, help="DuckDB store file (created if missing).")
@CODER_OPTION
@PATTERN_OPTION
@PREFILTER_OPTION
@web_options
@click.option("--dedup", type=click.Choice(DEDUP_RULES), default=DEFAULT_DEDUP, show_default=True,
              help="How reports of one event are merged: story (same story or retold evidence), strict "
                   "(copies of one story, same code and day) or none (every report is an event).")
@scale_options
def ingest_cmd(inputs: tuple[str, ...], db: str, coder: str, pattern_files: tuple[str, ...], web: dict,
               dedup: str, executor: Executor, prefilter: bool) -> None:
    """Code events from documents and store documents, events and failures in DuckDB.

    INPUTS are files or folders (.txt, .html, .jsonl, .json, .warc, and .gz of them), http(s)
    URLs, or - for standard input; --feed and --sitemap add the articles that feeds and sitemaps list. Documents already in
    the store (same normalised URL or content) are skipped, so re-running adds nothing; a run that
    was killed is marked interrupted and the next run stores what it had not. Reports of the same
    event are stored as mentions of one event (see --dedup and README "Deduplication"). Articles
    are cleaned and coded by --jobs worker processes (or Spark with --engine spark); reading,
    deduplication and the store's writes stay in this process.

    \b
    Example:
      tieline ingest news/ wire.jsonl --db tieline.duckdb
      tieline ingest CC-NEWS-20240101000000-00000.warc.gz
      tieline ingest --feed https://news.example.org/rss.xml --since 2024-06-01
      tieline ingest news/ --dedup strict
      tieline ingest gdelt-day/ --jobs 2
      tieline ingest archive/ --engine spark --master spark://host:7077
    """
    options = ingest_options(web, inputs)
    with executor:
        report = api.ingest(inputs, db=db, coder=coder, pattern_files=pattern_files, options=options,
                            progress=None, dedup=dedup, executor=executor, prefilter=prefilter)
    _print_ingest(report)


def _print_ingest(report: api.IngestReport) -> None:
    out = Console(highlight=False, soft_wrap=True)
    out.print(
        f"Read {report.documents_read} document(s): {report.documents_stored} stored, "
        f"{report.already_stored} already in the store, {report.failed} failed. "
        f"Coded {report.events_coded} event mention(s): {report.new_events} new event(s), "
        f"{report.merged_mentions} further report(s) of an event already seen."
    )
    out.print(report.summary.line())
    report_failures(report.stats)
    totals = report.totals
    out.print(f"The store {report.db} now holds {totals['documents']} documents and {totals['events']} events "
              f"from {totals['event_mentions']} mentions (run {report.run_id}, dedup {report.dedup}).")


@cli.command("events")
@click.option("--db", default="tieline.duckdb", show_default=True, help="DuckDB store file.")
@click.option("--actor", help="Source actor: CAMEO code prefix or ISO country code (PRK matches PRKGOV).")
@click.option("--target", help="Target actor, as --actor.")
@click.option("--since", help="First event date, YYYY-MM-DD.")
@click.option("--until", help="Last event date, YYYY-MM-DD.")
@click.option("--code", "code_prefix", help="CAMEO event code prefix, e.g. 04 (consult) or 163.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def events_cmd(db: str, actor: str | None, target: str | None, since: str | None, until: str | None,
               code_prefix: str | None, limit: int | None, fmt: str) -> None:
    """Query stored events, newest first.

    \b
    Example:
      tieline events --actor PRK --target CUB --since 2021-01-01
      tieline events --code 16 --format csv > sanctions.csv
    """
    if code_prefix is not None and not code_prefix.isdigit():
        raise click.BadParameter(f"'{code_prefix}' is not a CAMEO code prefix; use digits such as 04 or 163.",
                                 param_hint="--code")
    frame = api.events(db, actor=actor, target=target, since=parse_date(since, "--since"),
                       until=parse_date(until, "--until"), code=code_prefix, limit=limit)
    write_rows(frame.to_dict("records"), fmt, list(frame.columns), sys.stdout, title=f"Events in {db}")


@cli.command("demo")
@click.option("--db", default="tieline.duckdb", show_default=True, help="DuckDB store file to fill.")
def demo_cmd(db: str) -> None:
    """Ingest the bundled demo corpus into a store and summarise it.

    \b
    Example:
      tieline demo --db tieline.duckdb
    """
    from ..demo import corpus_dir

    with corpus_dir() as corpus:
        report = api.ingest([corpus], db=db)
    _print_ingest(report)
    out = Console(highlight=False, soft_wrap=True)
    names = load_gazetteer().country_names
    with Store(db, read_only=True) as store:
        reasons = Counter(dict(store.sql("SELECT reason, count(*) FROM failures GROUP BY reason").values.tolist()))
        totals = store.counts()
        out.print(f"\n[bold]Demo store {db}[/]: {totals['documents']} documents, {totals['events']} events, "
                  f"{totals['failures']} failed inputs"
                  + (f" ({describe_reasons(reasons)})" if reasons else "") + ".")
        for kind in ("cooperative", "conflictual"):
            pairs = strongest_pairs(store, kind, limit=5)
            rows = [
                {"pair": f"{r.country_a}–{r.country_b} ({names.get(r.country_a, '?')}–{names.get(r.country_b, '?')})", "events": r.events, "goldstein_sum": r.goldstein_sum,
                 "goldstein_mean": r.goldstein_mean}
                for r in pairs.itertuples()
            ]
            write_rows(rows, "table", ["pair", "events", "goldstein_sum", "goldstein_mean"], sys.stdout,
                       title=f"Strongest {kind} country pairs")
    out.print("Next: [bold]tieline events --db " + db + " --actor PRK --format table[/]")
