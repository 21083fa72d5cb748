"""Load test of `GET /api/events` on a store of synthetic events.

    python benchmarks/web_load.py                          # 1,000,000 events, 60 s, 8 connections
    python benchmarks/web_load.py --events 2000000 --seconds 120 --connections 16
    python benchmarks/web_load.py --db big.duckdb          # reuse (or create) a store file

Builds a store of N synthetic events (60 countries, ten years, the CAMEO codes of the taxonomy,
one document per five events) unless the file given with --db already has them, starts
`tieline serve` on 127.0.0.1, and sends requests from C concurrent connections for S seconds:
a mix of the filters the dashboard and API users send (one country or pair, date ranges, CAMEO
prefixes, QuadClasses, later pages, other sort orders). Prints requests/second, the latency
percentiles and the errors (any status other than 200, or a body that is not a page of events).
Traffic goes to 127.0.0.1 only, and the run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tieline.coding.taxonomy import load_taxonomy
from tieline.store import Store

COUNTRIES = ("PRK KOR USA CHN RUS UKR JPN IND PAK AFG IRN ISR PSE SYR IRQ SAU TUR EGY ETH SOM SDN KEN NGA ZAF "
             "BRA ARG COL VEN MEX CUB CAN GBR FRA DEU ITA ESP POL BLR LTU SRB XKX ARM AZE GEO KAZ MNG VNM LAO "
             "THA MMR PHL IDN MYS AUS NZL TWN QAT ARE").split()
SECTORS = ("GOV", "MIL", "", "BUS", "EDU")


def build_store(path: Path, events: int) -> None:
    """A store with `events` synthetic events and one document per five events, written by DuckDB."""
    codes = sorted(load_taxonomy().codes.values(), key=lambda c: c.code)
    with Store(path) as store:
        con = store.con
        con.execute("CREATE TEMP TABLE codes AS SELECT * FROM (VALUES " + ", ".join(
            f"({i}, '{c.code}', '{c.root}', {c.quad_class}, {c.goldstein})" for i, c in enumerate(codes)
        ) + ") AS t(i, code, root, quad, goldstein)")
        con.execute(f"CREATE TEMP TABLE countries AS SELECT unnest({list(COUNTRIES)}) AS code, "
                    f"generate_subscripts({list(COUNTRIES)}, 1) - 1 AS i")
        con.execute("INSERT INTO runs (run_id, started_at, finished_at, status, tieline_version, coder, "
                    "dictionary_version, inputs, counts) VALUES ('synthetic', now(), now(), 'finished', 'bench', "
                    "'synthetic', 'synthetic', '[]', '{}')")
        con.execute(f"""
            INSERT INTO documents (doc_id, run_id, source, url, title, published, date_source, text, content_hash,
                                   ingested_at)
            SELECT 'doc-' || d, 'synthetic', 'synthetic', 'https://news.example.org/' || d,
                   'Synthetic report ' || d, DATE '2015-01-01' + CAST(d % 3650 AS INTEGER), 'document',
                   'Synthetic report number ' || d || '. It names two countries and what one did to the other.',
                   md5(d::VARCHAR), now()
            FROM range({(events + 4) // 5}) t(d)""")
        con.execute(f"""
            INSERT INTO events (event_id, run_id, doc_id, event_date, date_precision, actor1_code, actor1_name,
                actor1_country_code, actor1_sector, actor2_code, actor2_name, actor2_country_code, actor2_sector,
                event_code, event_root_code, quad_class, goldstein_scale, sentence, sentence_index, sentence_start,
                evidence_start, evidence_end, event_text, source_url, coder, confidence, global_event_id,
                num_mentions, num_sources, num_articles, root_mention_id, date_added, dedup)
            SELECT printf('%016x', e.i), 'synthetic', 'doc-' || (e.i // 5),
                   DATE '2015-01-01' + CAST(hash(e.i, 1) % 3650 AS INTEGER), 'publication',
                   a.code || s1.s, a.code, a.code, nullif(s1.s, ''), b.code || s2.s, b.code, b.code, nullif(s2.s, ''),
                   c.code, c.root, c.quad, c.goldstein,
                   'Officials of ' || a.code || ' and ' || b.code || ' met; event ' || e.i || '.', e.i % 5, 0, 0, 40,
                   'met', 'https://news.example.org/' || (e.i // 5), 'synthetic', 0.8,
                   e.i + 1, 1, 1, 1, printf('%016x', e.i), now(), 'none'
            FROM (SELECT i, hash(i, 2) % {len(COUNTRIES)} AS x, hash(i, 3) % {len(COUNTRIES) - 1} AS y,
                         hash(i, 4) % {len(codes)} AS z, hash(i, 5) % {len(SECTORS)} AS u, hash(i, 6) % {len(SECTORS)} AS v
                  FROM range({events}) t(i)) e
            JOIN countries a ON a.i = e.x
            JOIN countries b ON b.i = (e.x + 1 + e.y) % {len(COUNTRIES)}
            JOIN codes c ON c.i = e.z
            JOIN (SELECT unnest({list(SECTORS)}) AS s, generate_subscripts({list(SECTORS)}, 1) - 1 AS i) s1 ON s1.i = e.u
            JOIN (SELECT unnest({list(SECTORS)}) AS s, generate_subscripts({list(SECTORS)}, 1) - 1 AS i) s2 ON s2.i = e.v
        """)
        # Each event is reported once: its mention is the event itself (schema version 3).
        shared = ("run_id, doc_id, event_date, date_precision, actor1_code, actor1_name, actor1_country_code, "
                  "actor1_sector, actor2_code, actor2_name, actor2_country_code, actor2_sector, event_code, "
                  "event_root_code, quad_class, goldstein_scale, sentence, sentence_index, sentence_start, "
                  "evidence_start, evidence_end, event_text, source_url, coder, confidence")
        con.execute(f"""
            INSERT INTO event_mentions (mention_id, event_id, seq, source_name, in_lead, added_at, {shared})
            SELECT event_id, event_id, global_event_id, 'news.example.org', true, date_added, {shared} FROM events""")
        con.execute("CHECKPOINT")


def query_mix(rng: random.Random, n: int) -> list[dict]:
    """Request parameters of the kinds the dashboard and API users send."""
    mix = []
    for _ in range(n):
        a, b = rng.sample(COUNTRIES, 2)
        year = rng.randint(2015, 2024)
        kind = rng.randrange(8)
        params: dict = {"limit": rng.choice([25, 50, 100])}
        if kind == 0:
            params.update(actor=a)
        elif kind == 1:
            params.update(actor=a, target=b, direction="both")
        elif kind == 2:
            params.update(actor=a, since=f"{year}-01-01", until=f"{year}-12-31")
        elif kind == 3:
            params.update(code=rng.choice(["04", "19", "163", "05", "1"]), since=f"{year}-01-01")
        elif kind == 4:
            params.update(actor=a, quad_class=rng.randint(1, 4), direction="both")
        elif kind == 5:
            params.update(actor=a, offset=rng.choice([100, 500, 1000]))
        elif kind == 6:
            params.update(target=b, sort=rng.choice(["goldstein_scale", "-goldstein_scale", "event_code"]))
        else:
            params.update(since=f"{year}-{rng.randint(1, 12):02d}-01", until=f"{year}-12-31")
        mix.append(params)
    return mix


async def load(base: str, mix: list[dict], seconds: float, connections: int) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        async def worker(offset: int) -> None:
            i = offset
            while time.monotonic() < deadline:
                params = mix[i % len(mix)]
                i += connections
                started = time.perf_counter()
                try:
                    response = await client.get("/api/events", params=params)
                    body = response.json() if response.status_code == 200 else None
                    elapsed = time.perf_counter() - started
                    if response.status_code != 200 or "items" not in body:
                        errors.append(f"{response.status_code} {params}: {response.text[:200]}")
                    else:
                        latencies.append(elapsed)
                except (httpx.HTTPError, ValueError) as exc:
                    errors.append(f"{type(exc).__name__} {params}: {exc}")

        started = time.monotonic()
        await asyncio.gather(*(worker(k) for k in range(connections)))
        return latencies, errors, time.monotonic() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events in the store")
    parser.add_argument("--seconds", type=float, default=60, help="length of the measured run")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--db", type=Path, help="store file to use (built if it lacks the events)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    folder = None
    if args.db is None:
        folder = Path(tempfile.mkdtemp(prefix="tieline-load-"))
        args.db = folder / "load.duckdb"
    try:
        have = 0
        if args.db.exists():
            with Store(args.db, read_only=True) as store:
                have = store.counts()["events"]
        if have < args.events:
            args.db.unlink(missing_ok=True)
            started = time.perf_counter()
            build_store(args.db, args.events)
            print(f"built {args.db} with {args.events:,} synthetic events in {time.perf_counter() - started:.1f} s")
        with Store(args.db, read_only=True) as store:
            counts = store.counts()
        size = args.db.stat().st_size / 1e6
        print(f"store: {counts['events']:,} events, {counts['documents']:,} documents, {size:,.0f} MB")

        port = free_port()
        tieline = Path(sys.executable).parent / "tieline"
        server = subprocess.Popen([str(tieline), "serve", "--db", str(args.db), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ))
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(base + "/api/health", timeout=5).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            mix = query_mix(random.Random(args.seed), 2000)
            asyncio.run(load(base, mix[:50], 5, args.connections))  # warm-up, not counted
            latencies, errors, elapsed = asyncio.run(load(base, mix, args.seconds, args.connections))
        finally:
            server.terminate()
            server.wait(30)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    done = len(latencies)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"GET /api/events, {args.connections} connections, {elapsed:.1f} s, a mix of {len(mix):,} requests of 8 kinds")
    print(f"requests      : {done + len(errors):,} ({len(errors)} errors)")
    print(f"requests/s    : {done / elapsed:,.1f}")
    if latencies:
        print(f"latency p50   : {percentile(latencies, 50) * 1000:,.1f} ms")
        print(f"latency p90   : {percentile(latencies, 90) * 1000:,.1f} ms")
        print(f"latency p99   : {percentile(latencies, 99) * 1000:,.1f} ms")
        print(f"latency max   : {max(latencies) * 1000:,.1f} ms (mean {statistics.mean(latencies) * 1000:,.1f} ms)")
    for error in errors[:10]:
        print("error:", error)
    sys.exit(1 if errors or not latencies else 0)


if __name__ == "__main__":
    main()
