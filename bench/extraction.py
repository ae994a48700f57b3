"""Main-text extraction from HTML (``extract_html``) on the 181-page Zyte benchmark.

Uses the data set's own scorer (../shared/data/extraction/score_extraction.py): 4-token
shingle P/R/F1 (macro over pages, the benchmark's definition), word (unigram) P/R/F1,
and pages/s of extraction alone. ``--baseline`` also runs trafilatura's defaults.

    python bench/extraction.py [--baseline] [--limit N]
"""

from __future__ import annotations

import argparse
import sys

from common import data_dir


def _line(name: str, res: dict) -> str:
    uni = res["token_unigram"]
    return (f"{name:22s} 4-shingle P {res['precision']:.3f} R {res['recall']:.3f} F1 {res['f1']:.3f} | "
            f"word P {uni['precision']:.3f} R {uni['recall']:.3f} F1 {uni['f1']:.3f} | "
            f"{res['pages_per_s']:.1f} pages/s | empty {res['n_empty_pred']} errors {res['errors']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", action="store_true", help="also run trafilatura's defaults")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    data_dir("extraction")
    import score_extraction as se

    from newstrail.clean.extract import extract_html

    extract_html("<html><body><p>warm up the libraries.</p></body></html>")
    print(f"data: zyte ({args.limit or 181} pages)")
    if args.baseline:
        print(_line("trafilatura (default)", se.run("zyte", se.ex_trafilatura, args.limit)))
    print(_line("newstrail extract_html", se.run("zyte", extract_html, args.limit)))


if __name__ == "__main__":
    sys.exit(main())
