"""The bundled demo corpus: short news articles written by the tieline team, in several formats."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path


@contextmanager
def corpus_dir() -> Iterator[Path]:
    """The folder holding the demo corpus (a real directory, even from a zipped install)."""
    with resources.as_file(resources.files("tieline.demo").joinpath("corpus")) as path:
        yield Path(path)
