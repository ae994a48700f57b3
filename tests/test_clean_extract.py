"""HTML extraction on a small invented page."""

from __future__ import annotations

from newstrail.clean import clean_article, extract_html, render_html
from newstrail.clean.extract import postfilter_lines
from newstrail.model import RawArticle

PARAS = [
    "The harbour board voted on Tuesday to extend the evening ferry service to the islands, its chair told "
    "reporters after a two-hour meeting in the town hall on the quay.",
    "The new timetable starts next month and adds three crossings on weekdays and two on Saturdays, the "
    "board said in a statement published after the vote.",
    "Islanders had asked for later ferries for years, and a petition handed to the board last spring had "
    "more than two thousand names on it, the organisers said.",
]
PAGE = f"""<!doctype html><html lang="en"><head><title>Ferries to run later | Island Times</title>
<meta property="og:site_name" content="Island Times">
<meta property="article:published_time" content="2021-05-04T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferries to run later</h1>{''.join(f'<p>{p}</p>' for p in PARAS)}
<p>Subscribe to our newsletter</p></article>
<aside><h3>Related stories</h3><a href="/x">Bakery wins prize</a></aside>
<footer>Copyright 2021 Island Times. All rights reserved.</footer></body></html>"""


def test_extract_html_keeps_article_drops_furniture():
    text = extract_html(PAGE)
    assert all(p in text for p in PARAS)
    assert "Subscribe" not in text and "All rights reserved" not in text


def test_extract_html_accepts_bytes_and_junk():
    assert PARAS[0] in extract_html(PAGE.encode("utf-8"))
    assert extract_html("") == ""
    assert extract_html(b"\xff\xfe not html") == "" or isinstance(extract_html(b"\xff\xfe"), str)


def test_postfilter_drops_widget_lines():
    assert postfilter_lines(["Share this article", PARAS[0], "Read more"]) == [PARAS[0]]


def test_clean_article_from_html_points_into_rendered_text():
    article = clean_article(RawArticle(source="page.html", text="", html=PAGE, fmt="html"))
    assert article.text == render_html(PAGE)
    assert article.title == "Ferries to run later"
    assert article.published == "2021-05-04" and article.published_how == "metadata"
    assert article.outlet == "Island Times"
    assert all(p in article.body for p in PARAS)
    start = 0
    for paragraph in article.body.split("\n\n"):
        span = article.body_span(start, start + len(paragraph))
        assert article.text[span.start : span.end] == paragraph
        start += len(paragraph) + 2
