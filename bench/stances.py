"""Stance classification scored against PLOVER event types (../shared/data/events), as a proxy.

No public data set annotates the stances newstrail reports (demand, reject, deny, threaten,
commit, assess), but the ZSP PLOVER sentences carry event types three of which are stances
said out loud: REQUEST is a demand, REJECT a rejection, THREATEN a threat. This bench runs
``events.classify_stance`` on every sentence's parse, with the sentence's events as the
pipeline adds them (``events.sentence_stance``; ``--no-events`` leaves them out), and scores
those three: precision is the share of sentences given the stance whose gold type is its
type, recall the share of sentences of the type given the stance. Both are proxies: a
sentence typed ACCUSE may also make a demand, and one typed REQUEST may report a demand
without stating it (which this scores as a miss). The other stances have no counterpart
type; the bench prints which gold types they fall on. The event typing's rules were written
on the tune half too, so the held-out half is the honest number.
Halves as in bench/events.py: errors are printed for the tune half only.

Usage: python bench/stances.py [--cache DIR] [--no-events] [--errors N]
"""

from __future__ import annotations

import argparse
from collections import Counter

from common import parse_cached, prf
from events import half, load, merged

# PLOVER type -> the stance a sentence of that type states.
STANCE_OF_TYPE = {"REQUEST": "demand", "REJECT": "reject", "THREATEN": "threaten"}


def gold_stance(types: set[str]) -> str | None:
    """The stance a sentence's gold types state, if one of them is a stance type."""
    found = {STANCE_OF_TYPE[t] for t in types if t in STANCE_OF_TYPE}
    return found.pop() if len(found) == 1 else None


def score(rows: list[tuple[str, str, set[str]]], preds: list[str | None], name: str) -> None:
    """Print P/R/F1 of each scored stance, and where the unscored stances fall."""
    cells = []
    for stance in sorted(set(STANCE_OF_TYPE.values())):
        tp = sum(p == stance and gold_stance(g) == stance for (_, _, g), p in zip(rows, preds))
        fp = sum(p == stance and gold_stance(g) != stance for (_, _, g), p in zip(rows, preds))
        fn = sum(p != stance and gold_stance(g) == stance for (_, _, g), p in zip(rows, preds))
        precision, recall, f1 = prf(tp, fp, fn)
        cells.append(f"{stance} P={precision:.3f} R={recall:.3f} F1={f1:.3f} ({tp + fn})")
    print(f"{name:9s} n={len(rows):4d} " + "  ".join(cells))
    for stance in ("deny", "commit", "assess"):
        falls = Counter(merged(sorted(g)[0]) for (_, _, g), p in zip(rows, preds) if p == stance)
        print(f"          {stance} on: " + " ".join(f"{t}={n}" for t, n in falls.most_common(6)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", metavar="DIR", default=None, help="parsed sentences, shared with bench/events.py")
    parser.add_argument("--no-events", dest="events", action="store_false",
                        help="the stance cues alone, without the event typing's threats")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print up to N tune-half sentences whose stance disagrees with a stance type")
    args = parser.parse_args()
    from newstrail.adapters import article_from_text
    from newstrail.events import classify_stance, extract_events, sentence_stance

    rows = load()
    texts = [r[1] for r in rows]
    docs = parse_cached(texts, args.cache, "events")
    preds = []
    for text, doc in zip(texts, docs):
        # as the pipeline does: the cues, and the sentence's events (a threat the typing reads)
        events = extract_events(doc, article_from_text(text), [], []) if args.events else []
        found = sentence_stance(classify_stance(text, list(doc)), events)
        preds.append(found[0] if found else None)
    print(f"dataset: zsp_plv_train (PLOVER sentences), {len(rows)} sentences; stance types "
          + ", ".join(f"{t}->{s}" for t, s in STANCE_OF_TYPE.items()))
    score(rows, preds, "all")
    for part in ("tune", "held-out"):
        idx = [i for i, r in enumerate(rows) if half(r[0]) == part]
        score([rows[i] for i in idx], [preds[i] for i in idx], part)
    shown = 0
    for (id_, text, g), p in zip(rows, preds):
        if shown >= args.errors or half(id_) != "tune":
            continue
        expected = gold_stance(g)
        scored = expected is not None or p in STANCE_OF_TYPE.values()
        if scored and p != expected:
            print(f"  [{'/'.join(sorted(g))} -> {p}] {text}")
            shown += 1


if __name__ == "__main__":
    main()
