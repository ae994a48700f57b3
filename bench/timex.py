"""Time expressions on TempEval-3 (TimeBank + AQUAINT): recognition, values, speed.

Runs the shared scorer (``../shared/data/timex/score_timex.py``) on newstrail's
``time_expressions`` (the adapter's function; with ``--parse``, read with the spaCy parse, as
the pipeline does) and prints strict/relaxed P/R/F1, value F1 and type F1
on all documents and on two halves: the development half (documents whose id hashes even —
the rules were looked at against errors there only) and the held-out half (never inspected).

    python bench/timex.py            # all, dev, held-out
    python bench/timex.py --errors   # also a sample of value errors on the dev half
    python bench/timex.py --all-errors  # every dev-half error: missed, spurious, wrong value
    python bench/timex.py --loss     # where value F1 is lost: recognition or values (counts only)
    python bench/timex.py --parse --cache DIR  # the pipeline's path: with the parse (kept in DIR)
"""

from __future__ import annotations

import argparse
import hashlib
import sys

from common import data_dir, parse_cached, timer

SPLIT = "tbaq"
RUNS = 3


def is_dev(doc_id: str) -> bool:
    """Stable half split by document id (sha1 parity), so dev and held-out never mix."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0


def line(name: str, n_docs: int, res: dict) -> str:
    s, r = res["strict"], res["relaxed"]
    return (f"{name:9s} docs={n_docs:3d} gold={res['n_gold']:4d} pred={res['n_pred']:4d} | "
            f"strict P/R/F1 {s['p']:.3f}/{s['r']:.3f}/{s['f1']:.3f} | "
            f"relaxed P/R/F1 {r['p']:.3f}/{r['r']:.3f}/{r['f1']:.3f} | "
            f"value F1 {res['value_f1']:.3f} (acc {res['value_acc']:.3f}) | type F1 {res['type_f1']:.3f}")


def compare_with_spacy(docs: list[dict]) -> None:
    """Timex's share of a pipeline dominated by one spaCy pass (same documents, with the parse)."""
    from newstrail.nlp import load_nlp
    from newstrail.timex import time_expressions

    nlp = load_nlp()
    nlp("warm up")
    with timer() as t_nlp:
        parsed = [nlp(d["text"]) for d in docs]
    with timer() as t_tx:
        for d, doc in zip(docs, parsed):
            time_expressions(d["text"], d["dct"], doc)
    share = t_tx["seconds"] / (t_tx["seconds"] + t_nlp["seconds"])
    print(f"spaCy pass on {len(docs)} docs: {t_nlp['seconds']:.2f} s; timex with the parse: "
          f"{t_tx['seconds']:.3f} s = {share:.1%} of the two")


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width): start].replace("\n", " ")
    right = text[end: end + width // 2].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def print_all_errors(docs: list[dict]) -> None:
    """Every error on the given (dev) documents, by kind, with the rule's own account ("how").

    Why: value F1 counts a missed or spurious expression as much as a wrong value, so the
    error list has to show all three to be broken down into categories.
    """
    import score_timex
    from newstrail.timex import resolve_all

    missed, spurious, wrong = [], [], []
    for d in docs:
        text = d["text"]
        pred = [{"start": s, "end": e, "value": v, "type": t, "how": h}
                for s, e, v, t, h in resolve_all(text, d["dct"])]
        pairs = score_timex._match(d["timexes"], pred)
        hit_g, hit_p = {g for g, _, _ in pairs}, {p for _, p, _ in pairs}
        for i, g in enumerate(d["timexes"]):
            if i not in hit_g:
                missed.append(f"{d['doc_id']} {d['dct'][:10]} | {g['value']} {g['type']} | "
                              f"{_context(text, g['start'], g['end'])}")
        for i, p in enumerate(pred):
            if i not in hit_p:
                spurious.append(f"{d['doc_id']} {d['dct'][:10]} | {p['value']} {p['type']} | {p['how']} | "
                                f"{_context(text, p['start'], p['end'])}")
        for gi, pi, _ in pairs:
            g, p = d["timexes"][gi], pred[pi]
            if (g["value"] or "").strip().upper() != (p["value"] or "").upper():
                wrong.append(f"{d['doc_id']} {d['dct'][:10]} | gold {g['value']} pred {p['value']} | {p['how']} | "
                             f"{_context(text, g['start'], g['end'])}")
    for name, rows in (("missed", missed), ("spurious", spurious), ("wrong value", wrong)):
        print(f"== {name}: {len(rows)}")
        for row in rows:
            print("  ", row)


def loss_line(name: str, part: list[dict], preds: dict[str, list[dict]]) -> str:
    """Value F1 lost to recognition (missed, spurious) and to wrong values, as counts only.

    Why: value F1 = 2 * right values / (gold + predicted), so it is capped by relaxed F1 (what
    perfect values would give); the rest of the gap is wrong values. Counting the two apart says
    which kind of fix can pay. Counts only, so it may be printed for the held-out half too.
    """
    import score_timex

    missed = spurious = wrong = right = 0
    for d in part:
        gold, pred = d["timexes"], preds.get(d["doc_id"], [])
        pairs = score_timex._match(gold, pred)
        missed += len(gold) - len(pairs)
        spurious += len(pred) - len(pairs)
        for gi, pi, _ in pairs:
            same = (gold[gi]["value"] or "").strip().upper() == (pred[pi]["value"] or "").upper()
            right, wrong = right + same, wrong + (not same)
    total = sum(len(d["timexes"]) for d in part) + sum(len(preds.get(d["doc_id"], [])) for d in part)
    matched = right + wrong
    return (f"{name:9s} missed {missed:3d}, spurious {spurious:3d}, wrong value {wrong:3d} of {matched} matched | "
            f"value F1 {2 * right / total:.3f}; with every value right {2 * matched / total:.3f}; "
            f"with perfect recognition and these values {right / matched:.3f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="print value errors of the dev half")
    ap.add_argument("--all-errors", action="store_true",
                    help="print every error of the dev half (missed, spurious, wrong value)")
    ap.add_argument("--loss", action="store_true",
                    help="split the value F1 loss into recognition and wrong values (counts, both halves)")
    ap.add_argument("--spacy", type=int, default=0, metavar="N",
                    help="also time the spaCy pass on N documents and timex with that parse")
    ap.add_argument("--parse", action="store_true",
                    help="score the path the pipeline takes: each document parsed by spaCy, tense read from the "
                         "governing verb (the default scores the regex path, which needs no parse)")
    ap.add_argument("--cache", metavar="DIR", help="with --parse: keep the parses in DIR (a spaCy DocBin)")
    args = ap.parse_args(argv)
    data_dir("timex")
    import score_timex

    from newstrail.timex import time_expressions

    docs = list(score_timex.load_split(SPLIT))
    parses = parse_cached([d["text"] for d in docs], args.cache, "timex") if args.parse else [None] * len(docs)
    preds: dict[str, list[dict]] = {}
    seconds = []
    for _ in range(RUNS):  # best of a few runs: the CPU is shared, the minimum is the fair figure
        with timer() as t:
            for d, doc in zip(docs, parses):
                preds[d["doc_id"]] = [{"start": s, "end": e, "value": v, "type": ty}
                                      for s, e, v, ty in time_expressions(d["text"], d["dct"], doc)]
        seconds.append(t["seconds"])
    best = min(seconds)
    n_expr = sum(len(p) for p in preds.values())
    n_sent = sum(d["text"].count(". ") + 1 for d in docs)
    print(f"TempEval-3 {SPLIT} (TimeBank 1.2 + AQUAINT), {len(docs)} docs, "
          f"{sum(len(d['timexes']) for d in docs)} gold expressions; reference: HeidelTime value F1 "
          f"0.776 on the TE3 test set")
    halves = {"all": docs, "dev": [d for d in docs if is_dev(d["doc_id"])],
              "held-out": [d for d in docs if not is_dev(d["doc_id"])]}
    for name, part in halves.items():
        print(line(name, len(part), score_timex.score(part, preds)))
        dates = score_timex.score(part, preds, only_type="DATE")
        print(f"{'':9s} DATE only: relaxed F1 {dates['relaxed']['f1']:.3f}, value F1 {dates['value_f1']:.3f}")
    print(f"speed: {n_expr / best:,.0f} expressions/s, {n_sent / best:,.0f} sentences/s, "
          f"{len(docs) / best:,.0f} docs/s ({best:.2f} s best of {RUNS}, "
          f"{'with the parse, not counting parsing' if args.parse else 'regex path without a parse'})")
    if args.loss:
        for name, part in halves.items():
            print(loss_line(name, part, preds))
    if args.spacy:
        compare_with_spacy(docs[: args.spacy])
    if args.all_errors:
        print_all_errors(halves["dev"])
    if args.errors:
        res = score_timex.score(halves["dev"], preds)
        for e in res["sample_value_errors"]:
            print("  ", e)


if __name__ == "__main__":
    sys.exit(main())
