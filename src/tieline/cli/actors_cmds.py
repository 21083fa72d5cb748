"""Commands about actors: `tieline actors lookup` and `tieline actors add`."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import click
import yaml
from rich.console import Console
from rich.table import Table

from ..actors import load_gazetteer, lookup_actor
from ..actors.gazetteer import default_user_file
from ..errors import ConfigError
from . import cli, parse_date

LOOKUP_FIELDS = ("text", "code", "country_code", "sector", "plover_sector", "known_group_code", "plover_country",
                 "name", "kind")


@cli.group("actors")
def actors_group() -> None:
    """Look up actor codes and add your own actors.

    Built-in actor data lives in the package (countries, groups, roles, and people with their
    dates in office). Your own file adds to it and overrides it: $TIELINE_ACTORS (paths
    separated by ':') or ~/.config/tieline/actors.yaml.

    \b
    Example:
      tieline actors lookup "North Korean leader" --date 2021-04-15
      tieline actors add "Kim Yo-jong" --country PRK --office party_official --start 2021-01-10
    """


@actors_group.command("lookup")
@click.argument("phrase")
@click.option("--date", "when", help="The day the phrase was written, YYYY-MM-DD (default: today).")
@click.option("--context", help="Text read before the phrase, e.g. the sentence before it, or just 'Mexico'.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def lookup_cmd(phrase: str, when: str | None, context: str | None, fmt: str) -> None:
    """Resolve an actor phrase to CAMEO codes, with the PLOVER sector and the person or body.

    Prints one row per actor (a conjoined phrase gives several). Exits with status 1 when the
    phrase names no known actor.

    \b
    Example:
      tieline actors lookup "North Korean leader" --date 2021-04-15 --format json
      tieline actors lookup "the Cuban leader" --date 2009-06-01
      tieline actors lookup "Defense Minister" --context German
    """
    day = date.fromisoformat(parse_date(when, "--date")) if when else date.today()
    found = lookup_actor(phrase, when=day, context=context)
    rows = [{f: getattr(m, f) for f in LOOKUP_FIELDS} for m in found]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        table = Table(title=f"{phrase!r} on {day.isoformat()}")
        for column in ("code", "country_code", "sector", "plover_sector", "name", "kind"):
            table.add_column(column)
        for row in rows:
            table.add_row(*["" if row[c] is None else str(row[c]) for c in
                            ("code", "country_code", "sector", "plover_sector", "name", "kind")])
        Console(width=None if sys.stdout.isatty() else 160).print(table)
    if not rows:
        Console(stderr=True, highlight=False).print(
            f"No known actor in {phrase!r}. Add one with `tieline actors add`.", markup=False)
        raise SystemExit(1)


@actors_group.command("add")
@click.argument("name")
@click.option("--country", help="ISO 3166-1 alpha-3 code of the actor's country, e.g. PRK (or XKX for Kosovo).")
@click.option("--sector", help="PLOVER sector for a group: GOV, MIL, COP, JUD, LEG, PTY, REB, JRN, EDU, BUS, ...")
@click.option("--code", help="A CAMEO code of its own for a group without a country, e.g. IGOASN.")
@click.option("--office", help="Makes NAME a person holding this office: president, prime_minister, "
                               "foreign_minister, defence_minister, or any label.")
@click.option("--start", help="First day in office, YYYY-MM-DD (with --office).")
@click.option("--end", help="Day the successor took over, YYYY-MM-DD (with --office; leave out if still in office).")
@click.option("--alias", "aliases", multiple=True, help="Another spelling of NAME (repeatable).")
@click.option("--file", "path", type=click.Path(dir_okay=False, path_type=Path),
              help="The actor file to write (default: the first of $TIELINE_ACTORS, else ~/.config/tieline/actors.yaml).")
def add_cmd(name: str, country: str | None, sector: str | None, code: str | None, office: str | None,
            start: str | None, end: str | None, aliases: tuple[str, ...], path: Path | None) -> None:
    """Add an actor to your own actor file, which extends and overrides the built-in data.

    With --office, NAME is a person with a dated term; otherwise NAME is a group (a ministry,
    party, armed group, company, university...). The file is checked before it is saved.

    \b
    Example:
      tieline actors add "Kim Yo-jong" --country PRK --office party_official --start 2021-01-10
      tieline actors add "Korea Institute for Unification Studies" --country KOR --sector EDU
      tieline actors add "Pacific Islands Development Forum" --code IGOPIDF --sector IGO
    """
    path = path or default_user_file()
    data = _read_user_file(path)
    country = country.upper() if country else None
    if office:
        if not country:
            raise click.BadParameter("a person needs --country, e.g. --country PRK.", param_hint="--country")
        if not start:
            raise click.BadParameter("a person needs --start, the first day in office (YYYY-MM-DD).", param_hint="--start")
        line = f"{name} | {parse_date(start, '--start')} | {parse_date(end, '--end') or ''}".rstrip()
        terms = data.setdefault("people", {}).setdefault(country, {}).setdefault(office, [])
        terms.append(line)
        if aliases:
            known = data.setdefault("aliases", {}).setdefault(name, [])
            known.extend(a for a in aliases if a not in known)
        what = f"{name} ({country} {office} from {start})"
    else:
        if not (country or code):
            raise click.BadParameter("a group needs --country or --code.", param_hint="--country")
        group = {"names": [name, *aliases]}
        if code:
            group["code"] = code
        if country:
            group["country"] = country
        group["sector"] = (sector or "GOV").upper()
        data.setdefault("groups", []).append(group)
        what = f"{name} ({code or country + ' ' + group['sector']})"
    _write_checked(path, data)
    click.echo(f"Added {what} to {path}.")
    if os.environ.get("TIELINE_ACTORS") is None and path != default_user_file():
        click.echo(f"tieline reads this file when TIELINE_ACTORS={path} is set.")


def _read_user_file(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"The actor file {path} is not valid YAML ({exc}); fix it or choose another with --file.") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"The actor file {path} should be a mapping with sections such as 'groups:' or 'people:'.")
    return data


def _write_checked(path: Path, data: dict) -> None:
    """Save `data` only if the built-in data plus this file still loads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_bytes() if path.exists() else None
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    try:
        load_gazetteer((path,))
    except ConfigError:
        if old is None:
            path.unlink()
        else:
            path.write_bytes(old)
        raise
