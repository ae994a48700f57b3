"""The quality gate (bench/gate.py) runs in CI: no component may fall below its pinned floor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_no_component_falls_below_its_floor(seeds_dir: Path) -> None:
    data = seeds_dir.parent / "data"
    assert data.is_dir(), f"the scoring data sets are not at {data}"
    proc = subprocess.run([sys.executable, str(REPO / "bench" / "gate.py")], capture_output=True, text=True, cwd=REPO / "bench")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "data changed" not in proc.stdout, proc.stdout
