"""Commands that code documents without a store: `tieline code`."""

from __future__ import annotations

import sys

import click

from .. import api
from ..models import EVENT_FIELDS
from ..output import FORMATS, write_rows
from ..pipeline import RunStats
from . import CODER_OPTION, PATTERN_OPTION, cli, report_failures
from .crawl_cmds import ingest_options, web_options


@cli.command("code")
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@CODER_OPTION
@PATTERN_OPTION
@web_options
def code_cmd(inputs: tuple[str, ...], fmt: str, coder: str, pattern_files: tuple[str, ...], web: dict) -> None:
    """Code events from documents and print them, one per line; stores nothing.

    INPUTS are .txt, .html, .jsonl (one document per line with id, text or html, url,
    published), .json, .warc files (and .gz of them), folders of them, or http(s) URLs; --feed
    and --sitemap add the articles that feeds and sitemaps list. Each event's doc_id is the JSON
    id, the file name, or the page's normalised URL.

    \b
    Example:
      tieline code article.txt --format jsonl
      tieline code news/ --format table
      tieline code --feed https://news.example.org/rss.xml --max-pages 20
    """
    stats = RunStats()
    events = api.code(inputs, coder=coder, pattern_files=pattern_files, stats=stats, options=ingest_options(web, inputs))
    write_rows((e.to_dict() for e in events), fmt, EVENT_FIELDS, sys.stdout)
    report_failures(stats)
