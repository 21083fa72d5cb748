"""Fetching a page for `POST /api/ingest/url` without letting the server be used to reach private networks.

Every address the URL's host resolves to must be a public one (not private, loopback,
link-local, carrier-grade NAT, multicast, reserved or unspecified, also when written as an
IPv4-mapped IPv6 address). Redirects are followed by hand, each new location checked the same
way, and the address actually connected to is checked again before the body is read, so a name
that resolves differently the second time (DNS rebinding) gets nothing back.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from ..errors import InputError

MAX_REDIRECTS = 5
MAX_PAGE_BYTES = 5_000_000
FETCH_TIMEOUT = 15.0
_MEDIA_TYPES = {"text/html": "text/html", "application/xhtml+xml": "text/html", "text/plain": "text/plain"}

Resolver = Callable[..., list]


class UrlRefused(InputError):
    """The URL may not be fetched (a private address, another scheme)."""


class FetchFailed(InputError):
    """The page could not be fetched (no such host, timeout, HTTP error, not a page)."""


def is_public_address(address: str) -> bool:
    """Whether `address` (an IPv4 or IPv6 address) is on the public internet."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        for embedded in (ip.ipv4_mapped, ip.sixtofour, ip.teredo and ip.teredo[1]):
            if embedded is not None and not is_public_address(str(embedded)):
                return False
    return ip.is_global and not ip.is_multicast


def check_public_url(url: str, resolve: Resolver = socket.getaddrinfo) -> list[str]:
    """The public addresses `url`'s host resolves to; raises UrlRefused when any of them is not public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UrlRefused(f"'{url}' is not an http or https URL; give the address of a web page.")
    host = parts.hostname
    if not host:
        raise UrlRefused(f"'{url}' has no host name; give a full URL such as https://example.org/news/1.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise UrlRefused(f"'{url}' has a port that is not a number between 0 and 65535.") from None
    try:
        infos = resolve(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchFailed(f"The host '{host}' of {url} cannot be resolved ({exc}); check the address.") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchFailed(f"The host '{host}' of {url} has no address; check the address.")
    for address in addresses:
        if not is_public_address(address):
            raise UrlRefused(
                f"{url} is refused: its host '{host}' resolves to {address}, which is not a public address. "
                f"The server does not fetch private, loopback or link-local addresses (start it with "
                f"--allow-private-urls to allow them on a trusted network)."
            )
    return addresses


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    content: str
    media_type: str  # text/html or text/plain


def fetch_page(url: str, *, allow_private: bool = False, max_bytes: int = MAX_PAGE_BYTES,
               timeout: float = FETCH_TIMEOUT, resolve: Resolver = socket.getaddrinfo) -> FetchedPage:
    """GET a web page, following up to MAX_REDIRECTS redirects, every hop checked."""
    headers = {"User-Agent": f"tieline/{__version__} (+news event coding)", "Accept": "text/html, text/plain;q=0.9"}
    with httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False, headers=headers) as client:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if not allow_private:
                check_public_url(current, resolve)
            try:
                with client.stream("GET", current) as response:
                    if not allow_private:
                        _check_peer(response, current)
                    if response.is_redirect and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return _read_page(response, current, max_bytes)
            except httpx.HTTPError as exc:
                raise FetchFailed(f"Fetching {current} failed: {exc or type(exc).__name__}.") from None
        raise FetchFailed(f"{url} redirects more than {MAX_REDIRECTS} times; give the final address.")


def _check_peer(response: httpx.Response, url: str) -> None:
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer and not is_public_address(str(peer[0])):
        raise UrlRefused(f"{url} is refused: the server connected to is {peer[0]}, which is not a public address.")


def _read_page(response: httpx.Response, url: str, max_bytes: int) -> FetchedPage:
    if response.status_code != 200:
        raise FetchFailed(f"{url} answered HTTP {response.status_code}; only pages that answer 200 can be ingested.")
    media = response.headers.get("content-type", "text/html").split(";", 1)[0].strip().lower()
    if media not in _MEDIA_TYPES:
        raise FetchFailed(f"{url} is {media}, not a web page or text; give the address of an article.")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed(f"{url} is {int(declared):,} bytes, more than the {max_bytes:,} allowed.")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise FetchFailed(f"{url} is more than the {max_bytes:,} bytes allowed.")
    encoding = response.charset_encoding or "utf-8"
    try:
        text = bytes(body).decode(encoding, errors="replace")
    except LookupError:
        text = bytes(body).decode("utf-8", errors="replace")
    return FetchedPage(url=url, content=text, media_type=_MEDIA_TYPES[media])
