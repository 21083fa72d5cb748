"""Ingestion: read documents from where they are, and turn them into clean articles."""

from .extract import extract_html, extract_stage, extract_text
from .sources import FileSource, check_paths
from .textclean import CleanText, clean_text

__all__ = ["CleanText", "FileSource", "check_paths", "clean_text", "extract_html", "extract_stage", "extract_text"]
