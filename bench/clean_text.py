"""Text-only cleaning (``keep_lines``) on textclean/derived_zyte with the data set's own scorer.

Prints document-level 4-shingle P/R/F1 (the scorer's headline number), line-level P/R/F1
and pages/s, on the whole set and on its two halves: thresholds in
``newstrail.clean.boilerplate`` were tuned on half A only, so half B is the held-out figure.
The halves are fixed by a hash of each page id (not by position, so no site clusters).

    python bench/clean_text.py [--cleaner c4] [--data derived_zyte]
    python bench/clean_text.py --sample      # metadata on the bundled sample corpus

``--sample`` cleans every article of newstrail/sample/ (nothing was tuned on it) and
compares publication date and outlet with answers.json, printing each miss.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time

from common import REPO, data_dir


def half_of(doc_id: str) -> str:
    """"A" (tuning) or "B" (held out), fixed by the page id."""
    return "A" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def _outlet_matches(found: str | None, want: str) -> bool:
    """Outlets compared case-blind and without a leading "The" ("Dravik Herald" = "The Dravik Herald")."""
    def norm(name: str) -> str:
        return " ".join(name.casefold().removeprefix("the ").split())
    return found is not None and norm(found) == norm(want)


def sample_metadata() -> None:
    """Publication dates and outlets found by the cleaning stage on newstrail/sample/, against answers.json."""
    import json
    from pathlib import Path

    from newstrail.clean import clean_article
    from newstrail.errors import InputError
    from newstrail.ingest import read_paths

    folder = REPO / "newstrail" / "sample"
    key = json.loads((folder / "answers.json").read_text())["documents"]
    dates = outlets = n = 0
    for raw in read_paths([folder]):
        if isinstance(raw, InputError):
            print(f"  input error: {raw}")
            continue
        name = Path(raw.source).name
        if name not in key:
            continue
        want = key[name]
        article = clean_article(raw)
        n += 1
        date_ok = (article.published, article.published_how) == (want["published"], want["published_how"])
        outlet_ok = _outlet_matches(article.outlet, want["outlet"])
        dates += date_ok
        outlets += outlet_ok
        if not (date_ok and outlet_ok):
            print(f"  {name:30s} date {article.published} ({article.published_how}) want {want['published']}"
                  f"{'' if date_ok else '  <-'} | outlet {article.outlet!r} want {want['outlet']!r}"
                  f"{'' if outlet_ok else '  <-'}")
    print(f"sample corpus: {n} articles; publication date (and how it was found) right {dates}/{n}; "
          f"outlet right {outlets}/{n}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="check dates and outlets on the sample corpus instead")
    parser.add_argument("--data", default="derived_zyte")
    parser.add_argument("--cleaner", default="newstrail.adapters:clean_lines",
                        help="module:function or a scorer baseline name (c4, justext, keep_all)")
    args = parser.parse_args(argv)
    if args.sample:
        return sample_metadata()
    data_dir("textclean")
    import score_textclean as sc

    docs = sc.load(args.data)
    cleaner = sc.get_cleaner(args.cleaner)
    cleaner(["warm up the stop-word list."])
    print(f"data: {args.data} ({len(docs)} pages), cleaner: {args.cleaner}")
    for name, subset in (("all", docs), ("half A (tuning)", [d for d in docs if half_of(d["id"]) == "A"]),
                         ("half B (held out)", [d for d in docs if half_of(d["id"]) == "B"])):
        start = time.perf_counter()
        res = sc.evaluate(subset, cleaner)
        wall = time.perf_counter() - start
        doc, line = res["doc_shingle4"], res["line_content"]
        print(f"{name:18s} n={len(subset):3d}  doc 4-shingle P {doc['precision']:.3f} R {doc['recall']:.3f} "
              f"F1 {doc['f1']:.3f} | line P {line['p']:.3f} R {line['r']:.3f} F1 {line['f1']:.3f} | "
              f"word F1 {res['doc_word_f1_mean']:.3f} | {len(subset) / res['seconds']:.0f} pages/s "
              f"(cleaner time; {wall:.1f}s with scoring)")


if __name__ == "__main__":
    sys.exit(main())
