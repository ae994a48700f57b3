"""Metadata from invented header lines and text."""

from __future__ import annotations

import pytest

from newstrail.clean import clean_article
from newstrail.clean.language import detect_language
from newstrail.clean.metadata import find_outlet, outlet_from_url, parse_date_line, strip_glued_title
from newstrail.model import RawArticle

BODY = (
    "The harbour board voted on Tuesday to extend the evening ferry service to the islands, "
    "its chair told reporters after a two-hour meeting in the town hall.\n\n"
    "The new timetable starts next month and adds three crossings on weekdays, the board said.\n\n"
    "Islanders had asked for later ferries for years, and a petition last spring had more than "
    "two thousand names on it.\n"
)


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Friday 21 January 2022", "2022-01-21"),
        ("January 12, 2022", "2022-01-12"),
        ("Published: March 3rd, 2021 10:15 AM", "2021-03-03"),
        ("2020-07-09", "2020-07-09"),
        ("Sept. 5, 2019", "2019-09-05"),
    ],
)
def test_date_lines(line, iso):
    assert parse_date_line(line) == iso


@pytest.mark.parametrize("line", ["3 mins read", "Episode 12", "On January 12, 2022 the board met.", "31 February 2022"])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_date_from_header_line():
    article = clean_article(RawArticle(source="mem", text="Monday 3 May 2021\n\nFerries to run later\n\n" + BODY))
    assert (article.published, article.published_how) == ("2021-05-03", "text")


def test_date_from_metadata_wins_and_none_is_invented():
    article = clean_article(RawArticle(source="mem", text="Ferries to run later\n\n" + BODY, published="2021-05-04T08:00"))
    assert (article.published, article.published_how) == ("2021-05-04", "metadata")
    bare = clean_article(RawArticle(source="mem", text="Ferries to run later\n\n" + BODY))
    assert (bare.published, bare.published_how) == (None, None)


def test_outlets():
    assert find_outlet(["The post Ferries to run later appeared first on Island Times."]) == "Island Times"
    assert find_outlet(["Ferries will run later this summer\u2026.reports Coast Wire"]) == "Coast Wire"
    assert outlet_from_url("https://www.islandtimes.example/news/1") == "islandtimes.example"
    article = clean_article(RawArticle(source="mem", text=BODY, url="https://news.example.org/a"))
    assert article.outlet == "news.example.org"


def test_glued_title_is_cut_from_dek():
    assert strip_glued_title("Later ferries start next month, the board saysFerries to run later",
                             "Ferries to run later") == "Later ferries start next month, the board says"


def test_language():
    assert detect_language(BODY) == "en"
    german = ("Der Hafenrat hat am Dienstag beschlossen, die Abendfähre zu den Inseln zu verlängern, "
              "sagte die Vorsitzende nach einer zweistündigen Sitzung im Rathaus. Der neue Fahrplan beginnt im "
              "nächsten Monat und bringt drei zusätzliche Fahrten an Werktagen.")
    assert detect_language(german) == "de"
    assert detect_language("too short") is None


def test_given_title_not_in_body():
    text = "Ferries to run later\n\n" + BODY + "\nFerries to run later\n"
    article = clean_article(RawArticle(source="mem", text=text, title="Ferries to run later"))
    assert article.title == "Ferries to run later"
    assert "Ferries to run later" not in article.body


# --- header lines with a date among other fields, metadata fields, agency datelines ---

from newstrail.clean.metadata import (  # noqa: E402
    agency_dateline,
    dateline_spans,
    date_from_dateline,
    header_date,
    masthead,
    normalise_date,
)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("LOCAL NEWS  |  June 9, 2027  |  7:15 AM UTC  |  Updated 3 hours ago", ("2027-06-09", False)),
        ("Sep 2, 2026 • 4 min read", ("2026-09-02", False)),
        ("Posted May 30, 2025 by Ada Lindgren, Transport Editor", ("2025-05-30", False)),
        ("Updated 12 July 2024 10:00", ("2024-07-12", True)),
        ("Updated July 13, 2024 | Published July 11, 2024", ("2024-07-11", False)),
        ("Published: 23/10/2028 08:45", ("2028-10-23", False)),
    ],
)
def test_header_lines_with_a_date_field(line, expected):
    assert header_date(line) == expected


@pytest.mark.parametrize("line", ["Home | Sport | Weather", "3 min read | Share", "Episode 12 | Season 2"])
def test_header_lines_without_a_date(line):
    assert header_date(line) is None


def test_numeric_dates_only_when_day_and_month_are_clear():
    assert parse_date_line("23/10/2028") == "2028-10-23"
    assert parse_date_line("10/23/2028") == "2028-10-23"
    assert parse_date_line("4.5.2028") == "2028-05-04"
    assert parse_date_line("04/05/2028") is None  # April 5 or 4 May: not guessed
    assert normalise_date("04/05/2028") is None


@pytest.mark.parametrize(
    "value, iso",
    [
        ("Tue, 14 Nov 2028 09:30:00 GMT", "2028-11-14"),
        ("Tue, 14 Nov 2028 23:30:00 -0500", "2028-11-14"),  # the day where it was published
        ("2028-11-14T23:30:00+09:00", "2028-11-14"),
        ("14th of November, 2028", "2028-11-14"),
        ("November 2028", None),
        ("last week", None),
        ("", None),
    ],
)
def test_metadata_date_fields(value, iso):
    assert normalise_date(value) == iso


def test_rfc822_input_field_is_the_publication_date():
    article = clean_article(RawArticle(source="mem", text="Ferries to run later\n\n" + BODY,
                                       published="Wed, 06 Sep 2028 16:20:00 GMT"))
    assert (article.published, article.published_how) == ("2028-09-06", "metadata")


def test_date_from_a_header_line_with_fields():
    text = "HARBOUR NEWS  |  May 6, 2029  |  9:40 AM UTC  |  Updated 1 hour ago\n\nFerries to run later\n\n" + BODY
    article = clean_article(RawArticle(source="mem", text=text))
    assert (article.published, article.published_how) == ("2029-05-06", "text")
    assert article.title == "Ferries to run later"


def test_agency_dateline():
    assert agency_dateline("PORTVALE, May 6 (Coastwire) - The harbour board voted") == (5, 6, "Coastwire")
    assert agency_dateline("PORTVALE (CW) — The harbour board voted") == (None, None, "CW")
    assert agency_dateline("The harbour board (in full) - voted") is None
    assert date_from_dateline(5, 6, "2029-05-07") == "2029-05-06"
    assert date_from_dateline(12, 31, "2030-01-01") == "2029-12-31"


def test_dateline_spans_open_lines_only():
    text = ("PORTVALE, May 6 (Coastwire) - The board voted.\n"
            "It met (again) - briefly.\n"
            "SELBY (CW) — Ferries ran late.")
    spans = dateline_spans(text)
    assert [text[s:e].strip() for s, e in spans] == ["PORTVALE, May 6 (Coastwire) -", "SELBY (CW) —"]
    assert dateline_spans("No brackets here - at all.") == []


def test_dateline_day_beats_an_update_date_and_takes_its_year():
    text = ("Updated 8 May 2029 10:00\n\nFerries to run later\n\n"
            "PORTVALE, May 6 (Coastwire) - " + BODY)
    article = clean_article(RawArticle(source="mem", text=text))
    assert (article.published, article.published_how) == ("2029-05-06", "text")
    assert article.outlet == "Coastwire"
    # without any year in the text the dateline gives no date
    bare = clean_article(RawArticle(source="mem", text="Ferries to run later\n\nPORTVALE, May 6 (Coastwire) - " + BODY))
    assert bare.published is None


def test_html_dated_after_the_machine_clock():
    later = "2090-05-04T08:00:00Z"
    page = (f'<html lang="en"><head><title>Ferries to run later</title>'
            f'<meta property="article:published_time" content="{later}"></head><body><article>'
            f'<h1>Ferries to run later</h1>{"".join(f"<p>{p}</p>" for p in BODY.split(chr(10)*2))}'
            f'<p>By Ada Lindgren · <time datetime="{later}">4 May 2090</time></p></article></body></html>')
    article = clean_article(RawArticle(source="page.html", text="", html=page, fmt="html"))
    assert (article.published, article.published_how) == ("2090-05-04", "metadata")


@pytest.mark.parametrize(
    "top, outlet",
    [
        ("THE PORTVALE GAZETTE", "The Portvale Gazette"),
        ("Coastline Chronicle - all the news from the bay", "Coastline Chronicle"),
        ("Harbour Lights: a blog about boats and the people on them", "Harbour Lights"),
        ("Ferry & Freight Review | Ports | Ships | Jobs", "Ferry & Freight Review"),
    ],
)
def test_outlet_from_masthead(top, outlet):
    lines = [top, "", "Ferries to run later", "", *BODY.split("\n")]
    assert find_outlet(lines) == outlet
    assert masthead(lines) == (0, outlet)
    article = clean_article(RawArticle(source="mem", text="\n".join(lines)))
    assert article.outlet == outlet and article.title == "Ferries to run later"


def test_masthead_confirmed_by_a_breadcrumb_or_a_later_mention():
    crumb = ["Valley Evening Star", "News > Local", "Ferries to run later", *BODY.split("\n")]
    assert find_outlet(crumb) == "Valley Evening Star"
    credit = ["Valley Evening Star", "Ferries to run later", *BODY.split("\n"), "Photo: Evening Star / A. Lind"]
    assert find_outlet(credit) == "Valley Evening Star"


@pytest.mark.parametrize(
    "lines",
    [
        ["Ferries to run later", *BODY.split("\n")],  # a headline first, not a masthead
        ["Europe & Asia", "Ferries to run later", *BODY.split("\n")],  # an unconfirmed section label
        ["WORLD NEWS", "Ferries to run later", *BODY.split("\n")],  # generic section words
        ["Ferries: what the new timetable means", *BODY.split("\n")],  # a headline with a colon
    ],
)
def test_no_masthead(lines):
    assert find_outlet(lines) is None


def test_outlet_from_copyright_and_byline():
    assert find_outlet([*BODY.split("\n"), "(c) 2029 The Portvale Gazette. All rights reserved."]) == "The Portvale Gazette"
    assert find_outlet([*BODY.split("\n"), "Copyright © 2027-2029 Bay Media Ltd"]) == "Bay Media"
    assert find_outlet(["The quay at dusk. ©  Shutterstock", *BODY.split("\n")]) is None  # a photo credit
    assert find_outlet(["By Ada Lindgren | Coastline Chronicle", *BODY.split("\n")]) == "Coastline Chronicle"
    assert find_outlet(["By Ada Lindgren | Senior Reporter", *BODY.split("\n")]) is None


def test_masthead_beats_republication_traces():
    lines = ["Bay Digest - every story, every hour", "Ferries to run later", *BODY.split("\n"),
             "The post Ferries to run later appeared first on Island Times."]
    assert find_outlet(lines) == "Bay Digest"


def test_title_from_the_headline_repeated_above_the_text():
    head = "Ferries to run later from next month"
    paras = "\n\n".join([
        "The harbour board said on Tuesday that the last ferry of the day will leave an hour later from June.",
        "Commuters had asked for later sailings for years, and the board said the new timetable would be tried for a year.",
    ])
    text = f"{head} | Harbour Gazette\n\nHome\n\nNews\n\nSport\n\n{head}\n\n{paras}\n"
    article = clean_article(RawArticle(source="mem", text=text))
    assert article.title == head
    assert head not in article.body


def test_stoplist_folds_each_distinct_word_once_with_the_same_result():
    from collections import Counter

    from newstrail.clean.language import _WORD, _word_languages, best_stoplist

    text = ("The Minister Of Ports in Norland said THE harbour at Vellmar would reopen.\n"
            "Die Fähre nach Estovia fährt WIEDER, sagte der Hafenmeister.\nIt is, it IS, it was.")
    tokens = [t.casefold() for line in sorted(text.split("\n"), key=len, reverse=True) for t in _WORD.findall(line)]
    counts: Counter[str] = Counter()
    for token, n in Counter(tokens).items():
        for language in _word_languages().get(token, ()):
            counts[language] += n
    language, hits = max(counts.items(), key=lambda kv: (kv[1], kv[0] == "English"))
    assert best_stoplist(text) == (language, hits / len(tokens))
