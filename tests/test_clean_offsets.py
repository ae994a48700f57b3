"""Offsets: every body range maps back to identical characters of the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newstrail.clean import clean_article
from newstrail.clean.offsets import build_body, locate_pieces, split_lines
from newstrail.model import RawArticle

_line = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=60)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(_line, min_size=1, max_size=12), data=st.data())
def test_any_body_range_maps_to_identical_original_text(lines, data):
    text = "\n".join(lines)
    spans = split_lines(text)
    keep = data.draw(st.lists(st.booleans(), min_size=len(spans), max_size=len(spans)))
    body, offsets = build_body(text, [s for s, k in zip(spans, keep) if k])
    for start, length, orig_start, orig_len in [(b, ln, o, ln) for b, o, ln in offsets.segments]:
        assert body[start : start + length] == text[orig_start : orig_start + orig_len]
    if body:
        a = data.draw(st.integers(0, len(body)))
        b = data.draw(st.integers(a, len(body)))
        # a range inside one piece maps to the same characters
        for seg_body, seg_orig, seg_len in offsets.segments:
            if seg_body <= a and b <= seg_body + seg_len:
                span = offsets.span("x", a, b)
                assert text[span.start : span.end] == body[a:b]


INVENTED = (
    "Harbour Board approves ferry plan\n\n"
    "Share this article\n\n"
    "The harbour board voted on Tuesday to extend the evening ferry service to the islands, "
    "its chair told reporters after a two-hour meeting.\n\n"
    "\u201cWe listened to the commuters and we are acting on it,\u201d the chair said.\n\n"
    "Leave a Reply\n"
)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_clean_article_body_ranges_round_trip(data):
    article = clean_article(RawArticle(source="mem", text=INVENTED))
    assert article.text == INVENTED
    a = data.draw(st.integers(0, len(article.body)))
    b = data.draw(st.integers(a, len(article.body)))
    piece = article.body[a:b]
    if "\n" not in piece:  # within one line of the body (not touching a separator): identical text
        span = article.body_span(a, b)
        assert article.text[span.start : span.end] == piece


def test_trimmed_pieces_drop_edge_spaces():
    text = "  first line \u00a0\nsecond"
    body, offsets = build_body(text, split_lines(text))
    assert body == "first line\n\nsecond"
    assert offsets.segments == ((0, 2, 10), (12, 15, 6))


def test_locate_pieces_compares_white_space_loosely():
    text = "Menu\nThe council   met\non Monday.\nFooter"
    (start, end), = locate_pieces(text, ["The council met on Monday."])
    assert text[start:end] == "The council   met\non Monday."


def test_locate_pieces_skips_what_is_not_there():
    assert locate_pieces("alpha beta", ["gamma", "beta"]) == [(6, 10)]
