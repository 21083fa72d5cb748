"""Ingestion: read documents from where they are (files, WARC archives, the web), and turn them
into clean articles with a stable identity and the language of every paragraph."""

from .crawl import Crawler, CrawlPlan, FeedSource, SitemapSource, UrlSource, WebSource
from .extract import extract_html, extract_stage, extract_text
from .fetch import CrawlPolicy, Fetcher, FetchError
from .identity import Identities, document_key, identify_stage, normalize_url, url_key
from .inputs import IngestOptions, articles, open_sources, read_documents
from .language import language_stage, split_languages
from .sources import FileSource, check_paths
from .summary import IngestProgress, IngestSummary
from .textclean import CleanText, clean_text

__all__ = [
    "CleanText", "CrawlPlan", "CrawlPolicy", "Crawler", "FeedSource", "FetchError", "Fetcher", "FileSource",
    "Identities", "IngestOptions", "IngestProgress", "IngestSummary", "SitemapSource", "UrlSource", "WebSource",
    "articles", "check_paths", "clean_text", "document_key", "extract_html", "extract_stage", "extract_text",
    "identify_stage", "language_stage", "normalize_url", "open_sources", "read_documents", "split_languages",
    "url_key",
]
