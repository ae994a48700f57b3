"""Timeline summarisation on T17 (../shared/data/tls) scored with its score_tls.py: date F1.

The timeline length per topic is the reference timelines' mean number of dates (the usual
T17 protocol, as in news-tls); one summary sentence per date by default. No spaCy: dates come
from the timex rules and event sentences from the surface lexicon, so the whole run takes about
ten seconds on one core. The "egypt"/"haiti" and "finan"/"h1n1" means are printed apart so a
future sweep of the constants has a held-out half. Usage: python bench/tls.py [--topics a,b] [--out DIR]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import data_dir, timer

TUNE_TOPICS = ("egypt", "haiti")


def write_tilse(path: Path, timeline: list[tuple[str, list[str]]]) -> None:
    """One timeline in tilse text format (what score_tls.py reads)."""
    blocks = [f"{d}\n{sentences!r}" for d, sentences in timeline]
    path.write_text("\n--------------------------------\n".join(blocks) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--topics", default="", help="comma-separated topics (default: all with articles)")
    parser.add_argument("--per-date", type=int, default=1, help="summary sentences per date")
    parser.add_argument("--out", default="", help="keep the predicted timelines in this folder")
    args = parser.parse_args()
    data_dir("tls")
    import score_tls

    from newstrail.timeline import summarise_timeline

    topics = [t for t in (args.topics.split(",") if args.topics else score_tls.topics()) if score_tls.load_articles(t)]
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="tls-"))
    out.mkdir(parents=True, exist_ok=True)
    preds = {}
    n_articles = 0
    with timer() as t:
        for topic in topics:
            articles = [{"text": text, "published": d.isoformat()} for d, text in score_tls.load_articles(topic)]
            n_articles += len(articles)
            refs = score_tls.load_gold_timelines(topic)
            length = round(sum(len(r) for r in refs) / len(refs))
            timeline = summarise_timeline(articles, length, per_date=args.per_date)
            write_tilse(out / f"{topic}.txt", timeline)
            preds[topic] = {score_tls.dt.date.fromisoformat(d): s for d, s in timeline}
    rows, mean = score_tls.evaluate(preds)
    print(f"dataset: T17 ({len(topics)} topics, {n_articles} articles, {len(rows)} reference timelines), {t['seconds']:.1f}s")
    for r in rows:
        print(f"  {r['topic']:6s} " + " ".join(f"{k}={r[k]:.3f}" for k in r if k != "topic"))
    print("MEAN " + " ".join(f"{k}={v:.4f}" for k, v in mean.items()))
    for name, keep in (("tuning (egypt, haiti)", True), ("held-out (finan, h1n1)", False)):
        sel = [r for r in rows if (r["topic"] in TUNE_TOPICS) == keep]
        if sel:
            print(f"  {name}: date_f1={sum(r['date_f1'] for r in sel) / len(sel):.4f} over {len(sel)} timelines")
    print(f"predictions in {out} (score again: python3 {data_dir('tls')}/score_tls.py score {out})")


if __name__ == "__main__":
    main()
