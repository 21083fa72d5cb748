"""Commands that code documents without a store: `tieline code`."""

from __future__ import annotations

import sys

import click

from .. import api
from ..models import EVENT_FIELDS
from ..output import FORMATS, write_rows
from ..pipeline import RunStats
from . import CODER_OPTION, PATTERN_OPTION, cli, report_failures


@cli.command("code")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@CODER_OPTION
@PATTERN_OPTION
def code_cmd(inputs: tuple[str, ...], fmt: str, coder: str, pattern_files: tuple[str, ...]) -> None:
    """Code events from documents and print them, one per line; stores nothing.

    INPUTS are .txt, .html or .jsonl files (one document per line with id, text or html, url,
    published) or folders of them. Each event's doc_id is the JSON id or the file name.

    \b
    Example:
      tieline code article.txt --format jsonl
      tieline code news/ --format table
    """
    stats = RunStats()
    events = api.code(inputs, coder=coder, pattern_files=pattern_files, stats=stats)
    write_rows((e.to_dict() for e in events), fmt, EVENT_FIELDS, sys.stdout)
    report_failures(stats)
