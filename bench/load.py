"""A bounded load test of `newstrail serve` on loopback: requests/s, errors, latency percentiles.

    python bench/load.py [--db FILE] [--requests 10000] [--seconds 30] [--clients 8]

It builds the sample corpus (unless --db is given), starts `newstrail serve` on 127.0.0.1 on
a free port in a subprocess, and sends a fixed mix of requests (front page, story pages,
article pages, JSON API, search, including a malformed FTS query that must give 400, and a
path-traversal attempt that must give 404) from a few client threads until either bound is
reached. Only loopback is ever addressed. It prints what it measured; it asserts nothing.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from common import REPO  # noqa: F401  (puts the repository on sys.path)

from newstrail import api


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("bench: the server did not come up")


def request_mix(base: str) -> list[tuple[str, int]]:
    """(url, expected status) for a realistic mix, built from what the store holds."""
    stories = httpx.get(base + "/api/stories").json()
    articles = httpx.get(base + "/api/articles").json()
    mix = [("/", 200), ("/api/stories", 200), ("/api/timeline", 200), ("/api/quotes", 200),
           ("/search?q=talks", 200), ("/api/search?q=minister", 200), ('/search?q=%22unclosed', 400),
           ("/static/..%2F..%2Fetc%2Fpasswd", 404), ("/static/report.css", 200)]
    mix += [(f"/story/{s['id']}", 200) for s in stories[:3]]
    mix += [(f"/article/{a['id']}", 200) for a in articles[:6]]
    mix += [(f"/api/articles/{a['id']}/dates", 200) for a in articles[:3]]
    return [(base + url, status) for url, status in mix]


def run_clients(mix: list[tuple[str, int]], total: int, seconds: float, clients: int) -> tuple[list[float], int, int]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        nonlocal errors, sent
        with httpx.Client(timeout=30) as http:
            i = offset
            while time.perf_counter() < deadline:
                with lock:
                    if sent >= total:
                        return
                    sent += 1
                url, expected = mix[i % len(mix)]
                i += clients
                start = time.perf_counter()
                try:
                    ok = http.get(url).status_code == expected
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - start
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, sent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "sample.db")
        if not args.db:
            api.build([api.sample_corpus_path()], db, workers=2)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "newstrail", "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(base)
            mix = request_mix(base)
            start = time.perf_counter()
            latencies, errors, sent = run_clients(mix, args.requests, args.seconds, args.clients)
            wall = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=30)
    latencies.sort()
    pct = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    print(f"load: {sent} requests in {wall:.1f} s from {args.clients} clients ({sent / wall:.0f} req/s), "
          f"{errors} unexpected statuses or failures")
    print(f"latency ms: p50 {pct(0.5):.1f}  p90 {pct(0.9):.1f}  p99 {pct(0.99):.1f}  max {latencies[-1] * 1000:.1f}"
          f"  mean {statistics.mean(latencies) * 1000:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
