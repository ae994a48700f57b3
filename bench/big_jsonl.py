"""Memory of reading a large JSONL file through ``read_paths``: it must stay flat (streamed).

    python bench/big_jsonl.py [--size-mb 1000] [--keep FILE]

Writes a JSONL file of about ``--size-mb`` MB of invented articles (one object a line with
text, title, url, published, outlet; none of it real text), then reads it in a fresh child
process through ``newstrail.ingest.read_paths`` (the readers only, not cleaning or NLP) and
prints the child's resident memory after imports, at every tenth of the file, and at its peak.
A streamed reader's peak stays near its baseline whatever the file size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("amber basalt cobalt dune ember fjord glacier heron indigo juniper kelp lantern meadow nettle orchid "
         "pebble quartz rowan saffron tundra umber violet willow yarrow zephyr harbour ferry talks council "
         "minister said officials agreed rejected schedule plan question negotiators met reporters").split()
OUTLETS = ["Selva Courier", "Karsk Daily", "Norhaven Wire", "Lindmoor Post"]


def write_jsonl(path: Path, size_mb: int, seed: int = 0) -> int:
    """Write about size_mb MB of invented articles (~3 kB each); returns the number of lines."""
    rng = random.Random(seed)
    target = size_mb * 1_000_000
    written = lines = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            paragraphs = [" ".join(rng.choices(WORDS, k=rng.randint(30, 70))).capitalize() + "." for _ in range(8)]
            record = {
                "url": f"https://example.org/{lines}",
                "title": " ".join(rng.choices(WORDS, k=6)).title(),
                "published": f"2031-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "outlet": rng.choice(OUTLETS),
                "text": "\n\n".join(paragraphs),
            }
            line = json.dumps(record) + "\n"
            out.write(line)
            written += len(line)
            lines += 1
    return lines


def _rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory (VmRSS) or its peak (VmHWM). Not ru_maxrss: on Linux that
    survives fork and exec, so a child would report its parent's peak."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def read_child(path: str) -> None:
    """In the child: read the whole file through read_paths, report memory as JSON on stdout."""
    from newstrail.errors import InputError
    from newstrail.ingest import read_paths

    size = os.path.getsize(path)
    baseline = _rss_mb()
    samples = []
    articles = errors = chars = 0
    next_mark, marks = 1, 10
    handle = None
    for result in read_paths([path]):
        if isinstance(result, InputError):
            errors += 1
            continue
        articles += 1
        chars += len(result.text)
        if articles % 2000 == 0:
            if handle is None:  # the reader's own file handle: its position is how far we are
                handle = next((f"/proc/self/fdinfo/{fd}" for fd in os.listdir("/proc/self/fd")
                               if os.path.realpath(f"/proc/self/fd/{fd}") == os.path.realpath(path)), None)
            pos = 0
            if handle:
                with open(handle) as info:
                    pos = int(info.readline().split()[1])
            while next_mark < marks and pos >= size * next_mark / marks:
                samples.append((next_mark * 10, round(_rss_mb(), 1)))
                next_mark += 1
    samples.append((100, round(_rss_mb(), 1)))
    peak = _rss_mb("VmHWM")
    print(json.dumps({"baseline_mb": round(baseline, 1), "peak_mb": round(peak, 1), "samples": samples,
                      "articles": articles, "errors": errors, "chars": chars}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=int, default=1000, help="size of the JSONL file to write [1000]")
    ap.add_argument("--keep", default=None, help="write the file here and keep it (default: a temporary file)")
    ap.add_argument("--read-child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.read_child:
        read_child(args.read_child)
        return 0
    with tempfile.TemporaryDirectory(prefix="newstrail-big-") as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "big.jsonl"
        clock = time.perf_counter()
        lines = write_jsonl(path, args.size_mb)
        size = path.stat().st_size
        print(f"big_jsonl: wrote {size / 1e6:,.0f} MB, {lines:,} articles in {time.perf_counter() - clock:.0f}s ({path})")
        clock = time.perf_counter()
        child = subprocess.run([sys.executable, __file__, "--read-child", str(path)], capture_output=True, text=True, check=True)
        result = json.loads(child.stdout.strip().splitlines()[-1])
        seconds = time.perf_counter() - clock
        print(f"big_jsonl: read {result['articles']:,} articles ({result['errors']} errors) through read_paths in {seconds:.0f}s")
        print("big_jsonl: resident memory (MB) at each tenth of the file: "
              + ", ".join(f"{pct}%: {mb}" for pct, mb in result["samples"]))
        growth = result["peak_mb"] - result["baseline_mb"]
        print(f"big_jsonl: baseline {result['baseline_mb']} MB after imports, peak {result['peak_mb']} MB "
              f"({growth:+.1f} MB for a {size / 1e6:,.0f} MB file)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
