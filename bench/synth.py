"""Synthetic news corpus generator, for speed and scale benchmarks and tests.

    python bench/synth.py OUT_DIR --articles N [--seed S] [--format txt|jsonl] [--truth FILE]

It writes N invented articles (300-1,200 words each), grouped into stories. The articles of a
story share actors, places and vocabulary, and their dates fall within the story's span. The
articles carry the noise that scraped pages carry: date headers, navigation, repeated headlines,
captions, teaser blocks, comment prompts and "The post ... appeared first on ..." lines. About 5%
are duplicates, half exact copies and half near copies (rewritten headline, changed outlet, a
paragraph dropped or added). All of the text comes from the templates and word lists in this
file; none of it is real article text.

Output layout:
- ``txt``: ``OUT_DIR/NNNN/sNNNNNNN.txt``, at most 10,000 files per folder.
- ``jsonl``: ``OUT_DIR/part-NNNNN.jsonl``, 10,000 lines each. Each line holds
  ``id, url, title, published, outlet, text``; ``published`` is null for about 15% of articles.

``--truth FILE`` (``truth=`` in Python) also writes one JSON line per article:
``{"id", "path", "story", "published", "dup_of", "dup_kind"}``. It goes to a separate file,
not into OUT_DIR, so that it is never ingested as an article.

The output is a deterministic function of (n, seed, fmt). Articles are streamed: memory stays
flat for any N. Only a small window of recent articles is kept, as sources for duplicates.

Python: ``generate(out_dir, n, seed=0, fmt="txt") -> list[Path]`` returns the files written.
``iter_generate`` yields them one by one instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import Iterator

FILES_PER_DIR = 10_000
LINES_PER_SHARD = 10_000
DUP_RATE = 0.05  # half exact, half near
NO_DATE_RATE = 0.15
ARTICLES_PER_STORY = 40  # on average; stories are assigned with a skew, so sizes vary
RECENT_WINDOW = 256  # recent articles kept as duplicate sources
STORY_WINDOW = 64  # an article belongs to one of the last ~64 stories of the stream
EPOCH = dt.date(2030, 1, 6)  # first possible story start
EPOCH_DAYS = 730  # stories start within two years of EPOCH

# ---------------------------------------------------------------- word lists (all invented)

FIRST = (
    "Alden Bria Corvin Dagny Elio Fenna Gaspar Hedda Ivo Jorun Kasimir Liora Mattis Nadja Orrin "
    "Petrik Rasmus Signe Tobin Ulla Vesna Wendel Ysolde Zeno Anouk Bastian Celeste Dorian Elske "
    "Florin Greta Hamish Ilse Jarek Katrin Lukas Marit Nilo Odile Pavla Rune Saskia Teodor Una "
    "Valter Wilma Yannick Zora Ambrose Berit Casimir Delia Emeric Frida Gideon Halina Ingmar"
).split()
SUR_A = "Har Vel Mor Kast Brenn Tal Osk Lind Dra Sel Kor Mar Fen Ost Rav Stor Ul Gar Thal Zer Bel Cal Dun Esk Hol Jar Kel Lom Nor Pell Rud Sav Tor Vad Wyn".split()
SUR_B = "ek ova sen berg ski ani ard ich wald enko quist ez ley mont dal ovic ström ano ard is ek os ier ton".split()
PLACE_A = "Bren Kess Drav Selk Marrow Vell Ost Tarn Hald Corv Lum Rask Sorv Brak Elm Fjell Gran Hav Istr Jorv Kald Lyr Mend Nar Olm Pyr Quen Rhe".split()
PLACE_B = "ton burg vik gate holm grad ford stad mouth wick dorf hall mere bridge haven".split()
COUNTRY_B = "ia and ora avia mark enia esh ovia anda".split()
OUTLETS = (
    "The Kestrel Tribune", "Harbourline Post", "Northgate Chronicle", "Daily Lantern", "Meridian Wire",
    "The Plainfield Courier", "Riverside Ledger", "NewsFlash365", "The Evening Beacon", "Continental Digest",
    "Valley Herald", "WireWatch Today", "The Sentinel Review", "Coastline Gazette", "PulseFeed Daily",
    "The Morning Compass", "Granite City Times", "Bulletin Nine", "The Dispatch Journal", "Open Quay News",
)

# story kinds: the nouns and phrases a story of that kind uses
KINDS = {
    "talks": dict(
        orgs=("Foreign Ministry", "Interior Ministry", "Joint Commission", "Border Agency", "Water Authority"),
        roles=("foreign minister", "deputy foreign minister", "chief negotiator", "ministry spokeswoman",
               "government spokesman", "special envoy", "mediator"),
        topics=("the border crossing", "fishing rights", "the river dam", "transit fees", "the gas pipeline",
                "water quotas", "the customs union", "airspace access"),
        events=("a new round of talks", "a closed-door meeting", "a joint session", "a technical meeting",
                "a round of consultations", "a summit"),
        demands=("a written guarantee", "a binding timetable", "independent monitoring", "a share of the revenue",
                 "the withdrawal of new checkpoints", "compensation for losses", "a joint inspection regime"),
        verbs=("negotiate", "meet", "consult", "talk"),
    ),
    "strike": dict(
        orgs=("Transport Workers' Union", "Port Authority", "Employers' Federation", "Labour Mediation Office",
              "Dockers' Association"),
        roles=("union leader", "general secretary", "chief executive", "shop steward", "conciliator",
               "company spokeswoman", "labour minister"),
        topics=("pay", "automation", "shift patterns", "pensions", "safety rules", "overtime"),
        events=("a mass meeting", "a round of conciliation talks", "a ballot", "a walkout", "a picket",
                "an emergency meeting"),
        demands=("a pay rise", "a jobs guarantee", "a shorter working week", "the reinstatement of dismissed staff",
                 "a new safety inspection", "the withdrawal of the new rota"),
        verbs=("strike", "walk out", "negotiate", "meet"),
    ),
    "trial": dict(
        orgs=("District Court", "Medicines Agency", "Prosecutor's Office", "Patients' Association", "pharmaceutical firm"),
        roles=("prosecutor", "defence lawyer", "presiding judge", "chief executive", "agency spokesman",
               "expert witness", "health minister"),
        topics=("the recalled tablets", "the contaminated batch", "the safety warnings", "the trial data",
                "the compensation fund", "the factory inspection"),
        events=("a hearing", "a court session", "a closed hearing", "a sentencing hearing", "a press conference",
                "an inspection"),
        demands=("full disclosure of the test results", "compensation for the families", "a public inquiry",
                 "the suspension of the licence", "an independent audit", "a ban on the product"),
        verbs=("testify", "appeal", "rule", "appear"),
    ),
    "crisis": dict(
        orgs=("Civil Protection Agency", "Regional Council", "Red Shield Society", "Ministry of Health",
              "Emergency Committee"),
        roles=("governor", "mayor", "agency director", "health minister", "council spokeswoman",
               "relief coordinator", "prime minister"),
        topics=("the flood defences", "the evacuation", "the water supply", "the damaged bridge",
                "the relief convoy", "the emergency shelters"),
        events=("an emergency meeting", "a visit to the affected area", "a briefing", "a donors' conference",
                "a cabinet meeting", "an inspection"),
        demands=("more federal funds", "an inquiry into the warnings", "the reopening of the bridge",
                 "extra rescue teams", "clean water for the camps", "a state of emergency"),
        verbs=("visit", "meet", "inspect", "announce"),
    ),
}
CUES = ("said", "told reporters", "said in a statement", "told a news conference", "told the newspaper",
        "said on television", "added", "insisted", "warned", "stressed", "told journalists")
STANCE_PHRASES = {
    "demand": ("demanded", "called for", "insisted on", "asked for"),
    "reject": ("rejected", "dismissed", "turned down", "refused to accept"),
    "deny": ("denied", "rejected claims of", "dismissed reports of"),
    "threaten": ("threatened", "warned of", "said it could resort to"),
    "commit": ("committed to", "promised", "pledged", "agreed to"),
}
QUOTE_BODIES = (
    "We are not going to accept {demand} on paper only",
    "Nobody should doubt that we want an agreement on {topic}",
    "The door is open, but we will not negotiate with a deadline over our heads",
    "There has been progress on {topic}, and there has been no progress on the main issue",
    "We came here to {verb}, not to listen to ultimatums",
    "If there is no answer by {when}, we will draw our own conclusions",
    "The other side knows exactly what {demand} means for us",
    "This is a serious proposal and it deserves a serious reply",
    "I have never seen the two sides so close and so far apart at the same time",
    "Our position on {topic} has not changed and it will not change",
    "We will keep our word, and we expect the same from {other}",
    "Nobody wins if this goes on for another month",
)
FILLER = (  # {a}, {b}: the two sides; {place}, {topic}: the story's
    "Analysts in {place} said the outcome on {topic} would depend on how far each side was ready to move before the deadline.",
    "The dispute over {topic} has dominated the front pages in {a} and {b} for several weeks.",
    "Officials on both sides have so far avoided giving any figures on {topic} in public.",
    "Business owners in {place} said they were watching every statement from {a} closely, fearing a long stand-off.",
    "The opposition in {b} accused the government of handling {topic} badly from the start and called for a debate in parliament.",
    "Observers noted that the tone of the statements from {a} had softened compared with earlier in the month.",
    "It was not immediately clear whether the meeting in {place} would be followed by another one before the end of the week.",
    "Residents interviewed near the town hall in {place} were divided over {topic}, with older people more sceptical.",
    "Some experts warned that a quick deal on {topic} could leave key questions unanswered for years.",
    "The government in {b} has come under growing pressure from its own supporters to show results on {topic}.",
    "Independent economists in {place} put the cost of the dispute in the millions, and said it was rising every week.",
    "A short statement issued in {place} after the meeting gave few details and no date for the next round.",
    "Previous attempts by {a} and {b} to settle {topic} ended without agreement, most recently two years ago.",
    "Newspapers in {a} carried the story on their front pages, most of them with a photograph taken in {place}.",
)
CLAUSES = (
    ", a move that surprised few of those following the talks",
    ", according to two people familiar with the discussions",
    ", in what officials described as a difficult but useful exchange",
    ", although neither side gave details of what had been discussed",
    ", the latest in a series of statements that have raised tensions",
    ", adding to pressure on both delegations ahead of the next round",
)
TEASER_BLURBS = (
    "Experts say the trend is likely to continue through the rest of the", "A growing number of readers have written in to",
    "It started as a small experiment in a garage, but now the", "The results surprised even the researchers, who had expected",
    "Fans queued from early morning to be among the first to", "Prices have been falling for months, and now the",
)
TEASERS = (
    "Ten gadgets that make a small kitchen feel bigger", "Why sleep experts say you should skip the late coffee",
    "Local bakery wins national award for its rye loaf", "Five walking routes for the long weekend",
    "Markets close higher as tech shares recover", "How to cut your energy bill this winter",
    "Scientists spot unusual bird behaviour in city parks", "The surprising history of the paper clip",
    "Cup final tickets sell out in under an hour", "Is remote work here to stay? Managers are divided",
    "Celebrity chef opens third restaurant downtown", "New phone models leak ahead of launch",
)
COMMENT_PROMPTS = (
    "Leave a comment", "Join the discussion", "Comments are closed.", "Add your comment below",
    "You must be logged in to post a comment.", "Be the first to comment", "Show comments (12)",
)
SHARE_LINES = (
    "Share this article: Facebook | X | Email", "Share this post", "Share | Tweet | Email | Print",
    "Copy link", "Follow us on social media for the latest updates",
)
NAV_LINES = (
    "Home | News | World | Politics | Business | Sport", "News > World > Europe", "Menu  Search  Subscribe",
    "Home / Region / Politics", "Latest | Top stories | Opinion | Video",
)
MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()


# ---------------------------------------------------------------- stories


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(SUR_A)}{r.choice(SUR_B)}"


def _variant(full: str, r: random.Random) -> str:
    """A transliteration-like spelling variant of a full name."""
    swaps = (("sk", "sc"), ("ov", "off"), ("ich", "itch"), ("v", "w"), ("k", "c"), ("qu", "kv"), ("y", "i"),
             ("ö", "o"), ("z", "s"), ("ei", "ej"), ("a", "aa"))
    first, last = full.split(" ", 1)
    for a, b in r.sample(swaps, len(swaps)):
        if a in last:
            return f"{first} {last.replace(a, b, 1)}"
    return f"{first} {last}e"


@lru_cache(maxsize=1024)
def _story(seed: int, sid: int) -> dict:
    """Everything a story's articles share, derived from (seed, sid) alone.

    Phrases are pre-filled here, once per story, so that writing a sentence costs a few random
    draws and one string format (this is what keeps the generator above 2,000 articles/s).
    """
    r = random.Random(seed * 1_000_003 + sid)
    kind = r.choice(tuple(KINDS))
    k = KINDS[kind]
    country_a = r.choice(PLACE_A) + r.choice(COUNTRY_B)
    country_b = r.choice(PLACE_A) + r.choice(COUNTRY_B)
    while country_b == country_a:
        country_b = r.choice(PLACE_A) + r.choice(COUNTRY_B)
    places = [r.choice(PLACE_A) + r.choice(PLACE_B) for _ in range(3)]
    org = f"{country_a} {r.choice(k['orgs'])}"
    topics = r.sample(k["topics"], 3)
    demands = r.sample(k["demands"], 3)
    actors = []
    for i, role in enumerate(r.sample(k["roles"], 5)):
        full = _name(r)
        side = (country_a, country_b)[i % 2]
        last = full.split(" ", 1)[1]
        forms = [full, full, last, f"Mr {last}" if r.random() < 0.5 else f"Ms {last}", _variant(full, r)]
        other = country_b if side == country_a else country_a
        actors.append({"name": full, "role": role, "side": side, "other": other, "forms": forms})
    qbodies = [
        b.format(demand=r.choice(demands), topic=r.choice(topics), verb=r.choice(k["verbs"]),
                 when=r.choice(WEEKDAYS), other=r.choice((country_a, country_b)))
        for b in QUOTE_BODIES for _ in range(2)
    ]
    held = [f"{country_a} and {country_b} held {e} in {p}" for e in k["events"] for p in places]
    stances = [f"{side} has {ph} {d}, according to officials in {r.choice(places)}."
               for side in (country_a, country_b, org) for phs in STANCE_PHRASES.values() for ph in phs
               for d in demands]
    reported = [f"{side} {ph} {d} over {t}." for side in (country_a, country_b)
                for phs in STANCE_PHRASES.values() for ph in phs for d in demands for t in topics]
    fillers = [f.format(a=country_a, b=country_b, place=r.choice(places), topic=r.choice(topics))
               for f in FILLER for _ in range(2)]
    start = EPOCH + dt.timedelta(days=r.randrange(EPOCH_DAYS))
    span = r.randint(10, 40)
    return {
        "id": sid, "kind": kind, "a": country_a, "b": country_b, "places": places, "actors": actors,
        "org": org, "topics": topics, "demands": demands, "events": k["events"], "verbs": k["verbs"],
        "start": start, "span": span, "qbodies": qbodies, "held": held, "stances": stances,
        "reported": reported, "fillers": fillers,
    }


# ---------------------------------------------------------------- dates in text


def _fmt_date(d: dt.date, style: int) -> str:
    if style == 0:
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 1:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == 2:
        return f"Published: {d.day:02d}/{d.month:02d}/{d.year} {7 + d.day % 12:02d}:{(d.day * 7) % 60:02d}"
    if style == 3:
        return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year} | {3 + d.day % 5} min read"
    return d.isoformat()


def _when(r: random.Random, pub: dt.date) -> str:
    """A time expression as a reporter would write it, relative to the publication date."""
    x = r.random()
    if x < 0.35:
        back = r.randint(1, 6)
        return f"on {WEEKDAYS[(pub - dt.timedelta(days=back)).weekday()]}"
    if x < 0.45:
        return "on Monday" if pub.weekday() != 0 else "last week"
    if x < 0.55:
        d = pub - dt.timedelta(days=r.randint(1, 20))
        return f"on the {d.day}{_ordinal(d.day)}"
    if x < 0.65:
        return r.choice(("last week", "last month", "earlier this month", "this week"))
    if x < 0.75:
        return r.choice(("next week", "next month", "later this month"))
    if x < 0.85:
        d = pub - dt.timedelta(days=r.randint(1, 30))
        return f"on {d.day} {MONTHS[d.month - 1]}"
    return r.choice(("yesterday", "today", "on Tuesday evening", "earlier in the day"))


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# ---------------------------------------------------------------- sentences and articles


MIXED = ("unacceptable", "a step forward", "an insult", "a serious basis for work", "too little, too late",
         "a provocation", "constructive")
TRAVEL = ("next week", "on Friday", "later this month", "in the coming days")


def _sentence(rnd, s: dict, whens: list[str]) -> str:
    """One sentence of a story; ``rnd`` is the generator's bound ``random()``."""
    x = rnd()
    a = s["actors"][int(rnd() * 5)]
    form = a["forms"][int(rnd() * 5)]
    if x < 0.22:  # direct quote
        qb = s["qbodies"]
        body = qb[int(rnd() * len(qb))]
        cue = CUES[int(rnd() * len(CUES))]
        if x < 0.11:
            return f"\u201c{body},\u201d {form} {cue}."
        return f"{form}, the {a['role']}, {cue}: \u201c{body}.\u201d"
    if x < 0.34:  # reported speech
        rep = s["reported"]
        return f"{form} {CUES[int(rnd() * len(CUES))]} {whens[int(rnd() * len(whens))]} that {rep[int(rnd() * len(rep))]}"
    if x < 0.40:  # speaker named in one sentence, the content in the next
        return (f"The {a['role']} {form} said. {a['side']} will not {s['verbs'][int(rnd() * len(s['verbs']))]} "
                f"about {s['topics'][int(rnd() * 3)]} under pressure.")
    if x < 0.46:  # mixed quote
        return f"{form} described the latest offer on {s['topics'][int(rnd() * 3)]} as \u201c{MIXED[int(rnd() * len(MIXED))]}\u201d."
    if x < 0.62:  # a happening
        held = s["held"]
        clause = CLAUSES[int(rnd() * len(CLAUSES))] if x < 0.54 else ""
        return f"{held[int(rnd() * len(held))]} {whens[int(rnd() * len(whens))]}, focused on {s['topics'][int(rnd() * 3)]}{clause}."
    if x < 0.74:  # a position
        st = s["stances"]
        return st[int(rnd() * len(st))]
    if x < 0.86:
        return (f"The {a['role']}, {a['name']}, is expected to travel to {s['places'][int(rnd() * 3)]} "
                f"{TRAVEL[int(rnd() * 4)]} to {s['verbs'][int(rnd() * len(s['verbs']))]} with counterparts from {a['other']}.")
    fl = s["fillers"]
    return fl[int(rnd() * len(fl))]


def _paragraph(r: random.Random, s: dict, whens: list[str]) -> str:
    rnd = r.random
    return " ".join([_sentence(rnd, s, whens) for _ in range(2 + int(rnd() * 3))])


def _title(r: random.Random, s: dict) -> str:
    a = s["actors"][r.randrange(5)]
    last = a["forms"][2]
    topic = s["topics"][0]
    return r.choice((
        f"{s['a']} and {s['b']} fail to agree on {topic}",
        f"{last} says {s['a']} will not back down on {topic}",
        f"Talks on {topic} resume in {s['places'][0]}",
        f"{s['b']} rejects call for {s['demands'][0]}",
        f"{last}: \u201cthe door is open\u201d on {topic}",
        f"New row over {topic} as {s['a']} hardens stance",
        f"{s['org']} warns of consequences over {topic}",
        f"Breakthrough or stalemate? {s['places'][1]} meeting ends without deal",
    ))


def _article(r: random.Random, seed: int, sid: int, idx: int) -> dict:
    s = _story(seed, sid)
    pub = s["start"] + dt.timedelta(days=r.randrange(s["span"]))
    outlet = OUTLETS[r.randrange(len(OUTLETS))]
    title = _title(r, s)
    target = r.randint(300, 1200)
    head: list[str] = []
    if r.random() < 0.5:
        head.append(r.choice(NAV_LINES))
    dated = r.random() >= NO_DATE_RATE
    if dated and r.random() < 0.75:
        head.append(_fmt_date(pub, r.randrange(5)))
    head.append(title)
    if r.random() < 0.4:
        head.append(title)  # repeated headline
    if r.random() < 0.5:
        head.append(f"{s['a']} and {s['b']} remain divided over {s['topics'][1]}, officials say")
    if r.random() < 0.7:
        head.append(f"By {_name(r)}")
    if r.random() < 0.4:
        head.append(f"{s['actors'][0]['name']} in {s['places'][0]}. Photo: {_name(r)} / {outlet}")
    body: list[str] = []
    words = 0
    whens = [_when(r, pub) for _ in range(8)]
    while words < target:
        p = _paragraph(r, s, whens)
        body.append(p)
        words += p.count(" ") + 1
    tail: list[str] = []
    if r.random() < 0.3:
        tail.append("More like this")
        for t in r.sample(TEASERS, 3):
            tail.append(t)
            tail.append(f"{r.choice(TEASER_BLURBS)}...")
    if r.random() < 0.1:
        tail.append(f"The post {title} appeared first on {r.choice(OUTLETS)}.")
    if r.random() < 0.1:
        tail.append("Source link")
    if r.random() < 0.4:
        tail.append(r.choice(SHARE_LINES))
    if r.random() < 0.5:
        tail.append(r.choice(COMMENT_PROMPTS))
    if r.random() < 0.3:
        tail.append(f"\u00a9 {pub.year} {outlet}. All rights reserved.")
    text = "\n\n".join(head + body + tail) + "\n"
    return {
        "title": title,
        "outlet": outlet,
        "published": pub.isoformat() if dated else None,
        "story": sid,
        "seed": seed,
        "text": text,
        "body": body,
        "head": head,
        "tail": tail,
    }


def _near_copy(r: random.Random, src: dict) -> dict:
    """Another outlet's version: new headline wording, a paragraph dropped or added, a credit line."""
    body = list(src["body"])
    if len(body) > 3 and r.random() < 0.7:
        k = r.randrange(1, len(body))
        if sum(p.count(" ") + 1 for p in body) - body[k].count(" ") - 1 >= 300:
            del body[k]
    if r.random() < 0.5:
        body.insert(r.randrange(len(body) + 1), r.choice(_story(src["seed"], src["story"])["fillers"]))
    outlet = OUTLETS[r.randrange(len(OUTLETS))]
    title = src["title"] if r.random() < 0.5 else src["title"].replace(" on ", " over ", 1) + " - report"
    head = [title]
    tail = [f"The post {title} appeared first on {src['outlet']}."] if r.random() < 0.5 else ["Source link"]
    tail.append(r.choice(COMMENT_PROMPTS))
    text = "\n\n".join(head + body + tail) + "\n"
    return {**src, "title": title, "outlet": outlet, "text": text, "body": body, "head": head, "tail": tail,
            "published": src["published"] if r.random() < 0.5 else None}


# ---------------------------------------------------------------- driver


def _story_of(r: random.Random, i: int, n: int, n_stories: int) -> int:
    """The story of the i-th article. Stories run in a moving window over the stream, as the news
    does: the caches stay small for any N. About one story in 32 is a major one and gets extra
    articles, so story sizes are skewed."""
    base = i * n_stories // max(n, 1)
    x = r.random()
    if x < 0.2:
        sid = (base // 32) * 32
    else:
        sid = base - int(min(base, STORY_WINDOW) * x * x)
    return min(max(sid, 0), n_stories - 1)


def iter_generate(out_dir: str | Path, n: int, seed: int = 0, fmt: str = "txt",
                  truth: str | Path | None = None) -> Iterator[Path]:
    """Write the corpus and yield each file as it is finished (each article for txt, each shard for jsonl)."""
    if fmt not in ("txt", "jsonl"):
        raise ValueError(f"fmt must be 'txt' or 'jsonl', not {fmt!r}")
    if n < 0:
        raise ValueError("n must be >= 0")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    r = random.Random(seed)
    n_stories = max(1, n // ARTICLES_PER_STORY)
    recent: deque[dict] = deque(maxlen=RECENT_WINDOW)
    truth_fh = open(truth, "w", encoding="utf-8") if truth else None
    shard_fh = None
    shard_path: Path | None = None
    try:
        for i in range(n):
            dup_of = dup_kind = None
            x = r.random()
            if recent and x < DUP_RATE:
                src = recent[r.randrange(len(recent))]
                if x < DUP_RATE / 2:
                    art, dup_kind = src, "exact"
                else:
                    art, dup_kind = _near_copy(r, src), "near"
                dup_of = src["id"]
            else:
                art = _article(r, seed, _story_of(r, i, n, n_stories), i)
            aid = f"s{i:07d}"
            if dup_kind != "exact":
                art = {**art, "id": aid}
                recent.append(art)
            if fmt == "txt":
                sub = out / f"{i // FILES_PER_DIR:04d}"
                if i % FILES_PER_DIR == 0:
                    sub.mkdir(exist_ok=True)
                path = sub / f"{aid}.txt"
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                try:
                    os.write(fd, art["text"].encode("utf-8"))
                finally:
                    os.close(fd)
                yield_path: Path | None = path
            else:
                if i % LINES_PER_SHARD == 0:
                    if shard_fh:
                        shard_fh.close()
                        yield shard_path  # type: ignore[misc]
                    shard_path = out / f"part-{i // LINES_PER_SHARD:05d}.jsonl"
                    shard_fh = open(shard_path, "w", encoding="utf-8")
                slug = art["title"].lower().replace(" ", "-")[:60]
                rec = {"id": aid, "url": f"https://{art['outlet'].lower().replace(' ', '')}.example/{aid}/{slug}",
                       "title": art["title"], "published": art["published"], "outlet": art["outlet"],
                       "text": art["text"]}
                shard_fh.write(json.dumps(rec, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
                path = shard_path  # type: ignore[assignment]
                yield_path = None
            if truth_fh:
                truth_fh.write(json.dumps({"id": aid, "path": str(path), "story": art["story"],
                                           "published": art["published"], "dup_of": dup_of,
                                           "dup_kind": dup_kind}) + "\n")
            if yield_path is not None:
                yield yield_path
        if shard_fh:
            shard_fh.close()
            shard_fh = None
            yield shard_path  # type: ignore[misc]
    finally:
        if shard_fh:
            shard_fh.close()
        if truth_fh:
            truth_fh.close()


def generate(out_dir: str | Path, n: int, seed: int = 0, fmt: str = "txt",
             truth: str | Path | None = None) -> list[Path]:
    """Write n synthetic articles under out_dir; return the files written (articles or shards)."""
    return list(iter_generate(out_dir, n, seed=seed, fmt=fmt, truth=truth))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--articles", type=int, required=True, help="how many articles to write")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    ap.add_argument("--truth", help="also write ground truth (story, duplicates) as JSON lines to this file")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    count = 0
    for _ in iter_generate(args.out_dir, args.articles, seed=args.seed, fmt=args.format, truth=args.truth):
        count += 1
    secs = time.perf_counter() - start
    rate = args.articles / secs if secs else float("inf")
    print(f"synth: {args.articles} articles in {count} files under {args.out_dir} "
          f"({secs:.1f}s, {rate:,.0f} articles/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
