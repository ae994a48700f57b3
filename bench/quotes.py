"""Quote attribution quality and speed on PolNeAR (../shared/data/quotes).

Runs mentions + quotes on every document of a split, writes predictions in the scorer's
format and prints attribution P/R/F1 from ``score_quotes.py`` for all attributions,
speech-verb ones (``--speech-only``) and direct quotes (``--kinds direct``), each with and
without ``--merge-fragments``; then docs/s for the spaCy pass alone and for quote + actor
extraction on top of it. Usage: ``python bench/quotes.py [--split dev|train] [--limit N]
[--range START:END] [--cache DIR]``.
Develop on train; report on dev. ``--cache DIR`` keeps the parsed Docs (a spaCy DocBin per
set of texts) so that a rule change re-runs only mentions + quotes; the speed line then
times loading the cache, not spaCy.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import data_dir, parse_cached, timer

from newstrail.actors import extract_mentions
from newstrail.adapters import article_from_text
from newstrail.quotes import ATTITUDE_CONFIDENCE, extract_quotes

SETTINGS = [  # (label, score() keyword arguments)
    ("all", {}),
    ("all --merge-fragments", {"merge": True}),
    ("--speech-only", {"speech_only": True}),
    ("--speech-only --merge-fragments", {"speech_only": True, "merge": True}),
    ("--kinds direct", {"kinds": {"direct"}}),
    ("--kinds direct --merge-fragments", {"kinds": {"direct"}, "merge": True}),
]


def load_docs(path: Path, limit: int | None, doc_range: tuple[int, int] | None = None) -> list[dict]:
    """The split's documents: the first ``limit``, or those numbered ``start:end`` (tune on
    train 0:500, check on train 500:840 without reading its errors)."""
    with path.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    if doc_range:
        docs = docs[doc_range[0] : doc_range[1]]
    return docs[:limit] if limit else docs


def parse_range(text: str) -> tuple[int, int]:
    """``"500:840"`` -> (500, 840); an empty end means to the last document."""
    start, _, end = text.partition(":")
    return int(start or 0), int(end) if end else 10**9


def to_scorer(quotes: list) -> list[dict]:
    """Quotes in the scorer's format; parts of one utterance become one prediction.

    “A,” he said, “B.” gives two Quote records that share a cue (each span stays exact for
    highlighting); PolNeAR annotates them as one attribution with two fragments, and the
    scorer accepts ``content_fragments``, so parts sharing a cue are sent together.
    """
    grouped: dict[tuple, list] = {}
    for q in quotes:
        key = (q.cue.start, q.cue.end, q.speaker_key) if q.cue else ("solo", q.content.start)
        grouped.setdefault(key, []).append(q)
    out = []
    for parts in grouped.values():
        first = parts[0]
        record = {"speaker": first.speaker_key or first.speaker_text,
                  "speaker_span": first.speaker.as_pair() if first.speaker else None,
                  "kind": first.kind,
                  # our own cue class: attitude cues ("called", "backed") are not speech
                  "cue_speech": first.confidence > ATTITUDE_CONFIDENCE}
        if len(parts) == 1:
            record["content_span"] = first.content.as_pair()
        else:
            record["content_fragments"] = sorted(q.content.as_pair() for q in parts)
        out.append(record)
    return out


def predict(docs: list[dict], cache: Path | None = None, label: str = "docs") -> tuple[list[dict], float, float]:
    """Predictions in the scorer's format, spaCy (or cache) seconds, extraction seconds."""
    texts = [d["text"] for d in docs]
    with timer() as t_parse:
        parsed = parse_cached(texts, cache, label)
    preds: list[dict] = []
    with timer() as t_extract:
        for d, doc in zip(docs, parsed):
            article = article_from_text(d["text"])
            mentions = extract_mentions(doc, article)
            quotes = extract_quotes(doc, article, mentions)
            preds.append({"doc_id": d["doc_id"], "quotes": to_scorer(quotes)})
    return preds, t_parse["seconds"], t_extract["seconds"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, help="first N documents only")
    ap.add_argument("--range", type=parse_range, metavar="START:END",
                    help="documents START to END-1 only, e.g. 0:500 (tune) or 500:840 (held out)")
    ap.add_argument("--save", help="also write predictions JSONL here")
    ap.add_argument("--cache", type=Path, metavar="DIR",
                    help="keep parsed Docs here and reuse them while the texts and model are unchanged")
    args = ap.parse_args()
    folder = data_dir("quotes")
    import score_quotes  # noqa: E402  (on sys.path through data_dir)

    gold_path = folder / f"polnear_{args.split}.jsonl"
    docs = load_docs(gold_path, args.limit, args.range)
    span = f"{args.range[0]}-{args.range[1]}" if args.range else "all"
    label = f"{args.split}-{span}-{args.limit or 'all'}"
    preds, t_parse, t_extract = predict(docs, args.cache, label)
    if args.save:
        Path(args.save).write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    n_gold = sum(len(d["quotes"]) for d in docs)
    subset = f" (docs {args.range[0]}:{args.range[0] + len(docs)})" if args.range else ""
    print(f"PolNeAR {args.split}{subset}: {len(docs)} docs, {n_gold} gold attributions ({gold_path})")
    print(f"{'setting':36s} {'gold':>5s} {'pred':>5s}  attribution strict P/R/F1   lenient F1  content F1")
    for label, kw in SETTINGS:
        r = score_quotes.score(docs, preds, **kw)
        a, l, c = r["attribution_strict"], r["attribution_lenient"], r["content"]
        print(f"{label:36s} {r['n_gold']:5d} {r['n_pred']:5d}  {a['P']:.3f} / {a['R']:.3f} / {a['F1']:.3f}"
              f"      {l['F1']:.3f}      {c['F1']:.3f}")
    n = len(docs)
    if args.cache:
        print("(speed: the spaCy figures time the parse cache, not spaCy)")
    print(f"speed: spaCy pass {n / t_parse:.1f} docs/s ({t_parse:.1f} s); "
          f"quotes+actors {n / t_extract:.1f} docs/s ({t_extract:.1f} s) = "
          f"{100 * t_extract / t_parse:.1f}% on top of the spaCy pass")


if __name__ == "__main__":
    main()
