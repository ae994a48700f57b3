"""PLOVER event typing on the ZSP PLOVER sentences (../shared/data/events): accuracy, macro-F1.

Gold YIELD (CONCEDE or RETREAT, the set does not say which) counts as right for either; per-type
scores merge the two into YIELD. Sentences are split in two halves by a hash of their id: the
lexicon's constants were looked at on the "tune" half only, so the "held-out" half is the honest
number. Usage: python bench/events.py [--limit N] [--errors] [--cache DIR]
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter

from common import data_dir, parse_cached, prf, timer


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
    top2 = sum(bool(set(p[:2]) & g) for (_, _, g), p in zip(rows, preds))  # how often a second reading would fix it
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
    print(f"{name:9s} n={len(rows):5d} accuracy={correct / len(rows):.3f} macro-F1={sum(f1s.values()) / len(f1s):.3f} "
          f"top-2={top2 / len(rows):.3f}")
    return f1s


def accuracy_by_type(rows: list[tuple[str, str, set[str]]], preds: list[list[str]]) -> dict[str, tuple[int, int]]:
    """Gold type (YIELD merged) -> (sentences typed right, sentences of that type)."""
    out: dict[str, list[int]] = {}
    for (_, _, g), p in zip(rows, preds):
        for t in {merged(x) for x in g}:
            cell = out.setdefault(t, [0, 0])
            cell[0] += merged(p[0]) == t
            cell[1] += 1
    return {t: (right, n) for t, (right, n) in sorted(out.items())}


def confusion_summary(rows: list[tuple[str, str, set[str]]], preds: list[list[str]], top: int = 12) -> str:
    """The most frequent (gold -> predicted) confusions, one per line."""
    conf = Counter((merged(sorted(g)[0]), merged(p[0])) for (_, _, g), p in zip(rows, preds) if p[0] not in g)
    return "\n".join(f"  {g:10s} -> {p:10s} {n}" for (g, p), n in conf.most_common(top))


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
    parser.add_argument("--errors", action="store_true",
                        help="print confusion counts (gold -> predicted) on the tune half only")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help="also print up to N mis-typed tune-half sentences (to the terminal only)")
    parser.add_argument("--embeddings", action="store_true",
                        help="type with the optional sentence-embedding similarity ([embeddings] extra)")
    parser.add_argument("--cache", metavar="DIR", default=None,
                        help="keep the parsed sentences in DIR (a spaCy DocBin) and reuse them on later runs")
    parser.add_argument("--fit-reference", action="store_true",
                        help="also print a 5-fold cross-validated TF-IDF + logistic regression accuracy "
                             "(a reference only: the data set's licence forbids shipping a model fitted on it)")
    args = parser.parse_args()
    from newstrail.events import types_of_docs
    rows = load()
    if args.limit:
        rows = rows[: args.limit]
    texts = [r[1] for r in rows]
    with timer() as parsing:
        docs = parse_cached(texts, args.cache, "events")
    with timer() as t:  # typing apart from the parse: the share events add to an article's time
        preds = types_of_docs(docs, texts, embeddings=args.embeddings)
    print(f"dataset: zsp_plv_train (PLOVER sentences), {len(rows)} sentences, parse {parsing['seconds']:.1f}s, "
          f"typing {t['seconds']:.1f}s ({len(rows) / max(t['seconds'], 1e-9):.0f} sentences/s)")
    f1s = report("all", rows, preds)
    by_half = {}
    for part in ("tune", "held-out"):
        idx = [i for i, r in enumerate(rows) if half(r[0]) == part]
        by_half[part] = report(part, [rows[i] for i in idx], [preds[i] for i in idx])
    for name, table in (("all", f1s), *by_half.items()):
        print(f"F1 by type ({name}): " + " ".join(f"{t}={f:.2f}" for t, f in sorted(table.items())))
    for part in ("tune", "held-out"):
        idx = [i for i, r in enumerate(rows) if half(r[0]) == part]
        table = accuracy_by_type([rows[i] for i in idx], [preds[i] for i in idx])
        print(f"accuracy by type ({part}): " + " ".join(f"{t}={r / n:.2f}({n})" for t, (r, n) in table.items()))
    tune = [i for i, r in enumerate(rows) if half(r[0]) == "tune"]
    # the confusions of the tune half only: the held-out half is reported, never read for errors
    print("most frequent confusions, tune half (gold -> predicted):")
    print(confusion_summary([rows[i] for i in tune], [preds[i] for i in tune], top=8))
    if args.fit_reference:
        print(f"reference (not shipped): TF-IDF + logistic regression, 5-fold CV accuracy={fitted_reference(rows):.3f}")
    if args.errors or args.show_errors:
        # only the tune half: the held-out half is never read while writing the lexicon
        wrong = [(r, p) for r, p in zip(rows, preds) if half(r[0]) == "tune" and p[0] not in r[2]]
        conf = Counter((merged(sorted(g)[0]), merged(p[0])) for (_, _, g), p in wrong)
        print(f"tune-half errors: {len(wrong)} (gold -> predicted)")
        for (g, p), n in conf.most_common(25):
            print(f"  {g:10s} -> {p:10s} {n}")
        for (_, text, g), p in wrong[: args.show_errors]:
            print(f"  [{'/'.join(sorted(merged(x) for x in g))} -> {p[0]} ({p[1]})] {text}")


if __name__ == "__main__":
    main()
