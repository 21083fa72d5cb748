"""Helpers for the web tests: the demo store, built once per session, and real `tieline serve`
processes listening on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

TIELINE = Path(sys.executable).parent / "tieline"
TOKEN = "test-token-0123456789"


def demo_store(tmp_path_factory) -> Path:
    """The demo corpus coded into a store, once per test session (later calls reuse the file)."""
    path = tmp_path_factory.getbasetemp() / "web-demo" / "demo.duckdb"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name("building.duckdb")
    result = subprocess.run([str(TIELINE), "demo", "--db", str(building)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    building.rename(path)
    return path


def copy_store(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`tieline serve` in a subprocess; `url` is its base URL."""

    def __init__(self, db: Path, *args: str, token: str | None = None, host: str = "127.0.0.1"):
        self.port = free_port()
        self.host = host
        env = {k: v for k, v in os.environ.items() if k != "TIELINE_TOKEN"}
        if token:
            env["TIELINE_TOKEN"] = token
        self.log = Path(db).with_name(f"serve-{self.port}.log")
        command = [str(TIELINE), "serve", "--db", str(db), "--port", str(self.port), *args]
        if host != "127.0.0.1":
            command += ["--host", host]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        self.url = f"http://127.0.0.1:{self.port}"
        self._wait_until_up()

    def _wait_until_up(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"tieline serve exited: {self.log.read_text()}")
            try:
                if httpx.get(self.url + "/api/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"tieline serve did not answer within {timeout} s: {self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kwargs)


class SpecCheck:
    """Checks answers against the server's own OpenAPI spec (with schemathesis' response validation)."""

    def __init__(self, base_url: str):
        import schemathesis

        self.schema = schemathesis.openapi.from_url(f"{base_url}/api/openapi.json")

    def __call__(self, method: str, path: str, response: httpx.Response) -> None:
        """Raise when `response` (to `method` on the spec's `path`, e.g. /api/events/{event_id}) breaks the spec."""
        assert response.status_code < 500, response.text
        self.schema[path][method].validate_response(response)
