"""What every request passes before it reaches a route: the Host header, the write token and the
size of the body. A plain ASGI middleware, so that a refused request is refused before its body is
read or parsed.
"""

from __future__ import annotations

import hmac
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Every route that writes lives under this prefix (`app.create_app` checks it), so the token is
# checked here, before the body is read; other paths answer a write method with 405.
WRITE_PREFIX = "/api/ingest"
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
     b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
]


def host_name(header: str) -> str:
    """The host of a Host header without its port ("[::1]:8000" gives "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class RequestGuard:
    """Refuses requests with a foreign Host header (400), writes without the token (401) and
    bodies larger than `max_body_bytes` (413); adds security headers to every response."""

    def __init__(self, app: ASGIApp, *, token: str | None, max_body_bytes: int, allowed_hosts: list[str]):
        self.app = app
        self.token = token
        self.max_body_bytes = max_body_bytes
        self.allowed_hosts = {h.strip("[]").lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        send = _with_security_headers(send)
        if "*" not in self.allowed_hosts and host_name(headers.get("host", "")) not in self.allowed_hosts:
            await _refuse(send, 400, "This server answers only requests addressed to it by a loopback name "
                                     "(127.0.0.1 or localhost).")
            return
        if scope["method"] in WRITE_METHODS and _under(scope["path"], WRITE_PREFIX):
            refusal = self._check_token(headers.get("authorization", ""))
            if refusal:
                await _refuse(send, 401, refusal, {"www-authenticate": 'Bearer realm="tieline"'})
                return
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                await _refuse(send, 400, "The Content-Length header is not a number.")
                return
            if int(declared) > self.max_body_bytes:
                await _refuse(send, 413, self._too_large(int(declared)))
                return
            await self.app(scope, receive, send)
            return
        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        # A body without a declared length (chunked): read it here, up to the limit, then replay it.
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await _refuse(send, 413, self._too_large(None))
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    def _check_token(self, authorization: str) -> str | None:
        if not self.token:
            return ("Writing is disabled on this server. Start it with `tieline serve --token TOKEN` (or the "
                    "TIELINE_TOKEN environment variable) and send `Authorization: Bearer TOKEN`.")
        scheme, _, given = authorization.partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            return "Writing needs the server's token: send the header `Authorization: Bearer TOKEN`."
        if not hmac.compare_digest(given.strip().encode("utf-8"), self.token.encode("utf-8")):
            return "The token sent in the Authorization header is not this server's token."
        return None

    def _too_large(self, size: int | None) -> str:
        what = f"{size:,} bytes" if size is not None else "larger than that"
        return f"The request body is {what}; this server accepts at most {self.max_body_bytes:,} bytes."


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _with_security_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = list(message.get("headers", [])) + [
                (k, v) for k, v in SECURITY_HEADERS if k not in present
            ]
        await send(message)

    return wrapped


async def _refuse(send: Send, status: int, message: str, extra: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": message}).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.encode(), v.encode()) for k, v in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
