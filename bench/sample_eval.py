"""The whole pipeline scored on the bundled sample corpus, text nobody tuned the rules on.

    python bench/sample_eval.py [--db FILE]

The sample corpus (newstrail/sample/) was written with its own answer key (answers.json:
quotes, people and their variants, dates, stories, timeline, positions) by someone who did
not write the extraction rules. This prints, per component, how much of the key the pipeline
finds (recall) and, where the key is complete, how precise it is.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

from common import prf

from newstrail import api


def _name(source: str) -> str:
    return Path(source).name


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def score_quotes(store, key: dict) -> None:
    actors = api.list_actors(store)
    names_of = {e["canonical"]: {a["name"] for a in actors if set(e["variants"]) & set(a["variants"])} for e in key["entities"]}
    quotes = api.list_quotes(store)
    found = speaker_right = 0
    for g in key["quotes"]:
        hits = [q for q in quotes if _name(q["source"]) == g["file"] and _squash(g["contains"]) in _squash(q["content"])]
        found += bool(hits)
        speaker_right += any(q["speaker"] in names_of.get(g["speaker"], {g["speaker"]}) for q in hits)
    n = len(key["quotes"])
    print(f"quotes: {n} in the key; content found {found / n:.3f}; with the right canonical speaker {speaker_right / n:.3f}"
          f" ({len(quotes)} quotes extracted in all)")


def score_actors(store, key: dict) -> None:
    actors = api.list_actors(store)
    joined = 0
    people = [e for e in key["entities"] if e.get("kind", "person") == "person"]
    for entity in people:
        holders = {a["id"] for a in actors for v in entity["variants"] if v in a["variants"]}
        joined += len(holders) == 1
    print(f"actors: {joined}/{len(people)} people with all their name variants joined into one actor")
    # an affiliation is right when it is the key's entity or one of that entity's variants
    variants = {e["canonical"]: {_squash(v) for v in [e["canonical"], *e["variants"]]} for e in key["entities"]}
    right = given = 0
    for entity in people:
        found = {a.get("affiliation") for a in actors if set(entity["variants"]) & set(a["variants"])} - {None}
        want = variants.get(entity.get("affiliation"), {_squash(entity.get("affiliation") or "")})
        given += bool(found)
        right += any(_squash(f) in want for f in found)
    print(f"affiliations: {right}/{len(people)} people with the key's affiliation ({given} with one at all)")


# words the key's expression may carry or leave out: "on Wednesday" is "Wednesday evening"'s day
FRAME_WORDS = frozenset("on in at the".split())


def _same_expression(key_text: str, found_text: str) -> bool:
    """The found expression holds the key's words, bar a preposition or article."""
    want = set(key_text.casefold().split()) - FRAME_WORDS
    return bool(want) and want <= set(found_text.casefold().split())


def _refines(value: str, key_value: str) -> bool:
    """The key's value, or a time of day on its date ("6 a.m. yesterday", "Wednesday evening")."""
    return value == key_value or value.startswith(key_value + "T")


def score_dates(store, key: dict) -> None:
    ids = {_name(a["source"]): a["id"] for a in api.list_articles(store, with_body=False)}
    right = 0
    for g in key["dates"]:
        values = api.list_dates(store, ids[g["article"]]) if g["article"] in ids else []
        right += any(_same_expression(g["text"], d["text"]) and _refines(d["value"], g["value"]) for d in values)
    print(f"dates: {right}/{len(key['dates'])} time expressions resolved to the key's value (or a time of day on its date)")


def score_stories(store, key: dict) -> None:
    gold = {src: story for story, sources in key["stories"].items() for src in sources}
    pred = {_name(a["source"]): a["story"] for a in api.list_articles(store, with_body=False)}
    items = [s for s in gold if s in pred]
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_gold, same_pred = gold[a] == gold[b], pred[a] == pred[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p, r, f = prf(tp, fp, fn)
    print(f"stories: {len(set(pred[i] for i in items))} found for {len(set(gold.values()))} in the key; pairwise P {p:.3f} R {r:.3f} F1 {f:.3f}")


def score_timeline(store, key: dict) -> None:
    entries = api.list_timeline(store)
    hits = 0
    for g in key["timeline"]:
        ok = [e for e in entries if e["date"] == g["date"] and set(g["sources"]) & {_name(s) for s in e["sources"]}]
        hits += bool(ok)
    dates = Counter(e["date"] for e in entries)
    print(f"timeline: {hits}/{len(key['timeline'])} key happenings have an entry on their date from one of their sources"
          f" ({len(entries)} entries on {len(dates)} dates in all)")


def score_positions(store, key: dict) -> None:
    positions = api.list_positions(store)
    hits = 0
    covered = wanted = 0
    for g in key["positions"]:
        ok = [p for p in positions if p["stance"] == g["stance"] and g["actor"].casefold() in p["actor"].casefold()
              and any(k.casefold() in p["statement"].casefold() for k in g.get("keywords", []))]
        hits += bool(ok)
        # merging across outlets: the key's sources that the best single position found lists
        gold_sources = set(g["sources"])
        wanted += len(gold_sources)
        covered += max((len(gold_sources & {_name(s) for s in p["sources"]}) for p in ok), default=0)
    print(f"positions: {hits}/{len(key['positions'])} key positions found with actor, stance and a key word ({len(positions)} in all);"
          f" {covered}/{wanted} of their sources in one position each")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="an existing store of the sample corpus (default: build a new one)")
    args = parser.parse_args()
    key = json.loads((api.sample_corpus_path() / "answers.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "sample.db")
        if not args.db:
            start = time.perf_counter()
            report = api.build([api.sample_corpus_path()], db, workers=1)
            print(f"built {report.articles} articles in {time.perf_counter() - start:.1f} s ({len(report.problems)} problems)")
        with api.open_store(db, readonly=True) as store:
            for scorer in (score_quotes, score_actors, score_dates, score_stories, score_timeline, score_positions):
                scorer(store, key)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
