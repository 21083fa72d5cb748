"""Commands that read relations out of a store: `tieline relations`, `tieline dyad`, `tieline shifts`."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence

import click
import pandas as pd
from rich.console import Console
from rich.table import Table

from .. import analysis
from ..actors import load_gazetteer
from ..errors import ConfigError
from ..output import clean_row, write_rows
from . import ERR, cli, parse_date

ANALYSIS_FORMATS = ("table", "json", "csv")
_ARROWS = {"out": "→", "in": "→", "both": "↔", "each": "→ and ←"}
# (column, header) of the readable tables.
_EVENT_TABLE = (("period_label", "period"), ("event_date", "date"), ("source", "source"), ("target", "target"),
                ("event_code", "code"), ("quad_class", "quad"), ("goldstein_scale", "goldstein"),
                ("sentence", "sentence"), ("doc_id", "document"))
_SERIES_TABLE = (("period_label", "period"), ("source", "source"), ("target", "target"), ("events", "events"),
                 ("verbal_cooperation", "verbal coop"), ("material_cooperation", "material coop"),
                 ("verbal_conflict", "verbal confl"), ("material_conflict", "material confl"),
                 ("goldstein_sum", "goldstein sum"), ("goldstein_mean", "goldstein mean"), ("coop_share", "coop share"),
                 ("volume", "volume"), ("events_norm", "events/volume"), ("goldstein_sum_norm", "goldstein/volume"))
_RELATIONS_TABLE = (("rank", "#"), ("partner", "partner"), ("partner_name", "name"), ("events", "events"),
                    ("level", "level"), ("change", "change"), ("trend", "trend"), ("movement", "movement"),
                    ("spark", "series"))
_SHIFTS_TABLE = (("source", "source"), ("direction", "direction"), ("target", "target"), ("period_label", "from"), ("before", "before"),
                 ("after", "after"), ("change", "change"), ("movement", "movement"), ("events_around", "events around"))


def _common(command):
    """Options every analysis command shares."""
    options = [
        click.option("--db", default="tieline.duckdb", show_default=True, help="DuckDB store file."),
        click.option("--since", help="First day of the window, YYYY-MM-DD (default: the first event)."),
        click.option("--until", help="Last day of the window, YYYY-MM-DD (default: the last event)."),
        click.option("--by", type=click.Choice(analysis.RESOLUTIONS), default="month", show_default=True,
                     help="Length of a period."),
        click.option("--bloc", "bloc_specs", multiple=True, metavar="A:B|FILE",
                     help="A pair with a bloc, e.g. PRK:CUB,CHN,VNM,LAO, or a bloc file "
                          "(lines 'name = CUB, CHN' and 'PRK : name'). Repeatable."),
        click.option("--format", "fmt", type=click.Choice(ANALYSIS_FORMATS), default="table", show_default=True,
                     help="table for reading; json (an array, one object per row) or csv for programs."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _measure_option(default: str = "goldstein_sum"):
    return click.option(
        "--measure", type=click.Choice([m for m in analysis.MEASURES if not m.endswith("_norm")]), default=default,
        show_default=True, help="What the level, trend and shifts are measured in (higher is warmer).",
    )


_NORMALISE = click.option("--normalise", "--normalize", "normalise", is_flag=True,
                          help="Divide the measure by the actors' total event volume in each period.")


def _measure(measure: str, normalise: bool) -> str:
    if not normalise:
        return measure
    if f"{measure}_norm" not in analysis.MEASURES:
        raise click.BadParameter(f"{measure} is already a ratio; --normalise applies to goldstein_sum and "
                                 "net_cooperation.", param_hint="--normalise")
    return f"{measure}_norm"


# --- output --------------------------------------------------------------------------------------

def _round(value):
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 4)
    if isinstance(value, list):
        return [_round(v) for v in value]
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _round(v) for k, v in clean_row(row).items()} for row in frame.to_dict("records")]


def _table_cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) >= 1 or value == 0 else f"{value:.3f}"
    return str(value)


def _emit(frame: pd.DataFrame, fmt: str, table_columns: Sequence[tuple[str, str]], title: str) -> None:
    if fmt == "json":
        records = _records(frame)
        sys.stdout.write("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + ("\n" if records else "") + "]\n")
    elif fmt == "csv":
        columns = [c for c in frame.columns if not frame[c].map(lambda v: isinstance(v, list)).any()]
        write_rows(_records(frame[columns]), "csv", columns, sys.stdout)
    else:
        table = Table(title=title, title_justify="left")
        for _, header in table_columns:
            table.add_column(header, overflow="fold")
        for row in frame.to_dict("records"):
            clean = clean_row(row)
            table.add_row(*[_table_cell(clean.get(key)) for key, _ in table_columns])
        width = None if sys.stdout.isatty() else 200  # a pipe gets whole rows
        Console(file=sys.stdout, width=width, highlight=False).print(table)


def _say(message: str, fmt: str) -> None:
    """A line for the reader: on stdout with a table, on stderr when stdout carries json or csv."""
    console = Console(highlight=False, soft_wrap=True, file=sys.stdout if fmt == "table" else sys.stderr)
    console.print(message, markup=False)


def _names() -> dict[str, str]:
    return load_gazetteer().country_names


def _pairs(sides: Sequence[str], blocs: analysis.Blocs, command: str) -> list[tuple[analysis.Side, analysis.Side]]:
    pairs = list(blocs.pairs)
    if len(sides) == 2:
        pairs.insert(0, (blocs.side(sides[0]), blocs.side(sides[1])))
    elif sides:
        raise click.UsageError(f"give two sides (e.g. `tieline {command} PRK CUB`) or --bloc A:B.")
    if not pairs:
        raise click.UsageError(f"give two sides (e.g. `tieline {command} PRK CUB`) or --bloc A:B.")
    return pairs


def _window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = parse_date(since, "--since"), parse_date(until, "--until")
    if since and until and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}.", param_hint="--since")
    return since, until


def _emit_events(frame: pd.DataFrame, fmt: str, title: str) -> None:
    if frame.empty and fmt == "table":
        _say(f"{title}: no events.", fmt)
        return
    _emit(frame, fmt, _EVENT_TABLE, title)


# --- tieline relations ---------------------------------------------------------------------------

@cli.command("relations")
@click.argument("focus")
@_common
@click.option("--direction", type=click.Choice(["both", "out", "in"]), default="both", show_default=True,
              help="Events either way, only what FOCUS did (out), or only what was done to it (in).")
@_measure_option()
@_NORMALISE
@click.option("--min-events", type=click.IntRange(min=1), default=1, show_default=True,
              help="Leave out partners with fewer events in the window.")
@click.option("--shifts", "with_shifts", is_flag=True, help="Add each partner's last shift (change point).")
@click.option("--limit", type=click.IntRange(min=1), help="Show only the first N partners of the ranking.")
@click.option("--evidence", "evidence_cell", metavar="PARTNER[@PERIOD|@all]",
              help="List the events behind a partner's row instead: its last two periods (level and change), "
                   "one period (CUB@2024-03), or the whole window (CUB@all).")
def relations_cmd(focus: str, db: str, since: str | None, until: str | None, by: str, bloc_specs: tuple[str, ...],
                  fmt: str, direction: str, measure: str, normalise: bool, min_events: int, with_shifts: bool,
                  limit: int | None, evidence_cell: str | None) -> None:
    """Rank the partners of FOCUS (a country code or bloc) by how their relation is moving.

    For each partner: the level (the measure in the last period), the change against the period
    before, the trend (slope of a straight line through every period, per period) and whether the
    tie is warming, cooling or steady. The measure defaults to the Goldstein sum of the events
    between them; --normalise divides it by both countries' event volume in each period.

    \b
    Example:
      tieline relations PRK --since 2023-01-01 --by quarter
      tieline relations PRK --bloc PRK:CUB,CHN,VNM,LAO --format json
      tieline relations PRK --evidence CUB@2024-03
    """
    since, until = _window(since, until)
    blocs = analysis.read_blocs(bloc_specs)
    focus_side = blocs.side(focus)
    extra = []
    for left, right in blocs.pairs:
        if left.codes != focus_side.codes:
            raise click.BadParameter(f"--bloc {left}:{right} is not about {focus_side}; write {focus_side}:{right}.",
                                     param_hint="--bloc")
        extra.append(right)
    measure = _measure(measure, normalise)
    names = _names()
    frame = analysis.relations(db, focus_side, by=by, since=since, until=until, direction=direction, measure=measure,
                               blocs=extra, min_events=min_events, with_shifts=with_shifts, names=names)
    if evidence_cell:
        _relations_evidence(db, focus_side, frame, evidence_cell, blocs, by=by, since=since, until=until,
                            direction=direction, fmt=fmt)
        return
    if limit:
        frame = frame.head(limit)
    periods = frame.attrs.get("periods", [])
    label = f"{focus_side} ({names[focus_side.label]})" if focus_side.label in names else str(focus_side)
    if frame.empty:
        if fmt == "table":
            _say(f"No events between {label} and another country in {db}"
                 + (f" from {since or 'the start'} to {until or 'the end'}" if since or until else "") + ".", fmt)
        else:
            _emit(frame, fmt, (), "")
        return
    title = (f"Ties of {label}, {periods[0]} to {periods[-1]} by {by}: {measure}, "
             f"level = {periods[-1]}, change against {periods[-2] if len(periods) > 1 else '-'}; warmest first")
    frame = frame.copy()
    frame["spark"] = [analysis.sparkline(s) for s in frame["series"]]
    columns = list(_RELATIONS_TABLE)
    if with_shifts:
        columns += [("last_shift", "last shift"), ("last_shift_change", "shift change")]
    if fmt != "table":
        frame = frame.drop(columns="spark")
    _emit(frame, fmt, columns, title)


def _relations_evidence(db, focus, frame: pd.DataFrame, cell: str, blocs: analysis.Blocs, **options) -> None:
    fmt = options.pop("fmt")
    partner_text, _, period = cell.partition("@")
    partner = blocs.side(partner_text)
    by, since, until = options["by"], options["since"], options["until"]
    periods = frame.attrs.get("periods", [])
    if not period:
        if not periods:
            raise ConfigError(f"There are no events of {focus} in {db} to show.")
        first = analysis.parse_period(periods[-2] if len(periods) > 1 else periods[-1], by)[0]
        since, until = max(first.isoformat(), since or ""), until
        if until is None:
            until = analysis.parse_period(periods[-1], by)[1].isoformat()
        period = None
    elif period == "all":
        period = None
    events = analysis.evidence(db, focus, partner, period=period, by=by, since=since, until=until,
                               direction=options["direction"])
    scope = f"in {period}" if period else f"from {since or 'the start'} to {until or 'the end'}"
    _emit_events(events, fmt, f"Events between {focus} and {partner} {scope}")


# --- tieline dyad --------------------------------------------------------------------------------

@cli.command("dyad")
@click.argument("sides", nargs=-1, metavar="SOURCE TARGET")
@_common
@click.option("--direction", type=click.Choice(analysis.DIRECTIONS), default="out", show_default=True,
              help="out: SOURCE→TARGET; in: TARGET→SOURCE; both: pooled; each: the two directed series.")
@_measure_option()
@_NORMALISE
@click.option("--plot", "plot_file", type=click.Path(dir_okay=False), metavar="FILE.png",
              help="Also write a chart of the series (with its shifts) to this PNG file.")
@click.option("--evidence", "evidence_period", metavar="PERIOD",
              help="List the events behind one period instead (2024-03, 2024Q1, 2024-W10, 2024 or a date).")
def dyad_cmd(sides: tuple[str, ...], db: str, since: str | None, until: str | None, by: str,
             bloc_specs: tuple[str, ...], fmt: str, direction: str, measure: str, normalise: bool,
             plot_file: str | None, evidence_period: str | None) -> None:
    """The dyad series of SOURCE and TARGET (countries or blocs), one row per period.

    Per period: events by QuadClass (verbal/material cooperation, verbal/material conflict), the
    Goldstein sum and mean, the cooperative share, the actors' event volume and the counts divided
    by it (*_norm). The table ends with a sparkline of the measure and the shifts found in it.

    \b
    Example:
      tieline dyad PRK CUB --by month --plot prk-cub.png
      tieline dyad PRK KOR --direction each --format csv > prk-kor.csv
      tieline dyad PRK CUB --evidence 2024-03
      tieline dyad --bloc PRK:CUB,CHN,VNM,LAO --by quarter
    """
    since, until = _window(since, until)
    blocs = analysis.read_blocs(bloc_specs)
    pairs = _pairs(sides, blocs, "dyad")
    measure = _measure(measure, normalise)
    if plot_file and not plot_file.lower().endswith(".png"):
        raise click.BadParameter(f"the chart file '{plot_file}' must end in .png.", param_hint="--plot")
    if evidence_period:
        analysis.parse_period(evidence_period, by)  # a bad label fails before any query
        found_events = []
        for source, target in pairs:
            events = analysis.evidence(db, source, target, period=evidence_period, by=by, since=since, until=until,
                                       direction=direction)
            if direction == "in":
                source, target = target, source
            if fmt == "table":
                _emit_events(events, fmt, f"Events {source} {_ARROWS[direction]} {target} in {evidence_period}")
            found_events.append(events.assign(pair=f"{source}:{target}"))
        if fmt != "table":  # one document for programs, the pair in a column
            _emit(pd.concat(found_events, ignore_index=True), fmt, (), "")
        return
    series = pd.concat([analysis.dyad_series(db, s, t, by=by, since=since, until=until, direction=direction)
                        for s, t in pairs], ignore_index=True)
    found = analysis.find_shifts(series, measure=measure, by=by) if len(series) else None
    if plot_file:
        analysis.plot_dyad(series, plot_file, shifts=found, measure=measure,
                           title=f"{', '.join(f'{s}–{t}' for s, t in pairs)} by {by}")
    if fmt == "table":
        if series.empty:
            _say("No events for this pair in the window.", fmt)
        else:
            _emit(series, fmt, _SERIES_TABLE, f"Dyad series by {by} ({_ARROWS[direction]})")
            for (source, target, way), frame in series.groupby(["source", "target", "direction"], sort=False):
                _say(f"{source} {_ARROWS[way]} {target}  {measure}  {frame['period_label'].iloc[0]} "
                     f"{analysis.sparkline(frame[measure].tolist())} {frame['period_label'].iloc[-1]}", fmt)
            for shift in found.itertuples():
                _say(f"shift {shift.source} {_ARROWS[shift.direction]} {shift.target} from {shift.period_label}: "
                     f"{shift.movement}, {measure} {shift.before:.2f} → {shift.after:.2f}; events around it: "
                     f"{shift.events_around}", fmt)
    else:
        _emit(series, fmt, (), "")
    if plot_file:
        ERR.print(f"Chart written to {plot_file}.", markup=False, soft_wrap=True)


# --- tieline shifts ------------------------------------------------------------------------------

@cli.command("shifts")
@click.argument("sides", nargs=-1, metavar="SOURCE TARGET")
@_common
@click.option("--direction", type=click.Choice(analysis.DIRECTIONS), default="out", show_default=True,
              help="out: SOURCE→TARGET; in: TARGET→SOURCE; both: pooled; each: the two directed series.")
@_measure_option()
@_NORMALISE
@click.option("--penalty", type=click.FloatRange(min=0, min_open=True),
              help="Penalty per shift (higher finds fewer); default 2·log(n)·σ² from the series' noise.")
@click.option("--count", "n_shifts", type=click.IntRange(min=1), help="Find exactly this many shifts.")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="Fewest periods a level must last.")
@click.option("--evidence", "with_evidence", is_flag=True,
              help="List the events around each shift (the period before it and its first period).")
def shifts_cmd(sides: tuple[str, ...], db: str, since: str | None, until: str | None, by: str,
               bloc_specs: tuple[str, ...], fmt: str, direction: str, measure: str, normalise: bool,
               penalty: float | None, n_shifts: int | None, min_size: int, with_evidence: bool) -> None:
    """Find the periods where the relation of SOURCE and TARGET changed level (change points).

    Uses ruptures (PELT, changes in the mean of the measure). Each shift is shown with its first
    period, the level before and after, and how many events lie around it; --evidence lists them.

    \b
    Example:
      tieline shifts PRK KOR --by month --evidence
      tieline shifts PRK USA --direction both --count 1 --format json
    """
    since, until = _window(since, until)
    blocs = analysis.read_blocs(bloc_specs)
    pairs = _pairs(sides, blocs, "shifts")
    measure = _measure(measure, normalise)
    frames = [analysis.shifts(db, s, t, by=by, since=since, until=until, direction=direction, measure=measure,
                              penalty=penalty, n_shifts=n_shifts, min_size=min_size) for s, t in pairs]
    found = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=analysis.SHIFT_COLUMNS)
    if not with_evidence:
        if found.empty and fmt == "table":
            _say("No shift found: the series keeps one level over the window (try --by, --penalty or --count).", fmt)
            return
        _emit(found, fmt, _SHIFTS_TABLE, f"Shifts in {measure} by {by}")
        return
    evidence = []
    for shift in found.to_dict("records"):
        first, last = analysis.around(shift)
        way = "out" if shift["direction"] in ("out", "in") else "both"
        events = analysis.evidence(db, shift["source"], shift["target"], since=first, until=last, by=by,
                                   direction=way, groups=blocs.groups)
        evidence.append(events)
    if fmt == "json":
        records = _records(found)
        for record, events in zip(records, evidence, strict=True):
            record["events"] = _records(events)
        sys.stdout.write("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
                         + ("\n" if records else "") + "]\n")
    elif fmt == "csv":
        rows = [events.assign(shift=shift["period_label"]) for shift, events in
                zip(found.to_dict("records"), evidence, strict=True)]
        table = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["shift", *analysis.EVIDENCE_COLUMNS])
        _emit(table[["shift", *[c for c in table.columns if c != "shift"]]], fmt, (), "")
    else:
        if found.empty:
            _say("No shift found: the series keeps one level over the window (try --by, --penalty or --count).", fmt)
        for shift, events in zip(found.to_dict("records"), evidence, strict=True):
            _emit_events(events, fmt, f"Shift {shift['source']} {_ARROWS[shift['direction']]} {shift['target']} "
                                      f"from {shift['period_label']}: "
                                      f"{shift['movement']}, {measure} {shift['before']:.2f} → {shift['after']:.2f}")
