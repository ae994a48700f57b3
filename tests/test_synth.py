"""bench/synth.py: counts, determinism, duplicates, boilerplate and story structure, on small N."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import synth  # noqa: E402


def _digest(paths: list[Path]) -> list[str]:
    return [hashlib.sha1(p.read_bytes()).hexdigest() for p in paths]


def _shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def test_txt_count_and_layout(tmp_path):
    paths = synth.generate(tmp_path / "out", 120, seed=3)
    assert len(paths) == 120
    assert all(p.suffix == ".txt" and p.is_file() for p in paths)
    assert len({p.name for p in paths}) == 120
    assert sorted(paths) == sorted((tmp_path / "out").rglob("*.txt"))


def test_jsonl_shards_and_fields(tmp_path, monkeypatch):
    monkeypatch.setattr(synth, "LINES_PER_SHARD", 50)
    paths = synth.generate(tmp_path / "out", 120, seed=1, fmt="jsonl")
    assert [p.name for p in paths] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    rows = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 120
    for row in rows:
        assert set(row) == {"id", "url", "title", "published", "outlet", "text"}
        assert row["text"] and row["title"] and row["url"].startswith("https://")
    assert any(row["published"] is None for row in rows)
    assert any(row["published"] for row in rows)


def test_deterministic_for_a_seed(tmp_path):
    a = synth.generate(tmp_path / "a", 60, seed=7)
    b = synth.generate(tmp_path / "b", 60, seed=7)
    c = synth.generate(tmp_path / "c", 60, seed=8)
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)


def test_lengths_are_realistic(tmp_path):
    paths = synth.generate(tmp_path / "out", 80, seed=2)
    words = [len(p.read_text(encoding="utf-8").split()) for p in paths]
    assert min(words) >= 280
    assert max(words) <= 1500
    assert 500 <= sum(words) / len(words) <= 1000


def test_exact_and_near_duplicates(tmp_path):
    truth = tmp_path / "truth.jsonl"
    paths = synth.generate(tmp_path / "out", 600, seed=0, truth=truth)
    rows = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 600
    kinds = Counter(row["dup_kind"] for row in rows)
    assert kinds["exact"] >= 5 and kinds["near"] >= 5
    assert 0.02 <= (kinds["exact"] + kinds["near"]) / 600 <= 0.09
    by_id = {row["id"]: Path(row["path"]) for row in rows}
    digests = Counter(_digest(paths))
    assert sum(n - 1 for n in digests.values()) >= kinds["exact"]
    for row in rows:
        if row["dup_kind"] == "exact":
            assert by_id[row["id"]].read_bytes() == by_id[row["dup_of"]].read_bytes()
        elif row["dup_kind"] == "near":
            src = _shingles(by_id[row["dup_of"]].read_text(encoding="utf-8"))
            copy = _shingles(by_id[row["id"]].read_text(encoding="utf-8"))
            assert src != copy
            assert len(src & copy) / len(src | copy) > 0.6


def test_boilerplate_present(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in synth.generate(tmp_path / "out", 200, seed=4)]
    joined = "\n".join(texts)
    assert "appeared first on" in joined
    assert "More like this" in joined
    assert any(prompt in joined for prompt in synth.COMMENT_PROMPTS)
    assert any(line in joined for line in synth.SHARE_LINES)
    assert "Photo:" in joined
    # repeated headlines: the same non-empty line twice at the top of some article
    assert any(len(t.split("\n\n")) > 2 and t.split("\n\n")[0] == t.split("\n\n")[1] for t in texts) or any(
        t.split("\n\n")[1] == t.split("\n\n")[2] for t in texts
    )


def test_story_structure(tmp_path):
    truth = tmp_path / "truth.jsonl"
    synth.generate(tmp_path / "out", 400, seed=5, truth=truth)
    rows = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
    stories: dict[int, list[dict]] = {}
    for row in rows:
        stories.setdefault(row["story"], []).append(row)
    assert 3 <= len(stories) <= 400
    big = max(stories.values(), key=len)
    assert len(big) >= 5
    story = synth._story(5, big[0]["story"])
    last_names = [a["name"].split(" ", 1)[1] for a in story["actors"]]
    dates = sorted(r["published"] for r in big if r["published"])
    first, last = dates[0], dates[-1]
    assert (synth.dt.date.fromisoformat(last) - synth.dt.date.fromisoformat(first)).days <= 40
    for row in big:
        text = Path(row["path"]).read_text(encoding="utf-8")
        assert any(name in text for name in last_names + [story["a"], story["b"]])


def test_cli(tmp_path):
    out = tmp_path / "cli"
    proc = subprocess.run(
        [sys.executable, str(REPO / "bench" / "synth.py"), str(out), "--articles", "25", "--seed", "9", "--format", "jsonl"],
        capture_output=True, text=True, check=True,
    )
    assert "25 articles" in proc.stderr
    lines = (out / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 25


def test_bad_format(tmp_path):
    with pytest.raises(ValueError):
        synth.generate(tmp_path, 5, fmt="csv")
