"""PLOVER event typing on the ZSP PLOVER sentences (../shared/data/events): accuracy, macro-F1.

Gold YIELD (CONCEDE or RETREAT, the set does not say which) counts as right for either; per-type
scores merge the two into YIELD. Sentences are split in two halves by a hash of their id: the
lexicon's constants were looked at on the "tune" half only, so the "held-out" half is the honest
number. Usage: python bench/events.py [--limit N] [--errors]
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter

from common import data_dir, prf, timer


def load() -> list[tuple[str, str, set[str]]]:
    """(id, sentence, gold types) for every sentence of the set."""
    data_dir("events")
    import load_events

    rows = []
    for ex in load_events.iter_examples("zsp_plv_train"):
        gold: set[str] = set()
        for ev in ex["events"]:
            gold |= {ev["event"]} if ev["event"] else {"CONCEDE", "RETREAT"}
        rows.append((ex["id"], ex["text"], gold))
    return rows


def half(id_: str) -> str:
    return "tune" if int(hashlib.sha1(id_.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def merged(t: str) -> str:
    return "YIELD" if t in ("CONCEDE", "RETREAT") else t


def report(name: str, rows: list[tuple[str, str, set[str]]], preds: list[list[str]]) -> None:
    correct = sum(p[0] in g for (_, _, g), p in zip(rows, preds))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for (_, _, g), p in zip(rows, preds):
        pred = merged(p[0])
        golds = {merged(x) for x in g}
        if pred in golds:
            tp[pred] += 1
        else:
            fp[pred] += 1
            for x in golds:
                fn[x] += 1
    types = sorted(set(tp) | set(fn))
    f1s = {t: prf(tp[t], fp[t], fn[t])[2] for t in types}
    print(f"{name:9s} n={len(rows):5d} accuracy={correct / len(rows):.3f} macro-F1={sum(f1s.values()) / len(f1s):.3f}")
    return f1s


def fitted_reference(rows: list[tuple[str, str, set[str]]]) -> float:
    """Cross-validated accuracy of a supervised bag-of-words model, for scale; never saved."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    texts = [r[1] for r in rows]
    labels = [merged(sorted(r[2])[0]) for r in rows]
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
                          LogisticRegression(max_iter=2000, C=10))
    pred = cross_val_predict(model, texts, labels, cv=StratifiedKFold(5, shuffle=True, random_state=0))
    return sum(p == g for p, g in zip(pred, labels)) / len(labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N sentences")
    parser.add_argument("--errors", action="store_true", help="print confusion counts (gold -> predicted)")
    parser.add_argument("--fit-reference", action="store_true",
                        help="also print a 5-fold cross-validated TF-IDF + logistic regression accuracy "
                             "(a reference only: the data set's licence forbids shipping a model fitted on it)")
    args = parser.parse_args()
    from newstrail.events import event_types_many

    rows = load()
    if args.limit:
        rows = rows[: args.limit]
    with timer() as t:
        preds = event_types_many([r[1] for r in rows])
    print(f"dataset: zsp_plv_train (PLOVER sentences), {len(rows)} sentences, {t['seconds']:.1f}s")
    f1s = report("all", rows, preds)
    for part in ("tune", "held-out"):
        idx = [i for i, r in enumerate(rows) if half(r[0]) == part]
        report(part, [rows[i] for i in idx], [preds[i] for i in idx])
    print("F1 by type (all): " + " ".join(f"{t}={f:.2f}" for t, f in sorted(f1s.items())))
    if args.fit_reference:
        print(f"reference (not shipped): TF-IDF + logistic regression, 5-fold CV accuracy={fitted_reference(rows):.3f}")
    if args.errors:
        conf = Counter((merged(sorted(g)[0]), merged(p[0])) for (_, _, g), p in zip(rows, preds) if p[0] not in g)
        for (g, p), n in conf.most_common(25):
            print(f"  {g:10s} -> {p:10s} {n}")


if __name__ == "__main__":
    main()
