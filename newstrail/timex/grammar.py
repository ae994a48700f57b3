"""The grammar: vocabulary, named regex fragments, the rules, and candidate matches.

Rules are written with ``{FRAGMENT}`` names (``{MONTH}``, ``{NUM}``, ``{UNIT}`` …) so that one
word list feeds every pattern; each rule also names the kinds of head word it needs, so it only
runs in small windows around those words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..needles import required_strings


# --------------------------------------------------------------------------- vocabulary

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "january jan", "february feb", "march mar", "april apr", "may", "june jun",
        "july jul", "august aug", "september sep sept", "october oct", "november nov",
        "december dec",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _i

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "couple of": 2, "half a": 0.5, "half an": 0.5, "a half": 0.5, "one and a half": 1.5,
    # "a quarter century" (P25Y), "a quarter of an hour" (PT15M): NUM is only read before a unit
    "a quarter": 0.25, "a quarter of a": 0.25, "a quarter of an": 0.25, "three quarters of a": 0.75,
    "three quarters of an": 0.75,
}
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "numerous", "a number of", "dozens of")

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3,
    "4th": 4,
}

# Days of the month said as ordinal words, as broadcast transcripts write them ("March eighth").
_ORDINAL_UNITS = ("first second third fourth fifth sixth seventh eighth ninth").split()
DAY_ORDINALS: dict[str, int] = {w: n for w, n in ORDINALS.items() if w.isalpha()}
DAY_ORDINALS.update({f"{tens}-{unit}": base + i for tens, base in (("twenty", 20), ("thirty", 30))
                     for i, unit in enumerate(_ORDINAL_UNITS, start=1) if base + i <= 31})
DAY_ORDINALS.update({"twentieth": 20, "thirtieth": 30})

# unit word -> (TIMEX3 duration letter, whether it is a time unit (PT…), multiplier)
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("DE", False, 1), "century": ("CE", False, 1),
    "centurie": ("CE", False, 1),
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

# Years said in words, as broadcast transcripts write them ("nineteen ninety-four", "two thousand").
_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
YEAR_WORDS = (
    r"(?:(?:seventeen|eighteen|nineteen)[\s-]+(?:hundred|(?:" + "|".join(_TENS) + r")(?:[\s-]+(?:"
    + "|".join(_ONES) + r"))?|" + "|".join(_TEENS) + r"|oh[\s-]+(?:" + "|".join(_ONES) + r"))"
    + r"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:" + "|".join(_TEENS + _ONES) + r"))?)"
)


def year_number(word: str) -> int:
    """The year a written year stands for: "1994" or "nineteen ninety-four" -> 1994."""
    w = re.sub(r"[\s-]+", " ", word.lower().strip())
    if w.isdigit():
        return int(w)
    parts = [p for p in w.split() if p != "and"]
    if parts[:2] == ["two", "thousand"]:
        rest = parts[2:]
        return 2000 + (NUMBERS[rest[0]] if rest else 0)
    century = NUMBERS[parts[0]] * 100
    rest = [p for p in parts[1:] if p not in ("hundred", "oh")]
    return century + sum(int(NUMBERS[p]) for p in rest)


# --------------------------------------------------------------------------- grammar fragments


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so prefixes never win."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    if not items:
        raise ValueError("empty alternation")
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_NUMWORD = _alt(k for k in NUMBERS if k not in ("a", "an"))
# The hours of a clock said in words ("eight o'clock", "ten in the evening"), as quotes and transcripts say them.
HOUR_WORDS = {w: NUMBERS[w] for w in _ONES + ["ten", "eleven", "twelve"]}
F: dict[str, str] = {
    "MONTH": r"(?:" + _alt(k for k in MONTHS if len(k) > 3 or k == "may") + r"|"
    + _alt(k for k in MONTHS if len(k) <= 4 and k != "may") + r"\.?)",
    "WEEKDAY": _alt(k for k in WEEKDAYS if len(k) > 4),
    "DAY": r"(?:3[01]|[12]\d|0?[1-9])",
    "DAYWORD": _alt(DAY_ORDINALS).replace("\\-", "[\\s-]"),
    "DAYTH": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)",
    "YEAR": r"(?:1[6-9]\d\d|20\d\d|" + YEAR_WORDS + ")",
    # Before a year: ", " or a space, and " , " of tokenised text (corpora and PDF exports
    # split the comma off: "May 1 , 2001"), which otherwise left the year out of the date.
    "YSEP": r"(?:\s?,\s*|\s+)",
    # "5 1/2", "two and a half", "two-and-a-half": mixed numbers, common in US news ("2 1/2 hours")
    # "1,500 years": the thousands separator keeps the whole number (not "500 years")
    "NUM": r"(?:\d+(?:\.\d+)?(?:\s+[13]/[24])?|\d{1,3}(?:,\d{3})+(?!\d)|(?:\d+|" + _NUMWORD + r")[\s-]+and[\s-]+a[\s-]+half|"
    + _NUMWORD + r"(?:[\s-]+(?:" + _NUMWORD + r"))?|a|an|"
    + _alt(VAGUE_NUMBERS) + r")",
    "UNIT": r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))",
    "ORDQ": r"(?:first|second|third|fourth|1st|2nd|3rd|4th)",
    "SEASON": _alt(SEASONS),
    "PART": _alt(k for k in PARTS_OF_DAY if k != "tonight"),
    "REL": r"(?:last|next|this|past|coming|previous|following|current|upcoming|same|that)",
    "MOD": r"(?:early|earlier|late|later|mid|middle|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end|start)",
    # Only words that carry a TIMEX3 mod (APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE …) belong to
    # the extent; "only", "just", "barely" and "over" ("over three years": during) carry none and
    # stay outside (dev half: "only" 0 of 3 inside, "over" 0 of 17).
    "APPROX": r"(?:about|around|nearly|almost|roughly|approximately|some|no\s+more\s+than|more\s+than|less\s+than|under|at\s+least|at\s+most|up\s+to|a\s+full)",
    # "7.45pm": British news writes the minutes after a dot
    "CLOCK": r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|"
    # "8 o'clock in the evening", "eight o'clock": an hour said with o'clock keeps the part of the day after it
    r"(?:1[0-2]|0?[1-9]|" + _alt(HOUR_WORDS) + r")(?::[0-5]\d)?\s+(?:o['\u2019]clock(?:\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?|"
    r"in\s+the\s+(?:morning|afternoon|evening)|at\s+night)|"
    r"(?:[01]?\d|2[0-3]):[0-5]\d|noon|midnight)",
    # "of next year", "of the previous fiscal year": a year named from the anchor, inside a larger expression
    "RELYEAR": r"(?P<rely>this|next|last|the\s+(?:current|coming|next|previous|prior|past|last))\s+(?:fiscal\s+)?year",
    "TZ": r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local\s+time))?",
    "HOLIDAY": r"(?:(?:Christmas|New\s+Year's|New\s+Year)\s+(?:Day|Eve)|Christmas|Thanksgiving(?:\s+Day)?|Election\s+Day|"
    r"Independence\s+Day|(?:the\s+)?Fourth\s+of\s+July|Halloween|Valentine's\s+Day|Labor\s+Day|"
    r"Memorial\s+Day|Veterans\s+Day|Boxing\s+Day|"
    # the feasts counted from Easter, and days named for the Thanksgiving weekend
    r"Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Palm\s+Sunday|Ash\s+Wednesday|(?:Maundy|Holy)\s+Thursday|"
    r"Holy\s+Saturday|Black\s+Friday|Cyber\s+Monday|"
    r"Mother['\u2019]s\s+Day|Father['\u2019]s\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|"
    r"Presidents['\u2019]?\s+Day|Columbus\s+Day|St\.?\s+Patrick['\u2019]s\s+Day)",
}


def _p(template: str) -> re.Pattern[str]:
    """Compile a pattern written with ``{FRAGMENT}`` names, bounded by word edges."""
    body = template
    for name, frag in F.items():
        body = body.replace("{" + name + "}", frag)
    return re.compile(r"(?<![\w$£€/])" + body + r"(?![\w/])", re.IGNORECASE)


# Rules: (name, pattern). Order is priority for equally long matches.
RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", _p(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?")),
    ("slash", _p(r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d\d)")),
    # "2:30 this morning", "yesterday evening at 6:30", "10 p.m. Tuesday night": a part of a day, with its hour
    ("clock", _p(r"(?:(?P<pre>(?:this|last|yesterday|tomorrow|{WEEKDAY})\s+{PART}|today|tonight|yesterday|tomorrow|{WEEKDAY})(?:\s+at)?,?\s+)?(?P<clock>{CLOCK}){TZ}"
                 r"(?:,?\s+(?:on\s+)?(?P<post>(?:this|last|yesterday|tomorrow|{WEEKDAY})\s+{PART}|today|tonight|yesterday|tomorrow|(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,\s+{YEAR})?|"
                 r"(?:{WEEKDAY},?\s+)?{DAY}(?:st|nd|rd|th)?\s+{MONTH}(?:{YSEP}{YEAR})?|{WEEKDAY}))?")),
    ("mdy", _p(r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mod>{MOD}[\s-]+)?(?P<month>{MONTH})\s+(?P<day>{DAY})(?:st|nd|rd|th)?(?:{YSEP}(?P<year>{YEAR}))?")),
    ("mdy_word", _p(r"""(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?:the\s+)?(?P<dayw>{DAYWORD})(?:{YSEP}(?P<year>{YEAR}))?"""
                    # "March the first time", "May first be told": an ordinal of the noun or verb after
                    r"(?!\s+(?!(?:at|in|on|and|or|to|of|when|through|until|before|after|for)\b)[a-z])")),
    ("mdy_pair", _p(r"(?P<month>{MONTH})\s+(?P<day>{DAY})(?:st|nd|rd|th)?(?:\s+(?:and|or|to|through)\s+|(?P<dash>\s?[-\u2013]\s?))(?P<day2>{DAY})(?:st|nd|rd|th)?(?!\s*(?:%|percent|per\b|[.,]\d|hundred|thousand|million|billion|days|weeks|years|people))(?:{YSEP}(?P<year>{YEAR}))?")),
    # "21-22 March", "3 and 4 May 2024": two days before their month, as British and international news write them
    ("dmy_pair", _p(r"(?P<day>{DAY})(?:st|nd|rd|th)?(?:\s+(?:and|or|to)\s+|(?P<dash>\s?[-\u2013]\s?))(?P<day2>{DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})(?:{YSEP}(?P<year>{YEAR}))?")),
    ("dmy", _p(r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})(?:{YSEP}(?P<year>{YEAR}))?")),
    # "the twentieth of January": a day said as an ordinal word before its month, as transcripts write it
    ("dmy_word", _p(r"the\s+(?P<dayw>{DAYWORD})\s+of\s+(?P<month>{MONTH})(?:{YSEP}(?P<year>{YEAR}))?")),
    # "the first week of March", "the last weekend of June 2021": a week counted within a month
    ("week_of_month", _p(r"the\s+(?P<ord>first|second|third|fourth|last|final)\s+(?P<unit>week|weekend)\s+of\s+(?P<month>{MONTH})(?:{YSEP}(?P<year>{YEAR}))?")),
    ("week_of", _p(r"the\s+(?P<unit>week|weekend)\s+of\s+(?P<month>{MONTH})\s+(?P<day>{DAY})(?:st|nd|rd|th)?(?:{YSEP}(?P<year>{YEAR}))?")),
    ("month_year", _p(r"(?P<mod>{MOD}[\s-]+)?(?P<month>{MONTH}){YSEP}(?:of\s+)?(?P<year>{YEAR})")),
    # "in May and June of 1998": the year named after the second month is the first's too
    ("month_pair_year", _p(r"(?P<mod>(?:{MOD}|in)[\s-]+)?(?P<month>{MONTH})(?=,?\s+(?:and|or|to|through)\s+{MONTH}{YSEP}(?:of\s+)?(?P<year>{YEAR})\b)")),
    # "Dec. 5 last year", "March 5 of next year": a day of a year named from the anchor, one expression
    ("mdy_rel_year", _p(r"(?P<month>{MONTH})\s+(?P<day>{DAY})(?:st|nd|rd|th)?,?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")),
    ("month_rel_year", _p(r"(?P<month>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")),
    ("rel_month", _p(r"(?P<mod>{MOD}[\s-]+)?(?P<rel>last|next|this|past|coming)\s+(?P<month>{MONTH})(?!\s+{DAY}\b)")),
    ("month", _p(r"(?P<mod>(?:{MOD}|in)[\s-]+)?(?P<month>{MONTH})")),
    ("decade", _p(r"(?:the\s+)?(?P<mod>(?:early|mid|late)[\s-]+)?(?:(?P<dec>1[6-9]\d0|20[0-2]0|'\d0)'?s|(?:(?P<cent>seventeen|eighteen|nineteen)[\s-]+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))")),
    ("century", _p(r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + _alt(ORDINALS) + r")[\s-]+century")),
    ("this_century", _p(r"(?P<rel>this|last|next|the\s+past|the\s+last)\s+century")),
    ("quarter", _p(r"(?:the\s+)?(?P<ord>{ORDQ})[\s-]+(?:fiscal[\s-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR})|{YSEP}(?P<year2>{YEAR})|\s+of\s+{RELYEAR})?")),
    ("rel_quarter", _p(r"(?:the\s+)?(?:(?P<rel>latest|last|past|current|this|that|next|coming|previous|prior|same|year-ago|year-earlier|prior-year|fiscal)[\s-]+quarter|(?P<prel>latest|year-ago|year-earlier)\s+period)")),
    ("the_quarter", _p(r"the\s+quarter")),
    # "Q3", "Q4 2023", "H1 2024": a quarter or half by its abbreviation, as business news writes it
    # (upper case only: the letter and digit in lower case are no such thing)
    ("period_abbr", _p(r"(?-i:(?:Q(?P<q>[1-4])|H(?P<h>[12])))(?:\s+(?:(?-i:FY)\s*)?(?P<year>(?:19|20)\d\d))?(?!-)")),
    # "the September quarter": a (fiscal) quarter named by the month it ends in
    ("month_quarter", _p(r"the\s+(?P<month>{MONTH})[\s-]+(?:fiscal\s+)?quarter")),
    # "this year's third quarter", "last year's fourth quarter": one quarter of a year named from the anchor
    ("rel_year_quarter", _p(r"{RELYEAR}'s\s+(?:fiscal\s+)?(?P<ord>{ORDQ})[\s-]+(?:fiscal[\s-]+)?quarter")),
    ("year_quarter", _p(r"(?:the\s+)?(?P<year>{YEAR})(?:'s)?\s+(?:(?P<ord>{ORDQ})[\s-]+)?(?:fiscal\s+)?(?:quarter|period)")),
    ("half", _p(r"(?:(?P<year0>{YEAR})'s\s+|the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:the\s+year|{RELYEAR}|(?:fiscal\s+)?(?P<year>{YEAR})|the\s+(?P<dec>'\d0|1[6-9]\d0)s))?")),
    # "the first two quarters of 1990": a half year named by its quarters
    ("two_quarters", _p(r"(?:{APPROX}\s+)?(?:the\s+)?(?P<ord>first|last|final|second)\s+(?:two|2)\s+(?:fiscal\s+)?quarters\s+of\s+(?:(?P<year>{YEAR})|{RELYEAR}|the\s+year)")),
    # "fiscal 1990", "fiscal '90", "FY1990": a (fiscal) year; two digits only with the apostrophe
    ("fiscal_year", _p(r"(?:(?:fiscal(?:\s+year)?|FY|the\s+year|calendar)\s+|FY)(?:(?P<year>{YEAR})|'(?P<yy>\d\d))")),
    ("kind_year", _p(r"(?:(?:the|its|their|this|that)\s+)?(?:(?P<rel>last|next|current|previous|latest|coming|prior|past|same|new)\s+)?(?P<kind>fiscal|full|calendar|financial|tax)\s+year(?!\s+\d)")),
    ("year_end", _p(r"(?:around\s+)?(?:the\s+)?(?:(?P<year>{YEAR})\s+)?(?:(?:fiscal|calendar)\s+)?year(?:'s)?[\s-]end")),
    # "the crash of '87", "since '92": a year by its last two digits after an apostrophe
    ("short_year", _p(r"['\u2019](?P<yy>\d\d)(?![\d%'\u2019]|s\b)")),
    ("year", _p(r"(?P<mod>(?:early|mid|late|post|pre)[\s-]+|the\s+(?:end|beginning|start|middle|rest)\s+of\s+)?(?P<year>{YEAR})")),
    ("season", _p(r"(?:(?P<rel>this\s+past|this|last|next|past|coming|the|early|late|(?:the\s+)?(?:early|late))\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR})|\s+of\s+(?P<yrel>this|last|next)\s+year)?")),
    # "two years before, it had lost money": "before"/"after" closing the phrase is an adverb (as
    # "earlier"/"later" are); before a noun or clause it is a preposition, and the length is the expression
    ("ago", _p(r"(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+(?:now|today)|hence|back|(?:before|after)(?=\s*(?:[,.;:!?)]|$)))")),
    # "the following Monday", "the previous Friday": the weekday next to the date just named
    ("rel_weekday", _p(r"(?P<mod>(?:early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|past|coming)\s+|(?P<arel>the\s+(?:following|next|previous|preceding))\s+)?(?P<wd>{WEEKDAY})(?P<wpl>s)?(?:\s+(?P<part>{PART})(?P<ppl>s)?)?")),
    ("part_weekday", _p(r"(?P<part>{PART}),?\s+(?P<wd>{WEEKDAY})")),
    ("deictic_part", _p(r"(?P<mod>(?:early|late|earlier|later)\s+)?(?P<rel>this|yesterday|tomorrow|last|tonight)(?:\s+(?P<part>{PART}))?")),
    ("rel_unit", _p(r"(?P<mod>{MOD}\s+)?(?:(?:in|of)\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|previous|current|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+prior|the\s+preceding|the\s+current|the\s+following|the\s+same|that|the)\s+(?P<unit>weekend|week|month|year|decade)")),
    # "the past fortnight", "the next fortnight": two weeks back or ahead, no calendar unit of its own
    ("rel_fortnight", _p(r"(?:the\s+)?(?:past|last|next|coming|previous|following)\s+fortnight")),
    # "the year before", "the month after": the unit next to the time just told of
    ("unit_around", _p(r"the\s+(?P<unit>year|month|week)\s+(?P<ba>before|after|earlier|later)")),
    ("day_around", _p(r"the\s+day\s+(?P<ba>before|after)\s+(?:(?P<rel>last|next|this|past|coming)\s+(?P<wd>{WEEKDAY})|(?P<wd0>{WEEKDAY})|(?P<hol>{HOLIDAY})|(?P<month>{MONTH})\s+(?P<day>{DAY})(?:st|nd|rd|th)?(?:{YSEP}(?P<year>{YEAR}))?)")),
    ("anaphor_day", _p(r"(?:(?:the|that)\s+(?P<rel>same|next|following|previous|preceding|prior)\s+(?P<unit>day|morning|evening|night|afternoon)|(?P<that>that\s+(?P<tunit>day|morning|evening|night|afternoon))|the\s+day\s+(?P<ba>before|after)(?:\s+(?P<yt>yesterday|tomorrow))?|the\s+eve|(?P<inday>(?:(?<=later\sin\s)|(?<=earlier\sin\s))the\s+day))")),
    ("ordinal_day", _p(r"(?:the\s+)?(?P<day>{DAYTH})(?=\s*(?:[,.;:!?)]|$|local\s+time|and\b|at\b|in\b|when\b|that\b|as\b|of\s+(?:this|last|next|the)\s+month|of\s+the\s+month|to\s+the\s+(?:\d|[a-z]+th)|\s+-))")),
    ("deictic", _p(r"(?:(?:late|early|earlier|later)\s+(?=today|yesterday|tomorrow))?(?:today|tonight|yesterday|tomorrow|now|currently|current|nowadays|presently|at\s+present|the\s+present|recently|lately|previously|formerly|the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+recent\s+past|soon|shortly|earlier|recent|future|once|so\s+far|to\s+date|these\s+days|this\s+time|(?:a\s+few\s+)?moments\s+ago|a\s+(?:short\s+)?while\s+ago|a\s+short\s+time\s+ago|the\s+moment|a\s+later\s+date|immediately|already|in\s+time|later)")),
    ("recent_units", _p(r"(?P<rel>recent|past|coming|next|last|many|several|few|the\s+past|the\s+coming|the\s+next|the\s+last|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming\s+few|in\s+recent)\s+(?P<unit>{UNIT})s(?:\s+(?:and|or)\s+{UNIT}s)?")),
    ("extra_unit", _p(r"an?\s+(?:additional|extra|further)\s+(?P<unit>{UNIT})(?!s)")),
    ("units_ahead", _p(r"the\s+(?:(?:next|coming)\s+)?(?:few\s+)?(?P<unit>{UNIT})s\s+ahead")),
    ("holiday", _p(r"(?:(?P<rel>this|last|next|this\s+past|the\s+coming)\s+|(?P<year0>1[6-9]\d\d|20\d\d)\s+)?(?P<name>{HOLIDAY})(?:{YSEP}(?P<year>{YEAR})|(?P<wkend>\s+(?:holiday\s+)?weekend))?")),
    ("year_ago", _p(r"(?:the\s+(?:comparable\s+|corresponding\s+|same\s+)?)?(?P<which>year|month|week|quarter)[\s-]+(?:ago|earlier)(?:\s+(?P<what>period|quarter)|\s+(?P<num>{NUM})[\s-]+(?P<unit>month|week|year)s?)?")),
    ("period_last_year", _p(r"(?:the\s+(?:(?:comparable|corresponding|same)\s+)?(?:period|quarter)\s+(?:of\s+)?(?:last|the\s+previous|the\s+prior)\s+year|last\s+year's\s+(?:quarter|period))")),
    ("duration", _p(r"(?:(?P<approx>{APPROX})\s+)?(?:the\s+|an?\s+(?=(?:additional|extra|further)\s+(?:{NUM})))?(?:(?P<rel>first|past|last|next|latest|coming|previous|following|final|remaining|full|entire|whole|initial|same|other|additional|extra|further)\s+)?(?P<num>{NUM}|another)(?:\s+(?:or|to)\s+(?P<num2>{NUM}))?(?:\s+more)?[\s-]+(?:(?:trading|business|working)\s+)?(?P<unit>{UNIT})(?P<pl>s)?(?!-old)(?:-long)?(?P<half>\s+and\s+a\s+half)?(?:\s+(?P<per>a|per|each)\s+(?P<unit2>{UNIT}))?")),
    ("set", _p(r"(?:(?P<word>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly|semiannually|annual)|(?P<every>every|each|per)\s+(?:(?P<other>other)\s+|(?P<num>{NUM})\s+(?=\w+s\b))?(?P<unit>{UNIT}|{WEEKDAY}|{SEASON}|{PART})(?(num)s))")),
    # "weeks or months": one stretch of unknown length, named by its first unit
    ("plural_units", _p(r"(?P<unit>years|months|weeks|decades|days|hours|centuries)(?:\s+(?:or|and)\s+(?:years|months|weeks|decades|days|hours|centuries))?(?:-long|(?=\s+(?:ago|earlier|later|of\b)|[,.;]))")),
    ("plural_for", _p(r"(?:(?<=for\s)|(?<=within\s))(?P<unit>years|months|weeks|decades|days|hours|centuries)(?:\s+(?:or|and)\s+(?:years|months|weeks|decades|days|hours|centuries))?")),
    # "until then", "by then": "then" names the time just told of, the end of a wait
    ("then_anaphor", _p(r"(?:(?<=until\s)|(?<=till\s)|(?<=by\s))then")),
    # "a yearlong inquiry", "the decade-long war": one unit's length as an adjective
    ("unit_long", _p(r"(?P<unit>day|week|month|year|decade)-?long")),
    # "over the years", "through the decades": a stretch of unknown length up to the time told of
    ("over_the_units", _p(r"(?:(?<=over\s)|(?<=through\s)|(?<=throughout\s))the\s+(?P<unit>years|months|decades|centuries)")),
]

# Words that, right after a bare year, show it is a count of things, not a year.
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\s|people|persons|troops|soldiers|men|women|children|workers|jobs|"
    r"shares|tons|tonnes|barrels|dollars|units|cars|miles|km|kilometers|meters|feet|acres|"
    r"votes|members|employees|students|pounds|marks|yen|euros?|points|homes|houses|beds|"
    r"-\d|\.\d|,\d{3}|"
    r"block\s+of\b|"  # "the 1900 block of Kessel Road": an address
    r"local\s+time|GMT|UTC|hours\b|hrs\b)",  # "struck at 1653 local time": a 24-hour clock time
    re.IGNORECASE,
)
# "$5.1625": the decimals of a price
# Numbered things ("Resolution 1973", "Section 2001", "Highway 1601") take their number from
# the same range as years.
_NOT_YEAR_BEFORE = re.compile(r"(?:[$£€#]|\bNo\.?|\bnumber|\bRoute|\bFlight|\bRoom|\bpage|\bp\.|"
                              r"\b(?:resolution|section|article|chapter|paragraph|clause|rule|suite|gate|"
                              r"platform|exit|highway|interstate|channel|item|appendix|annex|table|figure|fig\.))\s*$|\d\.$",
                              re.IGNORECASE)

# --------------------------------------------------------------------------- recognition


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    rule: str
    match: re.Match[str]


_PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}


# Every expression holds a head word or digit shape of one of these kinds, and each rule
# names the kinds it can be triggered by. One pass of the trigger pattern finds small windows
# around heads; each rule then runs only inside the windows of its own kinds. Running every
# rule over the whole text was ~6x slower (measured on TimeBank).
HEAD_KINDS = ("month", "weekday", "unit", "year", "digit", "deictic", "season", "part", "set", "holiday", "these",
              "then")


def _head_words() -> dict[str, str]:
    """Lower-cased word -> kind of head, for the one-pass word scan."""
    kinds: dict[str, str] = {}
    for kind, words in (
        ("month", MONTHS), ("weekday", [w for d in WEEKDAYS for w in (d, d + "s" if len(d) > 4 else d)]), ("season", SEASONS), ("part", PARTS_OF_DAY),
        ("unit", [u for w in UNITS for u in (w, w + "s")] + ["centuries", "weekend", "weekends", "half", "eve", "period",
                                                             "daylong", "weeklong", "monthlong", "yearlong"]),
        ("deictic", ["today", "tonight", "yesterday", "tomorrow", "now", "currently", "current", "nowadays",
                     "presently", "present", "recently", "lately", "previously", "formerly", "past", "future",
                     "soon", "recent", "later", "earlier", "nineties", "eighties", "seventies", "sixties",
                     "fifties", "forties", "thirties", "twenties", "ago"]),
        ("set", ["daily", "weekly", "monthly", "annually", "yearly", "biweekly", "semiannually", "quarterly",
                 "hourly", "nightly", "annual"]),
        ("digit", ["noon", "midnight", "clock"]),  # "clock" of "eight o'clock"
        ("year", ["seventeen", "eighteen", "nineteen", "thousand", "fiscal"]),  # "fiscal '90"
        ("these", ["these"]),  # "these days": a kind of its own, so only the deictic rule runs there
        ("then", ["then"]),  # "until then": a kind of its own, as common as "then" is elsewhere
        ("holiday", ["christmas", "thanksgiving", "halloween", "election", "independence", "labor", "memorial",
                     "veterans", "valentine", "boxing", "new", "fourth", "easter", "mother", "father", "luther",
                     "presidents", "columbus", "patrick"]),
    ):
        for w in words:
            kinds.setdefault(w, kind)
    return kinds


_HEAD_WORDS = _head_words()
# The tokens of the scan: runs of letters and numbers with an ordinal or plural ending. Runs of
# letters shorter than every head word ("a", "of", "in": 20% of the words of news) are not
# returned: the engine steps over them, sparing a lookup each. The runs it returns are the same
# as with no least length: a run still starts at its first letter or right after a number's
# ending ("1990snow"), which the scan has consumed, and a short run holds no longer one.
_SHORTEST_HEAD = min(map(len, _HEAD_WORDS))
_WORD = re.compile(r"[A-Za-z]{%d,}|\d+(?:st|nd|rd|th|s)?" % _SHORTEST_HEAD)
_CLOCK_AFTER = re.compile(r"[:/]\d|\s*[ap]\.?m\b|\s+(?:o['\u2019]clock|in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b",
                          re.IGNORECASE)


def _is_digit_head(text: str, m: re.Match[str]) -> bool:
    """A day ordinal ("10th"), a clock time ("5 p.m.", "10:30"), a date with slashes or the
    digit of a quarter or half ("Q3", "H1")."""
    w = m.group(0)
    if len(w) == 1 and m.start() > 0 and text[m.start() - 1] in "QH":
        return True
    if w[-1].isalpha():
        return len(w) <= 4 and not w.endswith("s")
    return len(w) <= 2 and _CLOCK_AFTER.match(text, m.end()) is not None
_YEAR_HEAD = re.compile(r"\d{4}s?|\d0s")


def _is_short_year(text: str, m: re.Match[str]) -> bool:
    """Two digits right after an apostrophe ("'87"): a year said by its decade and year."""
    return len(m.group(0)) == 2 and m.start() > 0 and text[m.start() - 1] in "'\u2019"
RULE_HEADS: dict[str, tuple[str, ...]] = {
    "iso": ("year",), "slash": ("digit",), "clock": ("digit", "part"), "mdy": ("month",), "mdy_word": ("month",), "mdy_pair": ("month",), "dmy_pair": ("month",), "dmy": ("month",), "dmy_word": ("month",),
    "week_of": ("month",), "week_of_month": ("month",), "month_year": ("month",), "month_pair_year": ("month",), "month_rel_year": ("month",), "mdy_rel_year": ("month",), "rel_month": ("month",), "month": ("month",), "decade": ("year", "deictic"),
    "century": ("unit",), "this_century": ("unit",), "quarter": ("unit",), "rel_quarter": ("unit",),
    "the_quarter": ("unit",), "period_abbr": ("digit",), "month_quarter": ("month",), "rel_year_quarter": ("unit",), "year_quarter": ("year",), "half": ("unit",), "two_quarters": ("unit",), "fiscal_year": ("year",), "year": ("year",), "short_year": ("year",), "year_end": ("unit",), "kind_year": ("unit",),
    "season": ("season",), "ago": ("unit",), "rel_weekday": ("weekday",), "part_weekday": ("weekday",),
    "deictic_part": ("deictic", "part"), "rel_unit": ("unit",), "anaphor_day": ("unit", "deictic", "part"), "day_around": ("weekday", "month", "holiday"), "unit_around": ("unit",), "rel_fortnight": ("unit",),
    "ordinal_day": ("digit",), "deictic": ("deictic", "these"), "recent_units": ("unit",), "extra_unit": ("unit",),
    "units_ahead": ("unit",), "holiday": ("holiday", "weekday"), "year_ago": ("unit",), "period_last_year": ("unit",),
    "duration": ("unit",), "set": ("set", "unit", "weekday", "season", "part"), "plural_units": ("unit",),
    "plural_for": ("unit",), "over_the_units": ("unit",), "unit_long": ("unit",), "then_anaphor": ("then",),
}
WINDOW_LEFT, WINDOW_RIGHT = 36, 30  # reach of the grammar around a head ("more than four decades ago")


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each kind of head: merged [start, end) ranges around its occurrences.

    A word scan with a dict lookup: a regex alternation of all head words was 10x slower.
    """
    out: dict[str, list[tuple[int, int]]] = {k: [] for k in HEAD_KINDS}
    n = len(text)
    heads = _HEAD_WORDS
    for m in _WORD.finditer(text):
        w = m.group(0)
        if w[0].isdigit():
            kind = "year" if _YEAR_HEAD.fullmatch(w) or _is_short_year(text, m) else \
                "digit" if _is_digit_head(text, m) else None
        else:
            kind = heads.get(w.lower())
        if kind is None:
            continue
        spans = out[kind]
        lo, hi = m.start() - WINDOW_LEFT, m.end() + WINDOW_RIGHT
        lo = lo if lo > 0 else 0
        hi = hi if hi < n else n
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return out


def _gate(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings one of which a rule's every match holds, looked for before the rule runs.

    The rules open with optional words and alternations, which the regex engine tries at every
    character of a window; looking for a literal word each match needs ("ago", "quarter",
    "centur") in the lower-cased window is several times cheaper, and a window without it cannot
    hold a match. None: no string worth the look ("a", "th" are in nearly every window).
    """
    best = required_strings(pattern.pattern)
    if not best:
        return None
    return tuple(w.lower() for w in best) if min(map(len, best)) >= 3 else None


_GATES = {name: _gate(pattern) for name, pattern in RULES}
# Characters the IGNORECASE rules match to an ASCII letter that ``str.lower`` does not turn into
# it (dotless i, dotted capital I, long s): in a text holding one, a gate could miss a match.
_FOLD_EXCEPTIONS = re.compile("[\u0131\u0130\u017f]")


def _gateable(text: str, low: str) -> bool:
    """Whether the lower-cased text shows every string a rule's match holds, at the same place."""
    return text.isascii() or (len(low) == len(text) and _FOLD_EXCEPTIONS.search(text) is None)


# Per kind of head, the places in RULES of the rules that read its windows.
_RULES_OF_KIND = {kind: frozenset(i for i, (name, _) in enumerate(RULES) if kind in RULE_HEADS[name])
                  for kind in HEAD_KINDS}


def candidates(text: str) -> list[_Match]:
    """Every match of every rule, longest first, then by rule priority and position."""
    cands: list[_Match] = []
    seen: set[tuple[int, int, str]] = set()
    low = text.lower()
    gated = _gateable(text, low)
    windows = {kind: [(lo, hi, low[lo:hi]) for lo, hi in spans] for kind, spans in _windows(text).items() if spans}
    # Only the rules with a window to read run, in RULES' order as before: a sentence holds one
    # or two kinds of head, and stepping through every rule for the rest was most of its cost.
    for i in sorted(set().union(*(_RULES_OF_KIND[kind] for kind in windows))):
        name, pattern = RULES[i]
        gate = _GATES[name] if gated else None
        for kind in RULE_HEADS[name]:
            for lo, hi, window in windows.get(kind, ()):
                if gate is not None and not any(map(window.__contains__, gate)):
                    continue  # the window lacks a string every match of the rule holds
                for m in pattern.finditer(text, lo, hi):
                    key = (m.start(), m.end(), name)
                    if m.end() > m.start() and key not in seen:
                        seen.add(key)
                        cands.append(_Match(m.start(), m.end(), name, m))
    cands.sort(key=lambda x: (-(x.end - x.start), _PRIORITY[x.rule], x.start))
    return cands
