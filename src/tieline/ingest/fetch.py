"""A polite HTTP client for news crawling (urllib3 underneath).

It honours robots.txt (parsed with Protego, which knows the `*` and `$` patterns of RFC 9309),
waits between requests to the same host (the larger of the policy's delay and the site's
Crawl-delay), names tieline in its User-Agent, times out on connect, on read and on the whole
page, retries failed connections, 429 and 5xx with exponential backoff (and Retry-After), makes
conditional requests with the ETag and Last-Modified it saw last time, caps the size of a page
(decompressed), follows at most a few redirects and stops on a loop, and refuses private,
loopback and link-local addresses unless allowed (see netguard).
"""

from __future__ import annotations

import random
import socket
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from .identity import normalize_url
from .netguard import PRIVATE_SWITCH, BlockedAddress, Resolved, Resolver, resolve

USER_AGENT = f"tieline/{__version__} (news event coder; +https://pypi.org/project/tieline/)"
ROBOTS_AGENT = "tieline"  # the product token robots.txt rules are matched against
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
_REDIRECTS = (301, 302, 303, 307, 308)
_RETRY_STATUSES = (429, 500, 502, 503, 504)
_ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least the first 500 KiB


@dataclass
class CrawlPolicy:
    """How tieline behaves on other people's servers."""

    user_agent: str = USER_AGENT
    delay: float = 1.0  # seconds between two requests to the same host
    timeout: float = 10.0  # seconds to connect, and between two reads
    page_timeout: float = 60.0  # seconds for a whole page
    retries: int = 2  # further attempts after a failed connection, 429 or 5xx
    backoff: float = 1.0  # first wait before a retry; doubled each time
    max_retry_after: float = 120.0  # longest Retry-After honoured; longer means give up
    max_bytes: int = 5 * 1024 * 1024  # per page, after decompression
    max_redirects: int = 5
    allow_private: bool = False
    max_crawl_delay: float = 60.0  # a robots.txt Crawl-delay above this is capped


class FetchError(InputError):
    """A URL could not be fetched; `reason` is the failure key (http-404, timeout, robots-disallowed…)."""

    def __init__(self, url: str, reason: str, detail: str):
        super().__init__(f"{url}: {detail}")
        self.url = url
        self.reason = reason
        self.detail = detail


@dataclass
class Response:
    url: str  # after redirects
    requested: str
    status: int  # 200, or 304 when the page has not changed since the last fetch
    headers: list[tuple[str, str]]
    body: bytes
    fetched: datetime

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.headers:
            if key.lower() == lowered:
                return value
        return None

    @property
    def content_type(self) -> str | None:
        return self.header("Content-Type")

    @property
    def media_type(self) -> str:
        return (self.content_type or "").split(";", 1)[0].strip().lower()


class MemoryValidators:
    """ETag / Last-Modified per URL for one run; `httpcache.StoreValidators` keeps them in the store."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[str | None, str | None]] = {}

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        return self._items.get(normalize_url(url))

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self._items[normalize_url(url)] = (etag, last_modified)


@dataclass
class _Robots:
    parser: object | None  # a Protego parser; None means allow_all or disallow_all
    allow_all: bool = True
    reason: str = ""
    failure: str = "robots-disallowed"  # the failure reason of the pages it keeps out

    def allowed(self, url: str, agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None


@dataclass
class FetchCounts:
    requests: int = 0
    retries: int = 0
    not_modified: int = 0
    bytes: int = 0
    per_host: dict[str, int] = field(default_factory=dict)


class Fetcher:
    """`resolver` (socket.getaddrinfo by default) answers for host names; `private_switch` is the
    option named when a private address is refused."""

    def __init__(self, policy: CrawlPolicy | None = None, validators=None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 resolver: Resolver = socket.getaddrinfo, private_switch: str = PRIVATE_SWITCH):
        self.policy = policy or CrawlPolicy()
        self.resolver, self.private_switch = resolver, private_switch
        self.validators = validators if validators is not None else MemoryValidators()
        self._sleep, self._clock = sleep, clock
        self._next_allowed: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}
        self._pools: dict[tuple, object] = {}
        self.counts = FetchCounts()

    # --- public -----------------------------------------------------------------------------

    def get(self, url: str, accept: str = PAGE_ACCEPT, conditional: bool = True) -> Response:
        """Fetch `url` following redirects; raises FetchError with a reason."""
        return self._get(url, accept, conditional, check_robots=True)

    def robots_sitemaps(self, url: str) -> list[str]:
        """Sitemap URLs that the robots.txt of `url`'s site lists."""
        robots = self._robots_for(url)
        return list(robots.parser.sitemaps) if robots.parser is not None else []

    def ready_at(self, url: str) -> float:
        """Clock time at which `url`'s host may be asked again."""
        return self._next_allowed.get(_host_key(url), 0.0)

    def close(self) -> None:
        for pool in self._pools.values():
            pool.close()
        self._pools.clear()

    # --- redirects, robots ------------------------------------------------------------------

    def _get(self, url: str, accept: str, conditional: bool, check_robots: bool,
             max_bytes: int | None = None) -> Response:
        requested = url
        seen: set[str] = set()
        for _ in range(self.policy.max_redirects + 1):
            try:
                parts = urlsplit(url)
                parts.port  # noqa: B018 - raises ValueError on a port out of range
            except ValueError as exc:
                raise FetchError(url, "bad-url", f"is not a valid URL ({exc})") from None
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(url, "bad-url", "is not an http(s) URL")
            seen.add(normalize_url(url))
            if check_robots:
                robots = self._robots_for(url)
                if not robots.allowed(url, ROBOTS_AGENT):
                    detail = robots.reason or f"robots.txt of {parts.hostname} disallows {ROBOTS_AGENT} this URL"
                    raise FetchError(url, robots.failure, detail)
            validators = self.validators.get(url) if conditional else None
            status, headers, body = self._request(url, accept, validators, max_bytes)
            if status in _REDIRECTS:
                location = _header(headers, "Location")
                if not location:
                    raise FetchError(url, f"http-{status}", f"answered {status} without a Location")
                try:
                    url = urljoin(url, location.strip())
                except ValueError:
                    raise FetchError(url, "bad-url", f"redirects to an invalid URL ({location!r})") from None
                if normalize_url(url) in seen:
                    raise FetchError(requested, "redirect-loop", f"redirects in a loop (back to {url})")
                continue
            now = datetime.now(UTC)
            if status == 304:
                self.counts.not_modified += 1
                return Response(url, requested, 304, headers, b"", now)
            if status >= 400 or status < 200:
                raise FetchError(url, f"http-{status}", f"the server answered HTTP {status}")
            if conditional:
                etag, modified = _header(headers, "ETag"), _header(headers, "Last-Modified")
                if etag or modified:
                    self.validators.put(url, etag, modified)
            return Response(url, requested, status, headers, body, now)
        raise FetchError(requested, "too-many-redirects", f"redirects more than {self.policy.max_redirects} times")

    def _robots_for(self, url: str) -> _Robots:
        parts = urlsplit(url)
        origin = _origin(url)
        if origin in self._robots:
            return self._robots[origin]
        try:
            response = self._get(origin + "/robots.txt", "text/plain", conditional=False, check_robots=False,
                                 max_bytes=_ROBOTS_MAX_BYTES)
            from protego import Protego

            robots = _Robots(Protego.parse(response.body.decode("utf-8", "replace")))
        except FetchError as exc:
            if exc.reason in ("private-address", "dns-error"):
                raise FetchError(url, exc.reason, exc.detail) from None
            status = int(exc.reason[5:]) if exc.reason[5:].isdigit() else None
            if status in (401, 403):
                robots = _Robots(None, allow_all=False, reason=f"robots.txt of {parts.hostname} is forbidden "
                                                               f"(HTTP {status}), which means do not crawl")
            elif status is not None and 400 <= status < 500:
                robots = _Robots(None, allow_all=True)  # no robots.txt: everything is allowed
            elif status is not None:
                robots = _Robots(None, allow_all=False, failure="robots-unavailable",
                                 reason=f"robots.txt of {parts.hostname} could not be read ({exc.detail}); "
                                        f"a site whose robots.txt fails is not crawled")
            else:  # the host cannot be reached at all: say so
                robots = _Robots(None, allow_all=False, failure=exc.reason,
                                 reason=f"{parts.hostname} cannot be reached ({exc.detail})")
        self._robots[origin] = robots
        return robots

    def _delay_for(self, url: str) -> float:
        robots = self._robots.get(_origin(url))
        site = robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None
        return max(self.policy.delay, min(site or 0.0, self.policy.max_crawl_delay))

    # --- one request, with retries ----------------------------------------------------------

    def _request(self, url: str, accept: str, validators,
                 max_bytes: int | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
        from urllib3.exceptions import DecodeError, HTTPError, NewConnectionError, SSLError
        from urllib3.exceptions import TimeoutError as U3Timeout

        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            target = resolve(parts.hostname, port, self.policy.allow_private, resolver=self.resolver,
                             switch=self.private_switch)
        except BlockedAddress as exc:
            raise FetchError(url, "private-address", str(exc)) from None
        except InputError as exc:
            raise FetchError(url, "dns-error", str(exc)) from None
        headers = {
            "User-Agent": self.policy.user_agent, "Accept": accept, "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "en;q=1.0, *;q=0.5", "Host": _host_header(parts),
        }
        if validators:
            etag, modified = validators
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        attempt = 0
        while True:
            self._wait_turn(url)
            self.counts.requests += 1
            host = _host_key(url)
            self.counts.per_host[host] = self.counts.per_host.get(host, 0) + 1
            try:
                status, response_headers, body = self._once(target, parts.scheme, path, headers,
                                                            max_bytes or self.policy.max_bytes)
            except FetchError:
                raise
            except SSLError as exc:
                raise FetchError(url, "tls-error", f"the TLS connection failed ({exc})") from None
            except DecodeError as exc:
                raise FetchError(url, "bad-content-encoding", f"the compressed body cannot be unpacked ({exc})") from None
            except (U3Timeout, HTTPError, OSError) as exc:
                # NewConnectionError (refused, unreachable) is a subclass of urllib3's TimeoutError
                timed_out = not isinstance(exc, NewConnectionError) and (
                    isinstance(exc, U3Timeout) or "timed out" in str(exc))
                reason = "timeout" if timed_out else "connection-error"
                if attempt < self.policy.retries:
                    self._backoff(attempt, None)
                    attempt += 1
                    continue
                raise FetchError(url, reason, f"{'timed out' if reason == 'timeout' else 'the connection failed'} "
                                              f"after {attempt + 1} attempt(s) ({type(exc).__name__})") from None
            if status in _RETRY_STATUSES and attempt < self.policy.retries:
                retry_after = _retry_after(_header(response_headers, "Retry-After"))
                if retry_after is None or retry_after <= self.policy.max_retry_after:
                    self._backoff(attempt, retry_after)
                    attempt += 1
                    continue
            self.counts.bytes += len(body)
            return status, response_headers, body

    def _backoff(self, attempt: int, retry_after: float | None) -> None:
        self.counts.retries += 1
        wait = self.policy.backoff * (2 ** attempt) * (1 + random.random() / 4)
        self._sleep(max(wait, retry_after or 0.0))

    def _wait_turn(self, url: str) -> None:
        host = _host_key(url)
        wait = self._next_allowed.get(host, 0.0) - self._clock()
        if wait > 0:
            self._sleep(wait)
        self._next_allowed[host] = self._clock() + self._delay_for(url)

    def _pool(self, target: Resolved, scheme: str):
        import urllib3

        key = (scheme, target.address, target.port, target.host)
        pool = self._pools.get(key)
        if pool is None:
            if scheme == "https":
                import certifi

                pool = urllib3.HTTPSConnectionPool(
                    target.address, target.port, maxsize=1, server_hostname=target.host,
                    assert_hostname=target.host, cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())
            else:
                pool = urllib3.HTTPConnectionPool(target.address, target.port, maxsize=1)
            self._pools[key] = pool
        return pool

    def _once(self, target: Resolved, scheme: str, path: str, headers: dict[str, str],
              max_bytes: int) -> tuple[int, list[tuple[str, str]], bytes]:
        import urllib3

        timeout = urllib3.Timeout(connect=self.policy.timeout, read=self.policy.timeout)
        deadline = self._clock() + self.policy.page_timeout
        url = f"{scheme}://{headers['Host']}{path}"
        response = self._pool(target, scheme).urlopen(
            "GET", path, headers=headers, redirect=False, retries=False, preload_content=False,
            timeout=timeout, assert_same_host=False)
        done = False
        try:
            response_headers = list(response.headers.items())
            status = response.status
            if status in _REDIRECTS or status == 304 or status >= 400:
                return status, response_headers, b""  # the body is not read; the connection is closed
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(url, "too-large", f"is {int(length):,} bytes, over the size cap of {max_bytes:,} "
                                                   f"(raise it with --max-bytes)")
            unpack = _Unpacker(url, response.headers.get("Content-Encoding"), max_bytes)
            chunks, size = [], 0
            for raw in response.stream(1 << 16, decode_content=False):
                chunk = unpack.feed(raw)
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, "too-large", f"is over the size cap of {max_bytes:,} bytes "
                                                       f"(raise it with --max-bytes)")
                if self._clock() > deadline:
                    raise FetchError(url, "timeout", f"took longer than {self.policy.page_timeout:g} s to send "
                                                     f"(a slow page)")
                chunks.append(chunk)
            unpack.finish()
            done = True
            return status, response_headers, b"".join(chunks)
        finally:
            if done:
                response.release_conn()
            else:  # a half-read response leaves the connection unusable
                response.close()


class _Unpacker:
    """Content-Encoding gzip/deflate, unpacked here rather than by urllib3 so that a body cut short
    is an error (urllib3 returns what it could unpack) and the size cap holds on the output."""

    def __init__(self, url: str, encoding: str | None, max_bytes: int):
        self.url, self.max_bytes = url, max_bytes
        encoding = (encoding or "identity").strip().lower()
        if encoding in ("identity", ""):
            self._unpacker = None
        elif encoding in ("gzip", "x-gzip"):
            self._unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._unpacker = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError(url, "bad-content-encoding", f"is sent with Content-Encoding {encoding!r}, which "
                                                          f"tieline does not read")
        self._started = False

    def feed(self, data: bytes) -> bytes:
        if self._unpacker is None:
            return data
        self._started = self._started or bool(data)
        try:
            out = self._unpacker.decompress(data, self.max_bytes + 1)
        except zlib.error as exc:
            raise FetchError(self.url, "bad-content-encoding",
                             f"its compressed body cannot be unpacked ({exc})") from None
        if self._unpacker.unconsumed_tail:  # more output than the cap allows
            raise FetchError(self.url, "too-large", f"unpacks to more than {self.max_bytes:,} bytes "
                                                    f"(raise it with --max-bytes)")
        return out

    def finish(self) -> None:
        if self._unpacker is not None and self._started and not self._unpacker.eof:
            raise FetchError(self.url, "truncated-gzip", "its compressed body is cut short")


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    lowered = name.lower()
    for key, value in headers:
        if key.lower() == lowered:
            return value
    return None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _host_header(parts) -> str:
    """host[:port] without any user:password@ part of the URL."""
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{parts.port}" if parts.port else host


def _host_key(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _origin(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return f"{parts.scheme}://{parts.netloc.lower()}"
