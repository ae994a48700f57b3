"""Time-expression values and recognition rules of issue #5, on invented sentences."""

from __future__ import annotations

from newstrail.timex import time_expressions


def found(text: str, dct: str) -> dict[str, str]:
    """Expression text -> value."""
    return {text[s:e]: v for s, e, v, _ in time_expressions(text, dct)}


def test_adverb_opening_an_appositive_role_is_not_a_time() -> None:
    # like "former", "formerly"/"currently" before a role say when the role was held
    text = "Dana Morvik, formerly Estovia Telecom's finance chief, joined the board of Kessel Mining."
    assert "formerly" not in found(text, "2024-03-13")
    text = "Ilsa Varn, currently deputy minister of trade in Norland, will lead the delegation."
    assert "currently" not in found(text, "2024-03-13")


def test_adverb_timing_a_state_is_kept() -> None:
    text = "Kessel Mining, which currently holds a quarter of the Varrow shares, declined to comment."
    assert found(text, "2024-03-13").get("currently") == "PRESENT_REF"


def test_this_quarters_results_are_the_quarter_just_reported() -> None:
    text = ("Varrow Corp. lost $4 million in its third quarter, hurt by a strike in Estovia. "
            "This quarter's loss includes a $3 million charge for shutting the Kessel plant.")
    assert found(text, "2024-11-06")["This quarter"] == "2024-Q3"


def test_this_quarter_in_a_forecast_is_the_current_quarter() -> None:
    assert found("Varrow Corp. expects to break even this quarter.", "2024-11-06")["this quarter"] == "2024-Q4"
    text = "This quarter's results will be released in February, Minister Kaller said."
    assert found(text, "2024-11-06")["This quarter"] == "2024-Q4"


def test_temporal_clause_after_a_future_in_the_past_looks_ahead() -> None:
    # the past "reopened" only shifts back the reported "reopens": the Monday lies ahead
    text = "Brokers in Norland said pension funds were likely to sell the bonds once the exchange reopened Monday."
    assert found(text, "2024-03-13")["Monday"] == "2024-03-18"


def test_temporal_clause_in_a_past_narrative_stays_past() -> None:
    text = "Varrow shares slid in Estovia as soon as the exchange reopened Monday."
    assert found(text, "2024-03-13")["Monday"] == "2024-03-11"


def test_plain_present_of_a_plural_subject_schedules_ahead() -> None:
    # "resume", "open" said of a plural subject are the scheduled present, as "resumes" is
    text = "The tribunal ruled Monday that the levy stands, and its hearings resume Friday."
    values = found(text, "2024-03-13")
    assert values["Monday"] == "2024-03-11"
    assert values["Friday"] == "2024-03-15"
    assert found("Norland bourses open Thursday after the strike.", "2024-03-13")["Thursday"] == "2024-03-14"
    assert found("The Varrow hearings resumed Friday.", "2024-03-13")["Friday"] == "2024-03-08"
    # after a possessive the word is a noun, and the past verb before it dates the day
    assert found("Crowds in Norland celebrated his return Monday.", "2024-03-13")["Monday"] == "2024-03-11"


def test_holding_an_event_in_the_present_looks_ahead() -> None:
    assert found("Estovia holds regional elections Sunday.", "2024-03-13")["Sunday"] == "2024-03-17"
    assert found("Estovia held regional elections Sunday.", "2024-03-13")["Sunday"] == "2024-03-10"


def test_a_forecast_and_an_infinitive_are_no_past() -> None:
    # "hit" after "to" is the plain verb, not the past "hit"
    text = "The cold front over Norland is forecast to hit the coast Friday."
    assert found(text, "2024-03-13")["Friday"] == "2024-03-15"
    assert found("The cold front hit the coast Friday.", "2024-03-13")["Friday"] == "2024-03-08"


def test_a_number_after_the_year_names_it() -> None:
    # "end in the year" is no expression of its own when a number follows "the year"
    assert found("The Kessel lease will end in the year 2041.", "2024-03-13") == {"the year 2041": "2041"}


def test_the_verb_last_is_not_part_of_the_length() -> None:
    assert found("The Varrow inquiry is expected to last several months.", "2024-03-13") == {"several months": "PXM"}
    assert found("The Norland airlift will last nine days.", "2024-03-13") == {"nine days": "P9D"}
    # the adjective stays: "the last two weeks", "last year's level"
    assert found("Kessel output slid in the last two weeks.", "2024-03-13") == {"the last two weeks": "P2W"}
    assert found("Kessel output climbed back to last year's level.", "2024-03-13") == {"last year": "2023"}


def test_an_hour_with_a_part_of_a_day_is_one_time() -> None:
    assert found("The tremor shook Norland at 2:30 this morning.", "2024-03-13") == {
        "2:30 this morning": "2024-03-13T02:30"}
    # a bare hour of the evening or night is after noon; a.m./p.m. keep their own half
    assert found("Kaller phoned the envoy at 6:30 yesterday evening.", "2024-03-13") == {
        "6:30 yesterday evening": "2024-03-12T18:30"}
    assert found("The Kessel raid began at 9:45 last night.", "2024-03-13") == {
        "9:45 last night": "2024-03-12T21:45"}
    assert found("The Varrow blast came at 10:40 a.m. Tuesday morning.", "2024-03-13") == {
        "10:40 a.m. Tuesday morning": "2024-03-12T10:40"}


def test_a_decade_said_with_its_century() -> None:
    assert found("Kessel Mining grew fast in the nineteen sixties.", "1998-03-04") == {"the nineteen sixties": "196"}
    assert found("Varrow was founded in the late eighteen-nineties.", "1998-03-04") == {
        "the late eighteen-nineties": "189"}
    assert found("Minister Kaller is in his sixties.", "1998-03-04") == {}


def test_this_past_and_this_coming() -> None:
    # on a Wednesday, the coming weekend ends the same week; "this past week" is the last one
    assert found("This coming weekend, Norland votes on the levy.", "1998-03-04") == {
        "This coming weekend": "1998-W10-WE"}
    assert found("This past week, Varrow shares slid.", "1998-03-04") == {"This past week": "1998-W09"}
    assert found("Next weekend, Norland votes on the levy.", "1998-03-04") == {"Next weekend": "1998-W11-WE"}


def test_a_quarter_as_a_number_of_a_unit() -> None:
    assert found("Kessel Mining has dug at Varrow for a quarter century.", "1998-03-04") == {"a quarter century": "P25Y"}
    assert found("The Norland ferry docked a quarter century ago.", "1998-03-04") == {"a quarter century ago": "1973"}
    assert found("The count took a quarter of an hour.", "1998-03-04") == {"a quarter of an hour": "PT15M"}
    # a fourth of a measure is no time; a rate per quarter stays a set
    assert found("The Norland bank made a quarter-point cut.", "1998-03-04") == {}
    assert found("Kessel pays 10 cents a quarter to its holders.", "1998-03-04") == {"a quarter": "P1Q"}


def test_a_fraction_of_a_unit_ago_counts_in_the_smaller_unit() -> None:
    assert found("Two and a half years ago, the Varrow levee broke.", "1998-03-04") == {
        "Two and a half years ago": "1995-09"}


def test_a_weekday_paired_with_a_plural_is_a_set() -> None:
    text = "Two extra ferries will leave Norland on Monday and Tuesday nights."
    assert found(text, "2024-03-13") == {"Monday": "XXXX-WXX-1TNI", "Tuesday nights": "XXXX-WXX-2TNI"}
    # without the plural, the pair is two days
    assert found("The Kessel talks were held Monday and Tuesday.", "2024-03-13") == {
        "Monday": "2024-03-11", "Tuesday": "2024-03-12"}


def test_a_span_of_days_with_a_dash() -> None:
    # both days, with the year written after the second
    assert found("The Kessel fair ran March 3-5, 1997, near the harbour.", "1998-03-04") == {
        "March 3": "1997-03-03", "5, 1997": "1997-03-05"}
    # a smaller number after the dash is a score or a count, no day
    assert found("The March 3-2 vote on the Varrow levy passed.", "1998-03-04") == {"March 3": "1998-03-03"}


def test_a_year_by_its_last_two_digits() -> None:
    assert found("Norland has not been the same since the floods of '87.", "1998-03-04") == {"'87": "1987"}
    assert found("Kessel sales in '05 will double.", "1998-03-04") == {"'05": "2005"}
    # after a verb, the apostrophe may open a quotation
    assert found("Kaller said '96 was a good year for Norland.", "1998-03-04") == {}


def test_the_weekend_of_a_holiday() -> None:
    # Memorial Day 1998 was Monday May 25: its weekend is the one before, in ISO week 21;
    # Thanksgiving 1998 was Thursday Nov. 26: its weekend follows, in week 48
    assert found("Norland ferries were full over the Memorial Day weekend.", "1998-11-04") == {
        "Memorial Day weekend": "1998-W21-WE"}
    assert found("Kessel stores will open late over the Thanksgiving weekend.", "1998-11-04") == {
        "Thanksgiving weekend": "1998-W48-WE"}


def test_quarter_ended_on_a_day_with_its_year_is_that_years_quarter() -> None:
    # the year written after the end day names the quarter, far from the publication year too
    text = "Kessel Mining earned $2 million in the quarter ended June 30, 1991, its filing showed."
    assert found(text, "2024-03-13")["the quarter"] == "1991-Q2"
    text = "Varrow Corp. posted a $5 million loss for the third quarter ended Sept. 29, 1996."
    assert found(text, "2024-03-13")["the third quarter"] == "1996-Q3"


def test_quarter_ended_on_another_day_is_not_the_quarter_just_named() -> None:
    # the day it ended says which quarter; the quarter named before only gives the year when it agrees
    text = ("Norland Rail's fourth-quarter profit doubled. "
            "In the quarter ended June 30, Norland Rail had lost money.")
    assert found(text, "2024-03-13")["the quarter"] == "2023-Q2"
    text = ("Norland Rail earned $3 million in the third quarter. "
            "Revenue for the quarter ended Sept. 29 rose 4%.")
    assert found(text, "2024-03-13")["the quarter"] == "2023-Q3"


def test_through_a_weekday_ends_a_stretch_ahead_as_until_does() -> None:
    text = "Deputy Minister Ilsa Varn is in Estovia on a trade visit through Sunday."
    assert found(text, "2024-03-13")["Sunday"] == "2024-03-17"
    # a past verb near still says the stretch is over; a possessive makes it an event's day
    assert found("The Kessel fair ran through Sunday.", "2024-03-13")["Sunday"] == "2024-03-10"
    assert found("Varrow crews in Norland through Sunday's gale, officials added.", "2024-03-13")["Sunday"] == "2024-03-10"


def test_a_tense_cue_of_the_same_clause_beats_a_nearer_one_across_a_comma() -> None:
    # the relative clause plans the stoppage; the main clause's "met" is nearer but not its verb
    text = "The dockers' union, which plans to stop work Friday, met Varrow managers Monday."
    values = found(text, "2024-03-13")
    assert values["Friday"] == "2024-03-15"
    assert values["Monday"] == "2024-03-11"
    # a comma inside a number is no clause boundary
    assert found("Kessel shares rose to $1,240 Friday.", "2024-03-13")["Friday"] == "2024-03-08"


def test_the_early_or_small_hours_are_a_time_of_night_not_a_stretch_of_hours() -> None:
    values = found("Shells fell on Kessel in the early hours of Sunday, Norland's army said.", "2024-03-13")
    assert "hours" not in values
    assert values["Sunday"] == "2024-03-10"
    assert "hours" not in found("The Varrow talks ended in the small hours.", "2024-03-13")
    # a stretch of hours is still one
    assert found("The Varrow talks went on for hours.", "2024-03-13")["hours"] == "PTXH"


def test_the_end_of_a_unit_in_a_past_narrative_is_the_unit_of_the_date_told() -> None:
    text = "Floods hit Kessel on June 3, 2015. By the end of the week, 40 farms were under water."
    assert found(text, "2024-03-13")["the end of the week"] == "2015-W23"
    text = "In 1995, Varrow Corp. had 20 staff; by the end of the decade it had 500."
    assert found(text, "2024-03-13")["the end of the decade"] == "199"
    # a forecast keeps the writing's year
    text = "Floods hit Kessel on June 3, 2015. By the end of the year, Norland will rebuild the dams."
    assert found(text, "2024-03-13")["the end of the year"] == "2024"


def test_numbers_of_numbered_things_and_house_numbers_are_no_years() -> None:
    dct = "2024-03-13"
    assert "1973" not in found("The council cited Resolution 1973 in its Kessel statement.", dct)
    assert "2001" not in found("Fines rise under Section 2001 of the Norland code.", dct)
    assert "1600" not in found("Protesters gathered outside 1600 Varrow Avenue on Monday.", dct)
    assert "1900" not in found("Police were called to the 1900 block of Kessel Road.", dct)
    # after a preposition of time the year stays, whatever follows
    assert found("In 1990 Estovia Street was renamed.", dct)["1990"] == "1990"


def test_a_thousands_separator_keeps_the_whole_count() -> None:
    values = found("The Kessel drought lasted 1,200 days, and the dam stood for 2,500 years.", "2024-03-13")
    assert values["1,200 days"] == "P1200D"
    assert values["2,500 years"] == "P2500Y"


def test_weekday_and_frequency_words_in_a_title_are_no_time() -> None:
    dct = "2024-03-13"
    assert "Sunday" not in found("The Sunday Courier in Kessel first reported the sale.", dct)
    assert "Daily" not in found("Ilsa Varn wrote in the Daily Estovian that the levy would fall.", dct)
    # a weekday before a name after "on" is still the day
    assert found("On Monday Kaller Tools cut 300 jobs.", dct)["Monday"] == "2024-03-11"
    assert found("Varrow Corp. publishes its figures weekly.", dct)["weekly"] == "P1W"


def test_feasts_counted_from_easter_and_other_named_days() -> None:
    dct = "2024-03-13"  # Easter 2024 fell on March 31
    assert found("Kessel churches will hold vigils on Good Friday.", dct)["Good Friday"] == "2024-03-29"
    assert found("Varrow shops were shut on Easter Monday 2019.", dct)["Easter Monday 2019"] == "2019-04-22"
    assert found("Norland fasting began on Ash Wednesday.", dct)["Ash Wednesday"] == "2024-02-14"
    assert found("Kaller Tools sold out its stock before Mother's Day.", dct)["Mother's Day"] == "2023-05-14"
    assert found("Varrow stores opened at dawn on Black Friday.", dct)["Black Friday"] == "2023-11-24"
    # a name, no day: the peace deal, a crash remembered, a primary of moving date
    assert found("Norland's leaders praised the Good Friday Agreement.", dct) == {}
    assert "Monday" not in found("Kessel shares never recovered from Black Monday.", dct)
    assert "Tuesday" not in found("Ilsa Varn won eight states on Super Tuesday.", dct)
    # a bare "Easter" is a day only where a day is meant
    assert found("Estovia's talks stalled over Easter.", dct)["Easter"] == "2023-04-09"
    assert "Easter" not in found("Kessel bakers sold Easter cakes.", dct)


def test_units_before_or_after_closing_the_phrase_count_like_earlier_and_later() -> None:
    # "before"/"after" with nothing after them is an adverb: the time is counted from the date
    # just named, as with "earlier"/"later"
    text = "The Norland ferry sank on May 9. Inspectors had warned the owners three days before."
    assert found(text, "2024-06-01")["three days before"] == "2024-05-06"
    text = "Kessel Mining opened its smelter in 2015. Two years after, the river ran grey."
    assert found(text, "2024-06-01")["Two years after"] == "2017"
    # with no date named before, "after" is a stretch past an untimed event, as "later" is
    assert found("Two weeks after, the Estovian clinic reopened.", "2024-06-01")["Two weeks after"] == "P2W"
    # before a noun it is a preposition, and the length alone is the expression
    assert found("Three days before the vote, Ilsa Varn withdrew.", "2024-06-01")["Three days"] == "P3D"


def test_the_second_of_two_years_is_a_year_before_a_plural_noun() -> None:
    # "1988 sales" alone may be a count; joined to a year after a preposition of time it is a year
    text = "Between 2011 and 2014 exports of Estovian copper doubled, and from 2016 or 2017 prices fell."
    assert found(text, "2024-06-01") == {"2011": "2011", "2014": "2014", "2016": "2016", "2017": "2017"}
    text = "Between 2011 and 2014 shipments left the Kessel port."
    assert found(text, "2024-06-01").get("2014") == "2014"


def test_an_hour_said_with_o_clock_or_in_words() -> None:
    text = "The Kessel vigil began at 8 o'clock in the evening and the Estovian envoy left at eleven at night."
    times = found(text, "2024-06-01")
    assert times["8 o'clock in the evening"] == "2024-06-01T20:00"  # was 08:00: the part of the day was left out
    assert times["eleven at night"] == "2024-06-01T23:00"
    assert found("Ilsa Varn said the count would start at nine o'clock.", "2024-06-01")["nine o'clock"] == "2024-06-01T09:00"
    # a number word before "in the morning" is an hour only after a preposition of time
    assert found("The mayor read one in the morning edition.", "2024-06-01") == {}


def test_two_days_before_their_month_are_two_dates() -> None:
    text = "Norland's ministers meet in Kessel on 21-22 March, after talks on 3 and 4 February 2024."
    assert found(text, "2024-03-14") == {"21": "2024-03-21", "22 March": "2024-03-22",
                                         "3": "2024-02-03", "4 February 2024": "2024-02-04"}
    # a dash to a day not after the first is a score: only the date after it is read
    assert found("Estovia beat Norland 3-2 May 4 in the cup final.", "2024-05-06") == {"May 4": "2024-05-04"}


def test_a_clock_time_with_a_dot_before_the_minutes() -> None:
    text = "The Kessel ferry left at 9.15am and the last bus at 10.40 pm on Saturday."
    times = found(text, "2024-06-05")
    assert times["9.15am"] == "2024-06-05T09:15"
    assert times["10.40 pm on Saturday"] == "2024-06-01T22:40"
    assert found("Norland shares rose 2.45 points.", "2024-06-05") == {}


def test_a_quarter_or_half_by_its_abbreviation() -> None:
    text = "Kessel Mining's Q4 2023 sales fell, and in Q1 its revenue rose; H2 2023 was its weakest half."
    assert found(text, "2024-05-02") == {"Q4 2023": "2023-Q4", "Q1": "2024-Q1", "H2 2023": "2023-H2"}
    assert found("Norland Steel said H1 profit doubled.", "2024-09-10")["H1"] == "2024-H1"
    # a car model, hydrogen and a visa are no periods
    text = "The Estovian dealer sold the Audi Q3, green H2 output grew and H1 visa rules changed."
    assert found(text, "2024-05-02") == {}


def test_the_past_fortnight_is_a_stretch_of_two_weeks() -> None:
    # was read as "the past" (PAST_REF), the fortnight left out
    text = "Over the past fortnight, Kessel bakeries raised bread prices twice."
    assert found(text, "2024-06-05") == {"the past fortnight": "P2W"}


def test_a_future_weekday_told_from_a_day_named_before_it() -> None:
    # printed on Thursday 14 March, the envoy's plan was told on Monday: her Tuesday is the 12th,
    # not the Tuesday after publication
    text = "After Monday's round in Kessel, the envoy will fly to Varenia on Tuesday."
    assert found(text, "2024-03-14") == {"Monday": "2024-03-11", "Tuesday": "2024-03-12"}
    # a day after publication reads the same either way; the publication weekday stays that day
    text = "After Monday's round in Kessel, the envoy will fly to Varenia on Saturday and Thursday."
    assert found(text, "2024-03-14") == {"Monday": "2024-03-11", "Saturday": "2024-03-16", "Thursday": "2024-03-14"}
    # a day named in an earlier sentence tells nothing of this one's future
    text = "The round ended on Monday. The envoy will fly to Varenia on Tuesday."
    assert found(text, "2024-03-14")["Tuesday"] == "2024-03-19"


def test_an_offset_beyond_the_calendar_is_a_vague_past_or_future() -> None:
    # Python's dates stop at year 1 and 9999; these raised and took the article's dates down
    assert found("The Kessel ford was first crossed 2,500 years ago.", "2024-03-14") == {
        "2,500 years ago": "PAST_REF"}
    assert found("The Varenia glacier may be gone in 10,000 years from now.", "2024-03-14") == {
        "10,000 years from now": "FUTURE_REF"}
    assert found("Output rose in 1997, after a dip 2,500 years earlier.", "2024-03-14") == {
        "1997": "1997", "2,500 years earlier": "PAST_REF"}
