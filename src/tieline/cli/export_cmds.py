"""`tieline export`: the stored events as GDELT, PLOVER, Parquet, CSV or a country network."""

from __future__ import annotations

import click

from ..export import FORMATS, export
from ..store import EventFilter, Store
from . import ERR, cli, parse_date


@cli.command("export")
@click.argument("out", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="gdelt (61-column events TSV), gdelt-mentions (16 columns), plover (JSON lines), "
                   "parquet (folder, by event month), csv, graphml or gexf (country network).")
@click.option("--db", default="tieline.duckdb", show_default=True, help="DuckDB store file.")
@click.option("--actor", help="Source actor: CAMEO code prefix or ISO country code (PRK matches PRKGOV).")
@click.option("--target", help="Target actor, as --actor.")
@click.option("--since", help="First event date, YYYY-MM-DD.")
@click.option("--until", help="Last event date, YYYY-MM-DD.")
@click.option("--code", "code_prefix", help="CAMEO event code prefix, e.g. 04 (consult) or 163.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events (the oldest first).")
def export_cmd(out: str, fmt: str, db: str, actor: str | None, target: str | None, since: str | None,
               until: str | None, code_prefix: str | None, limit: int | None) -> None:
    """Export the stored, deduplicated events to OUT ("-" for standard output, except parquet,
    graphml and gexf). Filters are those of `tieline events`.

    gdelt and gdelt-mentions follow GDELT 2.0's event and mentions tables (tab-separated, no
    header); plover writes PLOVER/POLECAT JSON lines; parquet writes a folder partitioned by
    event month; graphml and gexf write a directed country network for Gephi.

    \b
    Example:
      tieline export --format gdelt events.tsv --since 2024-01-01
      tieline export --format plover - --actor PRK | head
      tieline export --format parquet events_parquet/
      tieline export --format gexf ties.gexf --code 1
    """
    if code_prefix is not None and not code_prefix.isdigit():
        raise click.BadParameter(f"'{code_prefix}' is not a CAMEO code prefix; use digits such as 04 or 163.",
                                 param_hint="--code")
    filters = EventFilter(actor, target, parse_date(since, "--since"), parse_date(until, "--until"), code_prefix, limit)
    with Store(db, read_only=True) as store:
        result = export(store, fmt, out, filters)
    what = "edges" if fmt in ("graphml", "gexf") else "mentions" if fmt == "gdelt-mentions" else "events"
    message = f"Wrote {result.rows} {what} to {out if out != '-' else 'standard output'} ({fmt})"
    if result.nodes:
        message += f" between {result.nodes} countries"
    if result.skipped:
        message += "; left out " + ", ".join(f"{n} with {why}" for why, n in result.skipped.most_common())
    ERR.print(message + ".", markup=False, soft_wrap=True)
