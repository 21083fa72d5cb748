"""`tieline explain`: the parse, actors, patterns and events of one sentence, so an analyst can see why."""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date

import click
from rich.console import Console
from rich.table import Table

from ..coding.explain import Explanation, explain
from ..coding.rules import ACTOR_POLICIES, DEFAULT_ACTORS
from ..output import clean_row
from . import PATTERN_OPTION, cli, parse_date


@cli.command("explain")
@click.argument("text")
@click.option("--date", "when", help="The article's date (YYYY-MM-DD): dates the events and picks office holders.")
@click.option("--actors", type=click.Choice(ACTOR_POLICIES), default=DEFAULT_ACTORS, show_default=True,
              help="source (as shipped): a known source (a country, group or role such as 'rebels') and a known "
                   "target or none; both: two known actors; any: show every event.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@PATTERN_OPTION
def explain_cmd(text: str, when: str | None, actors: str, fmt: str, pattern_files: tuple[str, ...]) -> None:
    """Show why a sentence gives the events it gives.

    Prints the dependency parse, the actor mentions and their codes, every verb pattern tried
    (and why it matched or not, and how negation, modality or reported speech changed it), and
    the events with all their fields.

    \b
    Example:
      tieline explain "North Korea threatened to impose sanctions on South Korea." --date 2024-05-01
      tieline explain "Iran and Saudi Arabia agreed to restore ties." --format json
    """
    published = date.fromisoformat(parse_date(when, "--date")) if when else None
    result = explain(text, published, pattern_files=pattern_files, actors=actors)
    if fmt == "json":
        print(json.dumps(_as_json(result), ensure_ascii=False, indent=2))
    else:
        _print(result, Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160, highlight=False))


def _as_json(result: Explanation) -> dict:
    data = dataclasses.asdict(result)
    data["published"] = result.published.isoformat() if result.published else None
    data["events"] = [clean_row(e.to_dict()) for e in result.events]
    return data


def _print(result: Explanation, console: Console) -> None:
    console.print(f"coder {result.coder}; dictionaries {result.dictionaries}", markup=False)
    console.print(f"article date: {result.published or 'none given (events are undated)'}", markup=False)
    for n, rows in enumerate(result.sentences):
        table = Table(title=f"Parse of sentence {n}", title_justify="left")
        for column in ("i", "token", "lemma", "pos", "tag", "dep", "head", "entity"):
            table.add_column(column)
        for r in rows:
            table.add_row(str(r.i), r.text, r.lemma, r.pos, r.tag, r.dep, str(r.head), r.entity)
        console.print(table)

    console.print("\n[bold]Actor names found[/]")
    for m in result.mentions or []:
        console.print(f"  {m.text!r} [{m.start}:{m.end}] -> {m.code} ({m.kind})", markup=False)
    if not result.mentions:
        console.print("  none: no country, capital, nationality or known group is named")
    console.print("\n[bold]Noun phrases and the actors they resolve to[/]")
    for p in result.phrases:
        named = ", ".join(f"{m.code} ({m.kind}: {m.text!r})" for m in p.actors) or "no known actor"
        console.print(f"  {p.role:9} {p.head!r}: {named}", markup=False)

    console.print("\n[bold]Patterns tried[/]")
    if not result.trace:
        console.print("  no word of the text has a verb or noun pattern: nothing is coded (there is no fallback code)")
    for t in result.trace:
        console.print(f"  sentence {t.sentence_index} {t.verb!r:16} {t.pattern_id:32} {t.outcome}", markup=False)

    console.print(f"\n[bold]Events: {len(result.events)}[/]")
    for n, event in enumerate(result.events, 1):
        console.print(f"  event {n}: {event.actor1_code} {event.event_code} {event.actor2_code or '-'}", markup=False)
        for key, value in clean_row(event.to_dict()).items():
            if key not in ("sentence", "dictionary_version"):
                console.print(f"    {key:28} {value}", markup=False)
