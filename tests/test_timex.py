"""Time expressions: recognition and resolution on invented sentences.

The anchor is Wednesday 2024-03-13 (ISO week 11) unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from newstrail.adapters import article_from_text
from newstrail.model import Article, OffsetMap, content_id
from newstrail.timex import date_for_span, extract_timexes, infer_publication_dates, time_expressions

DCT = "2024-03-13"


def values(text: str, dct: str | None = DCT, doc=None) -> dict[str, tuple[str, str]]:
    """Expression text -> (value, type), checking that every span is the expression."""
    out = {}
    for start, end, value, typ in time_expressions(text, dct, doc):
        out[text[start:end]] = (value, typ)
    return out


def value_of(text: str, expr: str, dct: str | None = DCT, doc=None) -> str:
    found = values(text, dct, doc)
    assert expr in found, f"{expr!r} not found in {found}"
    return found[expr][0]


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The minister said on Monday that talks would go on.", "Monday", "2024-03-11"),
        ("The minister will travel to Paris on Monday.", "Monday", "2024-03-18"),
        ("Officials met on Wednesday in the capital.", "Wednesday", "2024-03-13"),
        ("Officials will meet again on Wednesday.", "Wednesday", "2024-03-13"),
        ("The strike began last Friday.", "last Friday", "2024-03-08"),
        ("The vote is due next Tuesday.", "next Tuesday", "2024-03-19"),
        ("After Monday's talks, the envoy will fly home.", "Monday", "2024-03-11"),
    ],
)
def test_weekdays_follow_tense_and_publication_weekday(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The treaty was signed on the 5th local time.", "the 5th", "2024-03-05"),
        ("The treaty was signed on the 20th.", "the 20th", "2024-02-20"),
        ("The summit will open on the 20th.", "the 20th", "2024-03-20"),
        ("The parliament voted on the 13th.", "the 13th", "2024-03-13"),
    ],
)
def test_day_of_month_ordinals(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Prices rose sharply last week.", "last week", "2024-W10"),
        ("The board meets this week.", "this week", "2024-W11"),
        ("A reply is expected next week.", "next week", "2024-W12"),
        ("The two leaders met last June in Geneva.", "last June", "2023-06"),
        ("Exports fell this month.", "this month", "2024-03"),
        ("The war began in February 2022.", "February 2022", "2022-02"),
        ("The company was founded on March 4, 1999.", "March 4, 1999", "1999-03-04"),
        ("Inflation peaked last year.", "last year", "2023"),
        ("The alliance has not grown since 1997.", "1997", "1997"),
        ("The plant closed two years ago.", "two years ago", "2022"),
        ("Growth was strong in the 1990s.", "the 1990s", "199"),  # TIMEX3: a decade is its first three digits
        ("Sales should recover in the third quarter.", "the third quarter", "2024-Q3"),
        ("The rains came early this summer.", "this summer", "2024-SU"),
        ("The talks collapsed yesterday.", "yesterday", "2024-03-12"),
        ("Troops have massed on the border in recent months.", "recent months", "PXM"),
        ("Prices are now falling.", "now", "PRESENT_REF"),
    ],
)
def test_weeks_months_years_and_references(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected", "typ"),
    [
        ("The two sides talked for nearly eight hours.", "nearly eight hours", "PT8H", "DURATION"),
        ("The ceasefire held for three days.", "three days", "P3D", "DURATION"),
        ("It took a few weeks to agree.", "a few weeks", "PXW", "DURATION"),
        ("They signed a two-year contract.", "two-year", "P2Y", "DURATION"),
        ("The paper is published daily.", "daily", "P1D", "SET"),
        ("He spoke to reporters on Monday night after the talks.", "Monday night", "2024-03-11TNI", "TIME"),
        ("The polls will close at 8 p.m. on Thursday.", "8 p.m. on Thursday", "2024-03-14T20:00", "TIME"),
        ("The flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI", "SET"),
        ("Stores open late on Fridays.", "Fridays", "XXXX-WXX-5", "SET"),
        ("The plant will be built over the next 12 to 18 months.", "the next 12 to 18 months", "PXM", "DURATION"),
        ("The hearing is set for the week of March 18.", "the week of March 18", "2024-W12", "DATE"),
        ("Profit fell from the year-ago quarter.", "the year-ago quarter", "2022-Q4", "DATE"),
    ],
)
def test_durations_sets_and_times(text, expr, expected, typ):
    found = values(text)
    assert found[expr] == (expected, typ)


def test_anaphoric_days_use_the_date_just_mentioned():
    text = "Talks began on March 3. The next day, the envoys left. On the same day, a statement followed."
    found = values(text)
    assert found["March 3"][0] == "2024-03-03"
    assert found["The next day"][0] == "2024-03-04"
    assert found["the same day"][0] == "2024-03-04"


def test_counts_and_verbs_are_not_dates():
    assert values("About 1500 soldiers crossed the river.") == {}
    assert values("Prices may rise, the bank said.") == {}


def test_undated_text_keeps_unknown_parts_as_x():
    found = values("On the 10th, the ministers met. He spoke on Monday.", dct=None)
    assert found["the 10th"][0] == "XXXX-XX-10"
    assert found["Monday"][0] == "XXXX-WXX-1"


def test_range_anchor_keeps_what_both_ends_agree_on():
    text = "The talks were held on Monday. A deal was signed on the 11th."
    found = values(text, dct="2024-03-13/2024-03-17")
    assert found["Monday"][0] == "2024-03-11"
    assert found["the 11th"][0] == "2024-03-11"
    wide = values("The envoy arrived on Friday.", dct="2024-03-13/2024-03-17")
    assert wide["Friday"][0] == "2024-03-XX"  # the 8th or the 15th: only the month is known


def test_parse_gives_tense(nlp):
    text = "The president, who arrived late, will meet the delegation on Friday."
    assert value_of(text, "Friday", doc=nlp(text)) == "2024-03-15"
    past = "The delegation met the president on Friday."
    assert value_of(past, "Friday", doc=nlp(past)) == "2024-03-08"


def test_parse_past_cues_yield_to_the_words(nlp):
    """With the parse, plans stay ahead and a day after "said" dates the saying (DCT Wednesday 13)."""
    cases = [
        ("Premier Vostok has said he would postpone the regional vote scheduled for April.", "April", "2024-04"),
        ("The prosecutor has scheduled a briefing Thursday to present the findings.", "Thursday", "2024-03-14"),
        ("Minister Kaller said on Tuesday he will not run for the council.", "Tuesday", "2024-03-12"),
    ]
    for text, expr, expected in cases:
        assert value_of(text, expr, doc=nlp(text)) == expected, text


def _article_with_gaps(published: str | None = DCT) -> Article:
    """An article whose body skips a boilerplate line of the original text."""
    text = "Share this!\nTalks resumed on Monday in Vienna.\nSubscribe now\nA deal is due next week."
    first = text.index("Talks")
    second = text.index("A deal")
    line1 = text[first:text.index("\n", first)]
    line2 = text[second:]
    body = line1 + "\n\n" + line2
    offsets = OffsetMap(((0, first, len(line1)), (len(line1) + 2, second, len(line2))))
    return Article(id=content_id(text), source="t.txt", text=text, body=body, offsets=offsets,
                   published=published, published_how="metadata" if published else None)


def test_extract_timexes_maps_spans_to_the_original_text():
    article = _article_with_gaps()
    found = extract_timexes(None, article)
    assert [(t.text, t.value) for t in found] == [("Monday", "2024-03-11"), ("next week", "2024-W12")]
    for tx in found:
        assert article.text[tx.span.start:tx.span.end] == tx.text
        assert tx.anchor == DCT and "publication date 2024-03-13" in tx.how and 0 < tx.confidence <= 1


def test_date_for_span_prefers_the_sentence_date_then_publication():
    article = article_from_text("The army withdrew on Monday. Nobody commented.", published=DCT)
    timexes = extract_timexes(None, article)
    first = article.text.index("The army")
    assert date_for_span(article, timexes, first, first + 10) == ("2024-03-11", "text")
    second = article.text.index("Nobody")
    assert date_for_span(article, timexes, second, second + 6) == (DCT, "published")
    undated = article_from_text("Nobody commented.")
    assert date_for_span(undated, [], 0, 6) == (None, None)


def test_infer_publication_date_from_the_story():
    dated = article_from_text("The ministers met in Vienna on Monday, officials said.", published=DCT, source="a")
    undated = article_from_text("On the 11th, the ministers met in Vienna. The next talks are set for April.",
                                source="b")
    other = article_from_text("On the 11th a storm hit the coast.", source="c")
    items = [(a, extract_timexes(None, a)) for a in (dated, undated, other)]
    groups = {dated.id: "s1", undated.id: "s1", other.id: "s2"}
    inferred = infer_publication_dates(items, groups)
    assert set(inferred) == {undated.id}  # no dated article in s2, nothing to infer from
    value, reason = inferred[undated.id]
    assert value.startswith("2024-03-11/") and "s1" in reason
    assert value_of(undated.body, "the 11th", dct=value) == "2024-03-11"


def test_inference_stays_near_the_story_when_its_articles_mention_a_far_day():
    """A day mentioned years back is a clue, not a place to look for the publication date:
    candidates lie around the story's publication days, and the fallback range is their span."""
    dated = article_from_text("The treaty, signed on 4 July 1990, was debated on Monday.", published=DCT, source="a")
    later = article_from_text("Talks went on in Vienna.", published="2024-03-20", source="b")
    undated = article_from_text("The treaty was debated on Monday in Vienna.", source="c")
    vague = article_from_text("The treaty is old.", source="d")
    items = [(a, extract_timexes(None, a)) for a in (dated, later, undated, vague)]
    inferred = infer_publication_dates(items, {a.id: "s1" for a, _ in items})
    first, _, last = inferred[undated.id][0].partition("/")
    assert "2024-03-11" <= first <= (last or first) < "2024-05-05"
    assert inferred[vague.id][0] == f"{DCT}/2024-03-20"


def test_date_for_span_with_a_parse_uses_its_sentences(nlp):
    article = article_from_text("Nobody commented at first. On Monday the army withdrew. It was quiet.", published=DCT)
    doc = nlp(article.body)
    timexes = extract_timexes(doc, article)
    start = article.text.index("the army")
    assert date_for_span(article, timexes, start, start + 8, doc) == ("2024-03-11", "text")
    start = article.text.index("It was")
    assert date_for_span(article, timexes, start, start + 6, doc) == (DCT, "published")


def test_month_of_a_full_date_keeps_its_day():
    """"last Oct. 23" is the date Oct. 23, not the month of last October."""
    assert values("He was shot last Oct. 23 at his home.")["Oct. 23"][0] == "2023-10-23"


def test_year_after_a_comma_split_off_by_tokenisation():
    """Tokenised corpora and PDF exports write "March 4 , 1997": the year belongs to the date."""
    assert value_of("The accord was signed on March 4 , 1997 , in Velmora.", "March 4 , 1997") == "1997-03-04"
    assert value_of("Unrest in Kestria began in October , 1988 , after the vote.", "October , 1988") == "1988-10"
    assert value_of("Talks ended on May 2,1999 without a deal.", "May 2,1999") == "1999-05-02"


def test_first_of_two_months_takes_the_year_named_after_the_second():
    assert value_of("Arrivals at Velmora rose in March and April of 2006, the port said.", "March") == "2006-03"
    assert value_of("Exports fell in June or July , 2005 by a third.", "June") == "2005-06"


def test_modal_with_have_and_its_object_looks_ahead():
    """"should have the doses ready in June" is a plan; "may have left Monday" a past guess."""
    assert value_of("A spokesman said Kestrel Labs should have the doses ready in June.", "June") == "2024-06"
    assert value_of("The envoy may have left on Monday.", "Monday") == "2024-03-11"


def test_clock_time_on_a_day_written_day_first():
    assert values("Voting in Velmora ended at 8 p.m. on 3 March 2022.")["8 p.m. on 3 March 2022"][0] == "2022-03-03T20:00"
    assert values("At 11:05 am on 07 Feb 2023 , reader42 wrote : agreed.")["11:05 am on 07 Feb 2023"][0] == "2023-02-07T11:05"


def test_passive_participle_and_proper_names_are_no_past_cues():
    # "will be held": the auxiliary carries the tense; "United" is a name, not a past form
    assert value_of("A summit will still be held on April 24.", "April 24") == "2024-04-24"
    assert value_of("He would be traveling to the United States Thursday.", "Thursday") == "2024-03-14"


def test_words_without_a_timex3_mod_stay_outside_the_extent():
    assert "six months" in values("The deal lasted only six months.")
    assert "nearly eight hours" in values("They talked for nearly eight hours.")


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The case was heard in nineteen ninety-one in the state court.", "nineteen ninety-one", "1991"),
        ("Prices fell to the level we saw in the winter of nineteen ninety-four.",
         "the winter of nineteen ninety-four", "1994-WI"),
        ("The approach of the year two thousand worries them.", "the year two thousand", "2000"),
        ("The boy was found Thanksgiving Day at sea.", "Thanksgiving Day", "2023-11-23"),
        ("It will be a theme of the campaign until Election Day.", "Election Day", "2024-11-05"),
        ("Both sides want a deal by Christmas.", "Christmas", "2024-12-25"),
        ("Exiles resent the post-1959 politics of the island.", "post-1959", "1959"),
        ("The loan may be extended for an additional year.", "an additional year", "P1Y"),
        ("Investors may sell in the weeks ahead.", "the weeks ahead", "PXW"),
        ("Prosecutors may soon seek an indictment.", "soon", "FUTURE_REF"),
        ("Islam will one day be the second religion there.", "one day", "FUTURE_REF"),
        ("No woman had commanded a mission until now.", "now", "PRESENT_REF"),
        ("He appeared in court on March 11 and again the next morning.", "the next morning", "2024-03-12TMO"),
    ],
)
def test_spoken_years_holidays_and_more_expressions(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Reupke, 52 years old, will succeed him.",  # an age
        "Iraq imports about three-quarters of its food.",  # a fraction
        "For Poland, high noon comes with membership.",  # the idiom
        "Now, he says, the West just wants a war.",  # the discourse marker
        "That is very important to the future of our peoples.",  # what becomes of something
        "The cash soon became a flood.",  # relative to a past event
        "Ships will leave as soon as the port reopens.",
        "You have strong redemptions that day, then it stops.",  # no day named before
        "Two thousand troops crossed the border.",  # a count
        "Christmas shopping started in the town.",
    ],
)
def test_non_temporal_uses_are_not_expressions(text):
    assert values(text) == {}


def test_results_news_keeps_the_quarter_it_names():
    text = ("Sun reported a loss in the fiscal first quarter. Sales for the quarter rose. "
            "The latest period included a gain. Results for that quarter were restated.")
    found = values(text, "2024-10-26")
    assert found["first quarter"][0] == "2024-Q1"
    assert found["the quarter"][0] == "2024-Q1"
    assert found["The latest period"][0] == "2024-Q1"
    assert found["that quarter"][0] == "2024-Q1"


def test_expected_to_in_a_past_report_looks_ahead():
    text = "Officials were expected to initial the agreement on Wednesday."
    assert value_of(text, "Wednesday", dct="2024-03-12") == "2024-03-13"


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        # a future verb elsewhere in the sentence, beyond the near window, still looks ahead
        ("The agency said a veteran pilot will be named commander of the station for a long "
         "mission in December.", "December", "2024-12"),
        # "were planning to": the future seen from a past report
        ("Farmers rallied and were planning to march on Saturday.", "Saturday", "2024-03-16"),
        # a past verb of intent with an infinitive looks ahead for what follows it
        ("The alliance has decided to admit the two states in early April.", "early April", "2024-04"),
        # ", an official said." closing the sentence dates the report, not the clause
        ("The bank will cut rates in April, an official said.", "April", "2024-04"),
        # a participle with its agent ("untouched by") carries no tense
        ("The airline will add flights between the two cities by August in search of markets "
         "untouched by the crisis.", "August", "2024-08"),
    ],
)
def test_tense_cues_beyond_the_nearest_verb(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Two ships collided last February off the coast.", "last February", "2023-02"),
        ("Two ships collided last January off the coast.", "last January", "2024-01"),
        ("The plant will reopen next April.", "next April", "2025-04"),
        ("The plant will reopen next June.", "next June", "2024-06"),
    ],
)
def test_last_and_next_month_skip_the_adjacent_month(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The merger should close by year-end.", "year-end", "2024"),
        ("Sales for the full year rose 13%.", "the full year", "2024"),
        ("Sales in the latest fiscal year were $7 billion.", "the latest fiscal year", "2023"),
        ("Capital spending will rise next fiscal year.", "next fiscal year", "2025"),
        ("The index fell for eight trading days in a row.", "eight trading days", "P8D"),
        ("The summit will be held on April 24 and 25.", "25", "2024-04-25"),
        ("The summit will be held on April 24 and 25.", "April 24", "2024-04-24"),
        ("Sales volume in 1989 is following the trend of the last half of the '80s.",
         "the last half of the '80s", "198"),
        ("Net for the year-earlier nine months included a gain.", "the year-earlier nine months", "P9M"),
        ("He arrived in the capital later in the day.", "the day", "2024-03-13"),
    ],
)
def test_year_ends_kinds_of_year_pairs_and_parts(text, expr, expected):
    assert value_of(text, expr) == expected


def test_comparison_with_the_quarter_a_year_before():
    text = ("Profit rose in the third quarter. It earned $5 million a year ago and costs were "
            "lower than a year ago. Sales for the corresponding period last year were flat.")
    found = values(text, "2024-10-26")
    assert [v for k, (v, _) in found.items() if k == "a year ago"] == ["2023-Q3"]
    assert found["the corresponding period last year"][0] == "2023-Q3"


@pytest.mark.parametrize(
    "text",
    [
        "This is VOA Today.",  # a programme's name
        'He said on "This Week With Jane Doe" that talks failed.',
        "The day before the hearing, he flew in.",  # no day named before to count from
    ],
)
def test_names_are_not_expressions(text):
    assert values(text) == {}


def test_the_day_before_a_phrase_is_the_day_named_in_apposition():
    text = "Stocks lagged for a week after Oct. 12, the day before the market plunge."
    assert value_of(text, "the day before", "2024-10-30") == "2024-10-12"


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        # a past plan before which the expression stands dates the plan, not what was planned
        ("On Friday, the town council planned to pay the first claims.", "Friday", "2024-03-08"),
        # after the plan it is what was planned
        ("Farmers planned a march through the capital on Saturday.", "Saturday", "2024-03-16"),
        # a present plan looks ahead
        ("The union plans a rally in the capital on Friday.", "Friday", "2024-03-15"),
        # "plans" as a noun ("holiday plans for the trip") looks nowhere
        ("On Friday, when the minister set aside holiday plans for the trip, talks resumed.",
         "Friday", "2024-03-08"),
    ],
)
def test_past_plans_look_ahead_only_for_what_follows(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The envoy spent 5 1/2 hours in the capital.", "5 1/2 hours", "PT5H30M"),
        ("He served two and a half years in prison.", "two and a half years", "P2Y6M"),
        ("The siege lasted a year and a half.", "a year and a half", "P1Y6M"),
        ("The vote took half an hour.", "half an hour", "PT30M"),
        ("The hearing ran for half a day.", "half a day", "PT12H"),
        ("The price rose 1.5 months after launch.", "1.5 months", "P1.5M"),
    ],
)
def test_fractional_durations_use_the_next_smaller_unit(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The two clans ended a decades-long feud.", "decades-long", "PXY"),
        ("It was a months-long strike.", "months-long", "PXM"),
        ("The hostage probably died within weeks or months of his capture.", "weeks or months", "PXW"),
        ("Many funds in recent weeks and months have sold bonds.", "recent weeks and months", "PXW"),
        ("Markets feel calmer these days.", "these days", "PRESENT_REF"),
    ],
)
def test_vague_stretches_and_the_present(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The convoy will leave at 4 in the morning.", "4 in the morning", "2024-03-13T04:00"),
        ("The talks ended at 10 at night.", "10 at night", "2024-03-13T22:00"),
        ("The bell rang at 9 o'clock.", "9 o'clock", "2024-03-13T09:00"),
        ("The day before last Tuesday's hearing, the lawyers met.", "The day before last Tuesday",
         "2024-03-11"),
        ("The ship docked the day after March 3.", "the day after March 3", "2024-03-04"),
        ("The day after Labor Day, he returned to work.", "The day after Labor Day", "2023-09-05"),
        ("The envoys left the day before yesterday.", "the day before yesterday", "2024-03-11"),
        ("The envoys will leave the day after tomorrow.", "the day after tomorrow", "2024-03-15"),
        ("The bell rang at 9 o\u2019clock.", "9 o\u2019clock", "2024-03-13T09:00"),
    ],
)
def test_clock_hours_in_words_and_days_next_to_a_named_day(text, expr, expected):
    assert value_of(text, expr) == expected


def test_a_count_in_the_morning_is_no_clock_time():
    assert "4 in the morning" not in values("Shares rose 4 in the morning session.")


@pytest.mark.parametrize(
    "text",
    [
        "A second child is being treated in hospital.",  # the ordinal, not a second of time
        "Thousands spent a second night in the open.",
        "Wheat futures closed at $5.1625 a bushel.",  # the decimals of a price, no year
        "The quake struck at 1653 local time.",  # a 24-hour clock time, no year
        "Mourners recalled the past tragedies of the town.",  # "the past" as an adjective
        "The vote will shape the future generations of the party.",
    ],
)
def test_look_alikes_are_not_time_expressions(text):
    assert values(text) == {}


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Cleaners earn $15 an hour.", "an hour", "PT1H"),
        ("Cleaners earn $15 per hour.", "per hour", "PT1H"),
        ("Buses leave every hour.", "every hour", "PT1H"),
        ("It took a second or two.", "a second", "PT1S"),
    ],
)
def test_rates_of_time_units_are_written_with_t(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The 2004 Boxing Day tsunami hit the coast.", "2004 Boxing Day", "2004-12-26"),
        ("He wiped his eye five minutes later.", "five minutes later", "PT5M"),
        ("Two hours earlier, the ship had left port.", "Two hours earlier", "PT2H"),
    ],
)
def test_holidays_of_a_year_and_short_stretches_after_an_event(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Output should recover in the first half of next year.", "the first half of next year", "2025-H1"),
        ("Sales fell in the fourth quarter of last year.", "the fourth quarter of last year", "2023-Q4"),
        ("Costs rose in the second quarter of this year.", "the second quarter of this year", "2024-Q2"),
        ("The plant closed in the third quarter of the previous fiscal year.",
         "the third quarter of the previous fiscal year", "2023-Q3"),
        ("Growth will slow in the second half of the year.", "the second half of the year", "2024-H2"),
    ],
)
def test_parts_of_a_year_named_from_the_anchor_are_one_expression(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The board meets every six months.", "every six months", "P6M"),
        ("The newsletter comes out every other week.", "every other week", "P2W"),
        ("Elections are held every four years.", "every four years", "P4Y"),
        ("Inspectors visit each week.", "each week", "P1W"),
    ],
)
def test_every_stretch_of_units_is_a_set_of_that_period(text, expr, expected):
    assert values(text)[expr] == (expected, "SET")


def test_offsets_from_today_count_from_publication():
    assert value_of("The ballot closes two days from today.", "two days from today") == "2024-03-15"


def test_later_with_no_date_named_before_is_a_stretch_not_a_future_date():
    # "later" than an event the text does not date: counting from publication would put a
    # reported past in the future
    assert values("Two days later, the minister resigned.")["Two days later"] == ("P2D", "DURATION")
    assert value_of("Talks began on March 3. Two days later, the minister resigned.", "Two days later") == "2024-03-05"


def test_memoised_resolutions_keep_their_anchor():
    """Resolvers memoise what they work out per anchor day (inference resolves every undated
    article of a story on the same candidate days): the date just mentioned and the
    publication date may be the same day, and each keeps its own reading."""
    from newstrail.timex.resolve import resolve_all

    def readings(text: str, dct: str) -> dict[str, tuple[str, str]]:
        return {text[s:e]: (value, how) for s, e, value, _, how in resolve_all(text, dct)}

    after_date = readings("Talks ended on March 3. The following week, they met.", DCT)
    no_date = readings("The following week, they met.", "2024-03-03")
    assert after_date["The following week"][0] == no_date["The following week"][0] == "2024-W10"
    assert "the date just mentioned 2024-03-03" in after_date["The following week"][1]
    assert "publication date 2024-03-03" in no_date["The following week"][1]


def test_resolution_does_not_depend_on_what_was_resolved_before():
    """A value is a function of the text and its anchor alone, whatever the memoised
    resolvers saw before: resolving in the reverse order gives the same expressions."""
    texts = ["Talks ended on March 3. The following week, the envoys met on Monday and again on the 20th.",
             "The envoys will meet next week and on Monday; last weekend they met on the 5th.",
             "On Friday evening the ministers met. The next day, they signed. Last month, on March 1, they had met."]
    days = ["2024-03-13", "2024-03-17", "2024-04-02", "2024-03-03"]
    first = {(t, d): time_expressions(t, d) for t in texts for d in days}
    again = {(t, d): time_expressions(t, d) for d in reversed(days) for t in reversed(texts)}
    assert first == again
    assert value_of(texts[1], "Monday", dct="2024-03-13") == "2024-03-18"
    assert value_of(texts[1], "Monday", dct="2024-03-17") == "2024-03-18"
    assert value_of(texts[0], "Monday", dct="2024-03-13") == "2024-03-11"


def test_a_frequency_word_inside_a_statistic_is_no_set():
    # "average daily output" is output per day, a unit of measure, not a recurring time
    assert values("Norland's average daily output of grain rose to 40 tonnes.") == {}
    assert values("The Estovia ferry sails daily to the islands.")["daily"] == ("P1D", "SET")


def test_recently_before_a_date_leaves_the_date_alone():
    found = values("Kaller's office was raided twice, most recently last October, aides said.")
    assert found == {"last October": ("2023-10", "DATE")}


def test_tomorrow_of_a_generic_noun_is_the_future():
    assert value_of("Minister Kaller said the engineers of tomorrow will train in Estovia.",
                    "tomorrow") == "FUTURE_REF"
    assert value_of("The outcome of tomorrow's vote in Norland is open.", "tomorrow") == "2024-03-14"


def test_two_quarters_of_a_year_are_its_half():
    found = values("Estovian mills see weak demand in the first two quarters of 2025.")
    assert found["the first two quarters of 2025"] == ("2025-H1", "DATE")
    assert value_of("Orders should recover in the last two quarters of next year.",
                    "the last two quarters of next year") == "2025-H2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quarter that ended July 31 runs May to July: mostly the second calendar quarter
        ("In the quarter ended July 31, Kaller Tools had 3 million shares out.", "2023-Q2"),
        ("Norland Rail said revenue grew in the quarter ended Feb. 29.", "2024-Q1"),
        ("The mill expects a loss for the quarter ending June 30.", "2024-Q2"),
    ],
)
def test_the_quarter_ended_on_a_day_is_the_quarter_it_mostly_covers(text, expected):
    assert value_of(text, "the quarter") == expected


def test_a_day_after_a_month_is_a_day_of_that_month():
    text = "The envoy from Estovia left last October. His office was closed that same day."
    found = values(text)
    assert found["last October"][0] == "2023-10"
    assert found["that same day"][0] == "2023-10-XX"


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Kaller Tools said sales for this year's second quarter fell.", "this year's second quarter", "2024-Q2"),
        ("Norland Rail booked last year's fourth-quarter gain twice.", "last year's fourth-quarter", "2023-Q4"),
    ],
)
def test_a_quarter_of_a_relative_year_is_one_expression(text, expr, expected):
    assert values(text)[expr] == (expected, "DATE")


def test_march_of_a_name_is_a_procession_not_the_month():
    assert values("Thousands joined the March of the Estovian Farmers on Sunday.") == {
        "Sunday": ("2024-03-10", "DATE")}
    assert value_of("Kaller retired in March of last year.", "March of last year") == "2023-03"


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The Norland festival opens on April fifth, organisers said.", "April fifth", "2024-04-05"),
        ("The treaty was signed on June twenty-first, 1997.", "June twenty-first, 1997", "1997-06-21"),
    ],
)
def test_days_said_as_ordinal_words(text, expr, expected):
    assert value_of(text, expr) == expected


def test_an_ordinal_word_before_a_noun_or_verb_is_no_day():
    assert values("In March the first train to Estovia ran empty.") == {"March": ("2024-03", "DATE")}


def test_that_year_and_the_following_year_count_from_the_year_just_named():
    found = values("Kaller founded the Norland mill in 1985. That year, it lost money. "
                   "The following year it hired 40 people.")
    assert found["That year"][0] == "1985"
    assert found["The following year"][0] == "1986"
    assert value_of("Estovia joined in June 2019. The following month, it left.", "The following month") == "2019-07"
    assert value_of("That year, the mill lost money.", "That year") == "2024"  # nothing named before


def test_the_unit_before_or_after_counts_from_the_time_just_named():
    found = values("The Estovian port reopened in 2019; the year before, it had lost its ferry.")
    assert found["the year before"] == ("2018", "DATE")
    assert value_of("Kaller resigned, and the month after, the council voted.", "the month after") == "2024-04"
    # before a noun phrase, "before" is a preposition: the year is counted from that event
    assert "the year before" not in values("Norland held talks the year before the vote.")


def test_over_the_years_is_a_stretch_of_unknown_length():
    assert values("Over the years, the Norland clinic trained hundreds of nurses.")["the years"] == ("PXY", "DURATION")
    assert values("Estovia's mills shrank through the decades.")["the decades"] == ("PXY", "DURATION")


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Kaller Tools earned more in the September quarter.", "the September quarter", "2023-Q3"),
        ("Norland Rail expects a loss in the June quarter.", "the June quarter", "2024-Q2"),
        ("Estovian banks lent less in the first half of fiscal 2023.", "the first half of fiscal 2023", "2023-H1"),
        ("For the year ended Sept. 30, Kaller Tools earned $4 million.", "the year", "2023"),
        ("The mill sees growth in the fiscal year ending June 30.", "the fiscal year", "2024"),
        ("Norland Rail's fiscal year ending March 31, 2025, looks weak.", "fiscal year", "2025"),
    ],
)
def test_fiscal_periods_named_by_their_last_month_or_day(text, expr, expected):
    assert value_of(text, expr) == expected


def test_vague_offsets_from_an_event_are_stretches():
    text = "Kaller's ferry sank in Estovia. Several days later, divers found it."
    assert values(text)["Several days later"] == ("PXD", "DURATION")
    assert values("Norland closed the border a few weeks ago.")["a few weeks ago"] == ("PAST_REF", "DATE")


def test_within_units_and_every_part_of_the_day():
    assert values("The Norland council replied within days.")["days"] == ("PXD", "DURATION")
    assert values("Minister Kaller swims every morning.")["every morning"] == ("XXXX-XX-XXTMO", "SET")


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The Estovia summit opens Saturday in the capital.", "Saturday", "2024-03-16"),
        ("The Estovia summit opened Saturday in the capital.", "Saturday", "2024-03-09"),
        ("Norland's fishing ban takes effect in February.", "February", "2025-02"),
        ("The run-off vote is in November, Kaller said.", "November", "2024-11"),
    ],
)
def test_scheduled_events_in_the_present_look_ahead(text, expr, expected):
    assert value_of(text, expr) == expected


def test_a_year_between_a_determiner_and_a_plural_noun_is_a_year():
    assert values("Kaller Tools restated its 2021 results.")["2021"] == ("2021", "DATE")
    assert values("About 1500 Estovian soldiers crossed the river.") == {}


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Kaller will visit Estovia in the first week of May.", "the first week of May", "2024-W18"),
        ("Norland's ports shut for the last week of December 2022.", "the last week of December 2022", "2022-W52"),
        ("The fair opens on the second weekend of June.", "the second weekend of June", "2024-W23-WE"),
    ],
)
def test_a_week_counted_within_a_month(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The Estovian border remains closed until Friday.", "Friday", "2024-03-15"),
        ("Kaller stayed in Norland until February.", "February", "2024-02"),
        ("Minister Kaller will stay in Norland until February.", "February", "2025-02"),
        ("The Norland lease runs through January.", "January", "2025-01"),
    ],
)
def test_until_follows_the_verb_and_looks_ahead_without_one(text, expr, expected):
    assert value_of(text, expr) == expected


def test_recently_stays_before_words_that_are_no_date():
    assert values("Kaller recently in an interview praised Estovia.")["recently"] == ("PAST_REF", "DATE")
    assert values("Norland's prices recently may have peaked.")["recently"] == ("PAST_REF", "DATE")


def test_of_tomorrow_after_a_word_of_time_is_the_day():
    assert value_of("Talks in Estovia go on ahead of tomorrow, Kaller said.", "tomorrow") == "2024-03-14"


def test_one_unit_long_as_an_adjective():
    assert values("Estovia ended a yearlong inquiry into the mills.")["yearlong"] == ("P1Y", "DURATION")
    assert values("Norland's decade-long dispute with Kaller is over.")["decade-long"] == ("P10Y", "DURATION")


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The Norland bonds would be repaid in five years, Kaller said.", "five years", ("2029", "DATE")),
        ("Minister Kaller will step down in two weeks.", "two weeks", ("2024-W13", "DATE")),
        ("The Estovia plant is expected to close in 18 months.", "18 months", ("2025-09", "DATE")),
        ("Estovia will see the first rise in ten years.", "ten years", ("P10Y", "DURATION")),
        ("Norland has not grown in five years.", "five years", ("P5Y", "DURATION")),
        ("The Kaller deal will be reviewed in the next two years.", "the next two years", ("P2Y", "DURATION")),
    ],
)
def test_in_a_count_of_units_after_a_future_verb_is_the_date_ahead(text, expr, expected):
    assert values(text)[expr] == expected


def test_until_then_and_by_then_are_the_date_just_named():
    text = "The Norland offer ends on April 30. Until then, Kaller said, shares stay frozen."
    assert values(text)["then"] == ("2024-04-30", "DATE")
    assert values("Kaller left Estovia in May 2019. By then the mills had closed.")["then"] == ("2019-05", "DATE")
    assert values("We waited for Kaller. Until then, nothing moved in Estovia.") == {}


def test_may_after_a_preposition_of_time_is_the_month():
    assert values("Kaller has led Norland since May.")["May"] == ("2023-05", "DATE")
    assert values("The Norland plant closed from May to July.")["May"] == ("2023-05", "DATE")
    assert values("The Norland mills may close, and May said no.") == {}
    assert values("A letter from May reached Minister Kaller.") == {}


def test_the_prior_and_the_preceding_unit_are_the_previous_one():
    assert value_of("Norland sales fell from the prior year.", "the prior year") == "2023"
    text = "Kaller joined Norland in 1985 and had left Estovia the preceding year."
    assert value_of(text, "the preceding year") == "1984"
    assert value_of("Estovian exports rose in the preceding month.", "the preceding month") == "2024-02"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kaller won the Norland vote last fall.", "1997-FA"),
        ("Estovia will hold its census next spring.", "1998-SP"),
        ("Norland's harvest failed last summer.", "1997-SU"),
    ],
)
def test_seasons_named_in_january_or_february_count_from_the_winter_under_way(text, expected):
    assert [v for _, _, v, _ in time_expressions(text, "1998-02-11")] == [expected]


def test_a_weekday_after_a_past_reporting_verb_dates_the_saying():
    text = "Minister Kaller said on Sunday that Norland would resume talks."
    assert value_of(text, "Sunday") == "2024-03-10"
    assert value_of("Estovia announced on Monday it will reopen the port.", "Monday") == "2024-03-11"


def test_that_night_is_the_part_of_the_day_just_named():
    text = "Kaller landed in Norland on March 3. That night, Estovian rebels attacked."
    assert values(text)["That night"] == ("2024-03-03TNI", "TIME")
    assert values("The Norland harbour was calm that night.") == {}


def test_moments_ago_and_as_recently_as_a_date():
    assert values("Kaller left the Norland talks a few moments ago.")["a few moments ago"] == ("PAST_REF", "DATE")
    assert values("Minister Kaller spoke a short time ago.")["a short time ago"] == ("PAST_REF", "DATE")
    assert values("Kaller was in Estovia as recently as last week.") == {"last week": ("2024-W10", "DATE")}


def test_an_ordinal_word_day_before_of_and_the_month():
    assert value_of("Norland's army left on the twentieth of January.", "the twentieth of January") == "2024-01-20"
    assert values("Kaller was the first of many Estovian envoys.") == {}


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The Norland parliament must decide by Friday.", "Friday", "2024-03-15"),
        ("Minister Kaller hopes to meet the Estovian envoy Friday.", "Friday", "2024-03-15"),
        ("Officials in Estovia expect the vote Tuesday.", "Tuesday", "2024-03-19"),
        ("Kaller may have left Norland on Friday.", "Friday", "2024-03-08"),
        ("On Friday, Kaller said Norland may strike.", "Friday", "2024-03-08"),
    ],
)
def test_modals_and_present_verbs_of_intent_look_ahead_for_what_follows(text, expr, expected):
    assert value_of(text, expr) == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Kaller arrives Sunday.", "Sunday", "2024-03-17"),
        ("The Norland council meets on Friday.", "Friday", "2024-03-15"),
        ("Estovia's tax returns Monday were late.", "Monday", "2024-03-11"),
        ("The votes Sunday were counted in Norland.", "Sunday", "2024-03-10"),
    ],
)
def test_a_subject_with_a_present_verb_of_moving_or_meeting_looks_ahead(text, expr, expected):
    assert value_of(text, expr) == expected


def test_years_earlier_or_later_count_from_the_year_just_named():
    text = "Estovia grew 3 percent in 1997, after 2 percent a year earlier."
    assert value_of(text, "a year earlier") == "1996"
    assert value_of("Kaller joined Norland in 1985 and became chairman two years later.", "two years later") == "1987"
    assert value_of("Norland output fell from a year ago and from a year earlier.", "a year earlier") == "2023"


def test_hyphenated_and_a_half_counts():
    assert values("Kaller waited two-and-a-half years in Norland.")["two-and-a-half years"] == ("P2Y6M", "DURATION")


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Kaller told reporters in Norland on Tuesday that the vote will be held.", "Tuesday", "2024-03-12"),
        ("Minister Kaller said in a statement Monday that he will resign.", "Monday", "2024-03-11"),
        ("In an interview Tuesday, Kaller said Norland will not yield.", "Tuesday", "2024-03-12"),
        ("Kaller said the Estovian talks would resume Friday.", "Friday", "2024-03-15"),
        ("Talks with Norland will resume on Thursday, an official said.", "Thursday", "2024-03-14"),
    ],
)
def test_the_occasion_of_a_past_saying_dates_the_saying(text, expr, expected):
    assert value_of(text, expr) == expected


def test_a_future_verb_coordinated_after_the_day_has_a_time_of_its_own():
    text = "Estovian police arrested three men Saturday and will charge them soon."
    assert value_of(text, "Saturday") == "2024-03-09"
    assert value_of("Talks on Monday and Tuesday will decide Norland's budget.", "Monday") == "2024-03-18"


def test_another_unit_is_one_more_unit():
    assert values("Minister Kaller stayed in Norland another year.")["another year"] == ("P1Y", "DURATION")


def test_a_plural_hundred_year_is_the_century():
    assert value_of("Norland's mills have stood since the 1800s.", "the 1800s") == "18"
    assert value_of("Estovia was poor in the 1940s.", "the 1940s") == "194"


def test_the_following_or_previous_weekday_counts_from_the_day_just_named():
    text = "The Estovian index fell on March 1 and rebounded the following Monday."
    assert value_of(text, "the following Monday") == "2024-03-04"
    text = "Kaller's envoy arrived on March 8; the previous Friday he had met the Norland cabinet."
    assert value_of(text, "the previous Friday") == "2024-03-01"
    assert value_of("Kaller will visit Norland the following Monday.", "the following Monday") == "2024-03-18"


def test_a_day_of_last_or_next_year_is_one_expression():
    assert values("Kaller resigned from Norland on Dec. 5 last year.")["Dec. 5 last year"] == ("2023-12-05", "DATE")
    assert value_of("Estovia will vote on March 5 of next year.", "March 5 of next year") == "2025-03-05"


def test_a_season_of_last_or_next_year_is_one_expression():
    assert values("Kaller left Norland in the spring of last year.")["the spring of last year"] == ("2023-SP", "DATE")


def test_fiscal_years_with_two_digits_or_fy_joined():
    assert values("Norland cut its fiscal '25 budget.")["fiscal '25"] == ("2025", "DATE")
    assert values("Estovia's sales in FY2023 rose.")["FY2023"] == ("2023", "DATE")


def test_the_month_may_is_no_modal_cue():
    assert value_of("In May Kaller visited Norland on Monday.", "Monday") == "2024-03-11"


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The Kaller hearing was postponed until Friday.", "Friday", "2024-03-15"),
        ("The Norland vote, which was delayed, is now set for Monday.", "Monday", "2024-03-18"),
        ("Kaller's trial in Estovia was moved to Tuesday.", "Tuesday", "2024-03-19"),
    ],
)
def test_a_meeting_put_off_or_fixed_to_a_day_looks_ahead(text, expr, expected):
    assert value_of(text, expr) == expected


def test_a_possessive_day_after_a_verb_of_intent_is_a_day_gone_by():
    assert value_of("Minister Kaller hopes to reverse Monday's decision.", "Monday") == "2024-03-11"


def test_a_unit_after_a_percentage_is_a_rate():
    assert values("Norland's exports grew 5% a year.")["a year"] == ("P1Y", "SET")


def test_part_of_day_before_a_weekday_resolves_like_the_weekday():
    """'in the morning, Monday' shares the weekday resolver without its 'the following' group."""
    found = time_expressions("Troops left the square in the morning, Monday the ministry said.", "2030-01-16")
    assert [v for _, _, v, _ in found] == ["2030-01-14TMO"]


_GATE_TEXTS = [
    "Minister Kaller left Estovia three weeks ago and came back the following Monday.",
    "Norland's second-quarter output fell; in the first half of 2031 it grew every month.",
    "The Estovian council met on the 4th, a decade-long dispute ended this century, Nov. 9.",
    "Kaller said the pact would last for years, then spoke of the previous fiscal year.",
    "The Norland fleet sailed tomorrow morning at 6 p.m. local time, the ministry said.",
    "Talks in Estovia laſted two weeks and ended laſt Tueſday, a year ago.",  # long s: no gating
]


def test_rule_gates_hold_strings_every_match_holds():
    """A rule's gate names strings one of which each of its matches holds, read from its regex."""
    from newstrail.timex import grammar

    assert grammar._GATES["ago"] is not None and "ago" in grammar._GATES["ago"]
    assert grammar._GATES["century"] == ("century",)
    for text in _GATE_TEXTS[:-1]:
        for cand in grammar.candidates(text):
            gate = grammar._GATES[cand.rule]
            if gate is not None:
                assert any(s in text[cand.start:cand.end].lower() for s in gate), cand.rule


def test_gated_candidates_equal_ungated_ones(monkeypatch):
    """The gates only skip windows that cannot match: the candidates stay the same, in order."""
    from newstrail.timex import grammar

    gated = [[(c.start, c.end, c.rule) for c in grammar.candidates(t)] for t in _GATE_TEXTS]
    monkeypatch.setattr(grammar, "_GATES", dict.fromkeys(grammar._GATES))
    ungated = [[(c.start, c.end, c.rule) for c in grammar.candidates(t)] for t in _GATE_TEXTS]
    assert gated == ungated
    assert any(c.rule == "ago" for c in grammar.candidates(_GATE_TEXTS[-1]))  # "ago" after the long s
    assert not grammar._gateable(_GATE_TEXTS[-1], _GATE_TEXTS[-1].lower())


def test_head_scan_reads_words_after_a_number_ending_as_before():
    """Short words are stepped over, and a word glued to a number still starts after its ending."""
    from newstrail.timex import grammar

    assert grammar._windows("Kaller of Norland, 1990snow")["deictic"]  # "1990s" then "now"
    assert not grammar._windows("Estovia code 2sthen")["then"]  # "2st" then "hen"
    assert grammar._windows("Kaller in Norland on a 5may")["month"]  # "5" then "may"
    assert not grammar._windows("Kaller is in Norland at an inn")["month"]
