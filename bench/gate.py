"""Quality gate: cheap scores of each component against pinned floors (bench/floors.json).

    python bench/gate.py              # score, compare with the floors, exit 1 on a regression
    python bench/gate.py --update     # raise floors to today's scores (never lowers one...)
    python bench/gate.py --update --allow-regression   # ...unless told to, on purpose

Each score comes from the same data and scorer as the full benchmark in bench/ (the scorers
in ../shared/data), on the part that is cheap enough for CI: TempEval-3 value F1 (all 256
documents, no spaCy), text-only cleaning shingle F1 (181 pages), story clustering B-cubed F1
(the report half of GoogleNews-TS), PLOVER typing accuracy (the held-out half). The floors
file pins a SHA-1 of the data files, so a changed data set is noticed rather than compared.
EPSILON absorbs the noise of floating-point ties; the scores themselves are deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from typing import Callable

from common import DATA, REPO, data_dir

FLOORS = REPO / "bench" / "floors.json"
# Scores are deterministic; this only absorbs float noise across platforms.
EPSILON = 0.002


def score_timex() -> float:
    data_dir("timex")
    import score_timex  # type: ignore[import-not-found]

    from newstrail.adapters import time_expressions

    return score_timex.run("tbaq", time_expressions)["all"]["value_f1"]


def score_textclean() -> float:
    data_dir("extraction")
    data_dir("textclean")
    import score_textclean  # type: ignore[import-not-found]

    from newstrail.adapters import clean_lines

    return score_textclean.evaluate(score_textclean.load("derived_zyte"), clean_lines)["doc_shingle4"]["f1"]


def score_clustering() -> float:
    sys.path.insert(0, str(REPO / "bench"))
    import clustering  # bench/clustering.py

    from newstrail.stories import JOIN_THRESHOLD, MERGE_THRESHOLD

    report = clustering.split(clustering.load())["report"]
    return clustering.run(report, JOIN_THRESHOLD, MERGE_THRESHOLD)[0]["b3_f1"]


def score_events() -> float:
    sys.path.insert(0, str(REPO / "bench"))
    import events  # bench/events.py

    from newstrail.events import event_types_many

    rows = [r for r in events.load() if events.half(r[0]) == "held-out"]
    preds = event_types_many([text for _, text, _ in rows])
    return sum(bool(p) and p[0] in gold for (_, _, gold), p in zip(rows, preds)) / len(rows)


SCORES: dict[str, tuple[Callable[[], float], tuple[str, ...]]] = {
    "timex_value_f1": (score_timex, ("timex",)),
    "textclean_shingle_f1": (score_textclean, ("textclean",)),
    "clustering_b3_f1_report_half": (score_clustering, ("clustering",)),
    "events_accuracy_held_out": (score_events, ("events",)),
}


def data_hash(areas: tuple[str, ...]) -> str:
    """SHA-1 over the names and bytes of the data files a score reads."""
    digest = hashlib.sha1()
    for area in areas:
        for path in sorted((DATA / area).rglob("*")):
            # the data, not its loaders nor the bytecode Python leaves next to them
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(DATA)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="raise the floors to today's scores")
    parser.add_argument("--allow-regression", action="store_true", help="with --update: allow lowering a floor")
    parser.add_argument("--only", action="append", choices=sorted(SCORES), help="score only these (repeatable)")
    args = parser.parse_args(argv)
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    failed = []
    for name in args.only or sorted(SCORES):
        scorer, areas = SCORES[name]
        value = scorer()
        digest = data_hash(areas)
        pinned = floors.get(name)
        status = "new"
        if pinned and pinned["data_sha1"] != digest:
            status = "data changed: floor not compared (run --update to re-pin)"
        elif pinned:
            status = "ok" if value >= pinned["floor"] - EPSILON else f"REGRESSION below floor {pinned['floor']:.4f}"
            if status != "ok":
                failed.append(name)
        print(f"{name:32s} {value:.4f}  {status}")
        if args.update:
            if pinned and round(value, 4) < pinned["floor"] and pinned["data_sha1"] == digest and not args.allow_regression:
                print(f"  not lowering the floor of {name} without --allow-regression", file=sys.stderr)
                continue
            floors[name] = {"floor": round(value, 4), "data_sha1": digest}
    if args.update:
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if failed:
        print(f"gate: {len(failed)} regression(s): {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
