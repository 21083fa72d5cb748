"""A server that may write loads its coder as it starts, so that the first write does not wait
seconds for the language model; a read-only server never loads one."""

from __future__ import annotations

import asyncio
import time

from tieline.coding.base import Coder
from tieline.store import Store
from tieline.web import ServerConfig, create_app
from tieline.web.writes import server_coder


def coder_after_start_up(app, wait: float):
    """The app's coder `wait` seconds (at most) into its start-up, as uvicorn runs it."""
    async def run():
        async with app.router.lifespan_context(app):
            deadline = time.monotonic() + wait
            while app.state.coder is None and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            return app.state.coder
    return asyncio.run(run())


def test_a_writing_server_loads_its_coder_before_the_first_write(tmp_path):
    db = tmp_path / "warm.duckdb"
    Store(db).close()
    app = create_app(ServerConfig(db=str(db), token="t" * 24))
    assert app.state.coder is None
    coder = coder_after_start_up(app, wait=120)
    assert isinstance(coder, Coder)
    assert server_coder(app) is coder  # a write uses the loaded one, not a second


def test_a_read_only_server_loads_no_coder(tmp_path):
    db = tmp_path / "cold.duckdb"
    Store(db).close()
    app = create_app(ServerConfig(db=str(db)))
    assert coder_after_start_up(app, wait=0.5) is None
