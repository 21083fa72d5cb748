"""The `tieline` command: a thin layer over `tieline.api`.

Every command's help ends with an example. Errors that the user can fix print one line starting
with "error:" on stderr and exit with status 2; no traceback. Each module of this package adds
the commands of one area; they are imported at the bottom of this file.
"""

from __future__ import annotations

import click
from rich.console import Console

from .. import __version__, api
from ..errors import TielineError
from ..pipeline import RunStats, describe_reasons

ERR = Console(stderr=True, highlight=False)


def parse_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; use YYYY-MM-DD, e.g. 2021-04-15.", param_hint=name) from None


def report_failures(stats: RunStats) -> None:
    reasons = stats.failure_reasons()
    if reasons:
        summary = describe_reasons(reasons)
        ERR.print(f"[yellow]{len(stats.failures)} input(s) could not be used[/]: {summary}")
        for failure in stats.failures[:10]:
            ERR.print(f"  - {failure.message}", markup=False, soft_wrap=True)
        if len(stats.failures) > 10:
            ERR.print(f"  … and {len(stats.failures) - 10} more (stored in the failures table by `tieline ingest`).")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tieline")
def cli() -> None:
    """tieline: turn news into coded events between states (CAMEO/PLOVER), with evidence.

    \b
    Example:
      tieline code article.txt --format table
      tieline ingest news/ --db tieline.duckdb
      tieline events --actor PRK --since 2021-01-01
    """


PATTERN_OPTION = click.option(
    "--patterns", "pattern_files", multiple=True, type=click.Path(dir_okay=False),
    help="Extra verb-pattern YAML file(s) that extend or override the built-in ones.",
)
CODER_OPTION = click.option(
    "--coder", default=api.DEFAULT_CODER, show_default=True,
    help="Registered coder, by name or name.vN (e.g. cameo.rules.v2).",
)

PREFILTER_OPTION = click.option(
    "--no-prefilter", "prefilter", flag_value=False, default=True,
    help="Parse every sentence, not only those with an event cue and an actor candidate: slower; about 2% "
         "of the events of long articles differ, either way (see the README's pre-filter figures).",
)


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="tieline", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        ERR.print("error: aborted.")
        return 130
    except click.ClickException as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if getattr(exc, "ctx", None) else ""
        ERR.print(f"error: {exc.format_message()}{hint}", soft_wrap=True, markup=False)
        return 2
    except TielineError as exc:
        ERR.print(f"error: {exc}", soft_wrap=True, markup=False)
        return 2
    except BrokenPipeError:
        return 0
    return 0



# Command modules register themselves on `cli` when imported (one line each).
from . import (
    actors_cmds,
    analysis_cmds,
    coding_cmds,
    crawl_cmds,
    explain_cmds,
    export_cmds,
    store_cmds,
    web_cmds,
)
