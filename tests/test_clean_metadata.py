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
