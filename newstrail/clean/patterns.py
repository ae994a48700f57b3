"""Wording of page furniture, written as general patterns (data, not logic).

Why hand-written: no library classifies *already extracted* text lines. jusText and
trafilatura work on HTML and lean on markup (links, tags) that plain text has lost, so
the wording of widgets is the strongest signal left. Every pattern names a kind of
widget seen on many sites (comment forms, share bars, newsletter prompts, "read more"
teasers, pagination, credits), never one article's words.

Patterns are matched against the line with spaces collapsed and case folded.
"""

from __future__ import annotations

import re

from ..needles import required_strings

# A line that *starts* with one of these and is short is a widget or a section label.
# (Short = at most ``WIDGET_MAX_WORDS`` words, so "Share prices fell ..." stays body.)
_START = [
    r"read (more|next|also|the full|full)",
    r"also read",
    r"see also",
    r"related( (articles?|stories|posts?|content|coverage|topics|news|reading))?\b",
    r"more (like this|from|on this|stories|news|in|to explore)",
    r"(you|we think you) (may|might) (also )?like",
    r"recommended( for you)?",
    r"(most )?(popular|read|viewed|shared|trending)( now| stories| articles| news)?$",
    r"(previous|next|prev|older|newer) (story|post|article|page|entry)",
    r"(latest|more|top) (from|in|news|stories|headlines)\b",
    r"don'?t miss",
    r"(go|back) to ?top",
    r"skip to (main )?content",
    r"jump to",
    r"advertisement",
    r"sponsored( content)?",
    r"source( link)?s?\b\s*:?",
    r"share( this| post| on| via| article| story)?\b",
    r"(tweet|pin it|whatsapp|linkedin|reddit|telegram|flipboard)\b",
    r"(e-?mail|print)( this)?( article| story| page)?$",
    r"(subscribe|sign up|sign in|log ?in|register|follow us|like us)\b",
    r"(posted|filed|published) (in|under)\b",
    r"(tags?|topics?|categories|category|keywords)\s*:",
    r"(タグ|カテゴリー?|标签|標籤|分类|태그|카테고리)\s*[:：]",
    r"スポンサー(ド)?リンク|广告|광고",
    r"(photo|image|picture|video|graphic|illustration|file photo)s?\s*(credit)?\s*:",
    r"(credit|caption)\s*:",
    r"(watch|listen)\s*:",
    r"click here",
    r"(by|written by|words by)\W*$",
    # a picture's credit on a line of its own: "Reuters", "Michael Conroy, AP", "Getty Images"
    r"([\w.'’ -]{2,40}(,|/) ?)?(ap|afp|reuters|epa|getty|getty images|pa media|pa wire|shutterstock|alamy"
    r"|bloomberg|ap photo|afp via getty images)$",
    r"media caption",
    r"back to (gallery|article|story|home)",
    r"(leave|post|add|write) a (reply|comment)",
    r"\d+\s+comments?$",
    r"comments?$",
    r"(no|view|show|hide|load|see|read) (all |the )?(\d+ )?comments\b|no comments? yet",
    r"shares?$",
    r"disclaimer\W*$",
    r"<<|>>|«|»",
    r"home\s*(»|>|/|\||$)",
    r"(copyright|©|\(c\))",
    r"all rights reserved",
    r"terms (of|and) (use|service|conditions)",
    r"privacy (policy|notice|settings)",
    r"cookie",
]

# Phrases that mark a widget wherever they occur and whatever the line's length.
_ANYWHERE = [
    r"your email address will not be published",
    r"required fields are marked",
    r"please enter your (comment|name|e-?mail)",
    r"you must be logged in to",
    r"comments? (are|is) closed",
    r"be the first to comment",
    r"appeared first on",
    r"all rights reserved",
    r"(sign up|subscribe) (to|for) (our|the) (\w+ )?(newsletter|daily|weekly|briefing)",
    r"delivered (straight |right |directly )?to your inbox",
    # newsletter and alert prompts: "... right in your inbox", "No spam, we promise"
    r"(in|into|to) your inbox\b",
    r"unsubscribe (at )?any ?time",
    r"no spam\b",
    r"protected by recaptcha",
    r"(get|receive|sign up for) (breaking news|the latest|our) (alerts|updates|news)",
    # legal small print and author contact lines under the article
    r"(may|must) not be (re)?(produced|published|distributed|broadcast|copied)",
    r"constitutes acceptance of",
    r"(can|may) be reached at\b",
    r"activate your (subscription|account)|activation link",
    r"subscribe to our\b",
    # the author's box under the article: "<Name> is a senior reporter for ...", credits
    r"^[\w.'’-]+(?: [\w.'’-]+){0,3} (?:is|was) (?:an?|the) (?:[\w-]+ ){0,6}(?:reporter|writer|editor|correspondent"
    r"|contributor|journalist|columnist|producer)s? (?:at|for|with|of|on|in|covering|based|living|who)\b",
    r"^want (more|to read more) (stories|news|articles|like this)",
    r"contributed (reporting |research )?to this (report|story|article)",
    r"join (our|the) (\w+ )?(forums?|community|mailing list)\b",
    # picture captions: "An artist's concept of ...", "This photo shows ...", "X, pictured at ..."
    r"^(an|the) artist['’]s (illustration|concept|rendering|impression)",
    r"^this (artist['’]s )?(photo|image|picture|illustration|rendering|handout|graphic)"
    r" (shows|was|taken|released|provided)\b",
    r", (pictured|photographed) (at|in|on|with|during)\b",
    r"follow (him|her|them|me|us) on (twitter|facebook|instagram|x)\b",
    r"(download|get) (our|the) (free )?app",
    r"follow us on",
    r"this (article|story|post) (was|has been|is) (originally )?(published|republished|syndicated|reprinted)",
    r"click here (to|for)\b",
    r"(uses|use of|we use) cookies",
    r"enable javascript",
    r"(getty images|afp via getty|ap photo|reuters/|shutterstock|photo by|image by|image credit|photo credit)",
    r"©",
    # a caption ends in its credit: "... (Image: GETTY)", "...Credit: Reuters"
    r"\((image|photo|picture|pic|credit|video)s?: [^)]{2,40}\)\s*$",
    r"credit: ?(getty|afp|ap|reuters|alamy|pa|epa|rex)\b",
    r"(photo|image|picture) ?credits?: [^.]{2,60}$",
    r"\. credits?: [^.]{2,60}$",
    r"\[atom\]",
    r"^\d+\s*(min|mins|minutes?)( read|$)",
    r"(min|mins|minute|minutes) read$",
    # WordPress's comment form as translated by its language packs (pt, es, fr, it, de, nl, ru)
    r"(e-?mail|correo electrónico|adresse (e-?mail|de messagerie)|indirizzo email|e-?mail-adresse|e-?mailadres)"
    r" (não será publicado|no será publicad[ao]|ne sera pas publiée|non sarà pubblicato|wird nicht veröffentlicht"
    r"|wordt niet gepubliceerd)",
    r"не будет опубликован",
    r"(campos obrigatórios|los campos obligatorios|les champs obligatoires|i campi obbligatori"
    r"|erforderliche felder|verplichte velden|обязательные поля)",
]

# Phrases that mark a *short* line (at most ``WIDGET_MAX_WORDS`` words) wherever they occur:
# sign-up boxes name what they sell ("CNN Newsletters", "Sign up for our daily newsletter").
_SHORT_ANYWHERE = [
    r"newsletters?\b",
    r"(successfully|succesfully|now) subscribed",
    r"stay (up to date|informed|in the know) with",
]

START_RE = re.compile(r"^\W*(?:" + "|".join(_START) + r")", re.IGNORECASE)
ANYWHERE_RE = re.compile("(?:" + "|".join(_ANYWHERE) + ")", re.IGNORECASE)
# The same phrases, each compiled alone and matched against lower-cased text. For a yes/no
# test this is twice as fast as one alternation (the regex engine then scans for each
# phrase's literal start instead of trying every branch at every position), and lower-casing
# is three times faster than IGNORECASE (measured on the Zyte pages' extracted lines).
_ANYWHERE_LOWER = tuple(re.compile(p) for p in _ANYWHERE)


def _gate(pattern: str) -> tuple[str, ...] | None:
    """Strings to look for before searching ``pattern``, for a pattern that opens with a
    group of alternatives or a character class: the regex engine tries those at every
    character of the line, while ``str in line`` is one fast scan. A pattern that opens
    with a literal character (the engine scans for it itself) or is anchored at the line's
    start (tried there only) needs none."""
    from re._constants import AT, LITERAL

    parsed = re._parser.parse(pattern)  # the parser of the re module itself (see ..needles)
    return None if len(parsed) and parsed[0][0] in (LITERAL, AT) else required_strings(pattern)


# Each phrase with the strings one of which it needs to match (None: search it anyway).
_ANYWHERE_GATED = tuple((_gate(p), compiled) for p, compiled in zip(_ANYWHERE, _ANYWHERE_LOWER))


def widget_anywhere(text: str) -> bool:
    """Whether a widget phrase occurs anywhere in ``text`` (a yes/no test; no positions)."""
    low = text.lower()
    for needs, pattern in _ANYWHERE_GATED:
        if needs is not None and not any(map(low.__contains__, needs)):
            continue  # the line lacks a string every match holds
        if pattern.search(low):
            return True
    return False
SHORT_ANYWHERE_RE = re.compile("(?:" + "|".join(_SHORT_ANYWHERE) + ")", re.IGNORECASE)

# Lines that start a trailing section: everything after one is furniture unless it is
# strongly article-like *and* on the article's topic.
SECTION_BREAK_RE = re.compile(
    r"^\W*(?:"
    r"(previous|next|prev) (story|post|article)|"
    r"related( articles?| stories| posts?| content| coverage| news| links| reading| topics)?\W*$|"
    r"(other|more|latest|top|recent|breaking) (news|stories|articles|posts|headlines)\b|"
    r"more (like this|from|stories|news)|"
    r"(more|other|related|recommended|top|latest|popular|trending) (\S+ ){1,2}"
    r"(stories|news|articles|posts|reads|videos)\W*$|"
    r"(you|we think you) (may|might) (also )?like|"
    r"recommended|(most )?(popular|read|viewed|trending)\W*$|most (read|popular|viewed|shared) (in|on)\b|"
    r"(latest|more|top) (from|in|news|stories|headlines)|"
    r"don'?t miss|"
    r"(leave|post|add|write) a (reply|comment)|\d*\s*comments?\W*$|"
    r"also read|read (more|next|also)|see also|"
    # an author or company box: "About the author", "About <Name>" (short lines only)
    r"about (the|this|our) (author|writer|reporter|contributor)s?|(about|sobre|über|à propos de|acerca de) \w|"
    # the same trailing sections in the languages WordPress themes ship most
    r"(deixe|deja|laisser|lascia|schreibe|hinterlasse|geef) (uma|una|un|einen|een) (resposta|respuesta|"
    r"commentaire|réponse|commento|risposta|kommentar|antwort|reactie)|"
    r"(добавить|оставить|оставьте) (комментарий|ответ)|"
    r"(artigos|posts|artículos|entradas|articoli|notícias|noticias) (relacionad|correlat|simil)|"
    r"articles similaires|ähnliche (beiträge|artikel)|похожие (статьи|записи)|"
    r"(leia|lea|veja|vea|voir|leggi) (também|también|aussi|anche)|"
    r"(você|usted|tu|vous) (pode|puede|pourriez|potresti) (gostar|interesar|aimer)|"
    # "related articles", "recommended", "popular articles" in Japanese, Chinese and Korean
    r"(関連|おすすめの?|人気の?)(記事|エントリー|投稿)|相[关關](文章|阅读|閱讀|新[闻聞])|推荐阅读|热门文章|"
    r"관련 ?(기사|뉴스|글)|추천 ?(기사|뉴스)|인기 ?기사"
    r")",
    re.IGNORECASE,
)

# The heading of an author or company box ("About the author", "About <Name>"): what follows
# it is a biography or boilerplate about the publisher, never the article going on.
ABOUT_BOX_RE = re.compile(
    r"^\W*(?:about (?:the|this|our) (?:author|writer|reporter|contributor)s?"
    r"|(?:about|sobre|über|à propos de|acerca de) \w)",
    re.IGNORECASE,
)

# The signature under an embedded tweet, "— Name (@handle) March 3, 2021": the tweet
# above it is quoted in the article (a source, like a quotation), not page furniture.
TWEET_SIGNATURE_RE = re.compile(
    r"^[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\s*$",
    re.IGNORECASE,
)

# The first sentence of a press release's company paragraph ("About <Company>" without its
# heading): "<Company> is a global provider of ...", "<Company> (NYSE: ABC) is the leading ...".
COMPANY_BOX_RE = re.compile(
    r"^[A-Z][\w&.'’-]*(?: (?:[A-Z&][\w&.'’-]*|of|for|and))*(?: \([^)]{1,30}\))?,? (?:is|are) (?:a|an|the|one of the)"
    r" (?:[\w-]+,? ){0,6}(?:providers?|company|companies|leaders?|manufacturers?|developers?|firms?|organi[sz]ations?"
    r"|group|suppliers?|makers?|platforms?|brands?|distributors?|operators?|producers?|specialists?|agency)\b"
)

# A bare tags heading ("Tags", "Etiquetas"; "Tags: a, b" is a widget line): a blog's tag list,
# after which the page holds no more of the article.
TAGS_HEADING_RE = re.compile(r"^\W*(?:tags?|tagged|etiquetas|schlagw(?:ö|oe)rter|mots[- ]cl(?:é|e)s|タグ|标签|標籤|태그)\W*$",
                             re.IGNORECASE)

# The heading of a comment section ("6 thoughts on “<title>”", "Leave a Reply", "Comments (3)"):
# what follows is readers' text, however on topic.
COMMENTS_HEADING_RE = re.compile(
    r"^\W*(?:(?:\d+|one|two|three|four|five) (?:thoughts?|responses?|repl(?:y|ies)|comments?|reactions?) (?:on|to)\b"
    r"|(?:leave|post|add|write) a (?:reply|comment)|join the (?:discussion|conversation)"
    r"|\d*\s*comments?(?:\s*\(\d+\))?\W*$)",
    re.IGNORECASE,
)

# A reader's post in a comment thread, opened by its time stamp and poster ("At 9:41 pm on
# 23 Jun 2021, reader42 wrote:", "reader42 says: June 3, 2013 at 4:12 pm"). The stamp (a day
# with its year and a clock time) and a one-word user name tell it from an article quoting a
# letter ("Kaller wrote: ..."; "On 3 March 2010, the minister wrote: ...").
_STAMP_DATE = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
_STAMP_CLOCK = r"\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
COMMENT_POST_RE = re.compile(
    r"^\W*(?:(?:at\s+)?" + _STAMP_CLOCK + r"\s+(?:on\s+)?" + _STAMP_DATE + r"|(?:on\s+)?" + _STAMP_DATE
    + r"\s*(?:at|,)\s*" + _STAMP_CLOCK + r")\s*,?\s*[\w.@-]{2,40}\s+(?:wrote|says)\s*:"
    r"|^\W*[\w.@-]{2,40}(?:\s+[\w.@-]{1,40})?\s+(?:wrote|says)\s*:?\s+(?:on\s+)?" + _STAMP_DATE
    + r"\s*(?:at|,)?\s*" + _STAMP_CLOCK,
    re.IGNORECASE,
)

# A news-agency picture caption: who does what, then ", Friday, March 5, 2021, in City" (the
# AP/Reuters caption style: weekday, full date and year). Article prose names the weekday
# or the date, rarely both with the year, and a publication line says "Published ...".
CAPTION_DATE_RE = re.compile(
    r"^(?!.*\b(?:published|updated|posted)\b).{30,}(?:,|\bon) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),"
    r" (?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d\b",
    re.IGNORECASE,
)

# A caption ending in its picture credit: "... at the harbour on Friday. (AP)", "... (ESA/Hubble)",
# "... in 2019.Jane Doe / AP file". Article text names an agency at a paragraph's start
# ("LONDON (AP) —"), not as its last word.
CAPTION_CREDIT_RE = re.compile(
    r"(?:\((?:ap|afp|reuters|epa|getty images|ap photo|[a-z][\w.&-]*(?:/[\w.&-]+)+)\)"
    r"|[a-z.]\s*/\s*(?:ap|afp|reuters|getty images|epa)(?: file)?)\s*$",
    re.IGNORECASE,
)

# "The post <title> appeared first on <Outlet>." and "Source link": republication traces.
APPEARED_FIRST_RE = re.compile(r"appeared first on\s+(?P<outlet>[^.\n]{2,60}?)\.?\s*$", re.IGNORECASE)
SOURCE_LINK_RE = re.compile(r"^\W*source\s*(link)?\b", re.IGNORECASE)
# "… reports <Outlet>" tails that wire re-publishers glue to a summary.
REPORTS_TAIL_RE = re.compile(
    r"(?:[.…]{2,}|…)\s*reports?\s+(?P<outlet>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})\s*$"
)
BYLINE_RE = re.compile(r"^(?:by|written by|words by|reporting by)\s+[^\W\d_][\w.'-]*", re.IGNORECASE)
READING_TIME_RE = re.compile(r"^\d+\s*(?:min|mins|minutes?)(?:\s+read)?$", re.IGNORECASE)
