"""The speaker of quotes whose content is found (issue #4, helper 37).

All sentences are invented. Each test names the construction whose speaker was wrong
before the rule it tests.
"""

from __future__ import annotations

from quote_helpers import holding


def test_participle_after_a_where_clause_is_that_clause_subjects(quotes_of):
    # the main clause is about an event; the people of the "where" clause chant
    quotes = quotes_of("Strike Day.\n\nThe rally took place outside the Harbor Casino, now owned by financier "
                       "Peter Lund, where about 80 workers had gathered on Monday morning, chanting "
                       "\"fair pay, fair hours\" as buses passed.")
    q = holding(quotes, "fair pay, fair hours")
    assert q.speaker_text and "workers" in q.speaker_text


def test_participle_after_a_when_clause_is_that_clause_subjects(quotes_of):
    quotes = quotes_of("Strike Day.\n\nThe second disruption came during an address at Kell College, when union "
                       "members interrupted her remarks, shouting \"No more cuts!\" from the back of the hall.")
    q = holding(quotes, "No more cuts")
    assert q.speaker_text and "members" in q.speaker_text


def test_participle_keeps_a_main_subject_that_can_speak(quotes_of):
    # a person in the main clause still shouts, whatever the "when" clause holds
    quotes = quotes_of("Strike Day.\n\nMayor Ida Crane left the stage when union members interrupted her remarks, "
                       "shouting \"You will hear from us again!\" over the noise.")
    q = holding(quotes, "You will hear from us again")
    assert q.speaker_text == "Ida Crane"


def test_colon_after_a_described_person_is_that_persons_not_the_outlets(quotes_of):
    # the clause before the colon is about the backer; the channel only hosts the interview
    quotes = quotes_of("Strike Day.\n\nOne early backer, Representative Lena Ostrova, Republican of Ohio, tried the "
                       "approach in an interview with Fox on Monday: \"You can easily say the governor has "
                       "failed the workers of this state.\"")
    q = holding(quotes, "failed the workers of this state")
    assert q.speaker_text == "Lena Ostrova"


def test_quotation_after_an_aside_by_another_speaker_continues_the_quoted_one(quotes_of):
    # "to describe" reports an aside by Dalton inside Walters's cue clause; the next
    # quotation goes on with what Walters said
    quotes = quotes_of("Strike Day.\n\nRepublicans insist the vote was a mistake.\n\n\"Which side wasted the money "
                       "here?\" said Walters, using a phrase Dalton has used to describe his rivals, on a call "
                       "with reporters. \"The governor and his allies emptied the reserve fund and left the "
                       "clinics with nothing.\"")
    q = holding(quotes, "emptied the reserve fund")
    assert q.speaker_text == "Walters"


def test_quotation_after_a_credited_source_stays_with_the_source(quotes_of):
    # "according to" credits the whole report to the outlet (PolNeAR's reading)
    quotes = quotes_of("Strike Day.\n\n\"I will vote in March,\" Walters said, according to Harbor Radio. "
                       "\"And I have chosen to back the governor this time.\"")
    q = holding(quotes, "chosen to back the governor")
    assert q.speaker_text != "Walters"


def test_participle_after_a_comment_clause_is_the_comment_clauses_speaker(quotes_of):
    # "Vance added" is set into Dalton's clause; Vance goes on saying, not Dalton
    quotes = quotes_of("Harbor Row.\n\nDalton cannot claim that \"in his view,\" Vance added, saying the choice must be "
                       "\"left for the ferry towns to settle.\"")
    q = holding(quotes, "the choice must be")
    assert q.speaker_text == "Vance"


def test_participle_after_a_complement_about_a_thing_keeps_the_matrix_speaker(quotes_of):
    # the complement's subject ("the dispute") reminds nobody of anything aloud
    quotes = quotes_of("Harbor Row.\n\nVance said the dispute reminds him of the long strike of 1988, explaining, "
                       "\"because both sides dug in and the town paid for it.\"")
    q = holding(quotes, "both sides dug in")
    assert q.speaker_text == "Vance"


def test_cue_joined_to_a_relative_clause_on_a_thing_is_the_main_subjects(quotes_of):
    quotes = quotes_of("Harbor Row.\n\nShe is noting the problems Dalton had answering questions about the port "
                       "and saying he could not explain his own budget.")
    q = holding(quotes, "could not explain his own budget")
    assert q.speaker_text == "She"


def test_name_beside_the_name_in_a_subjects_participle_phrase_is_the_subject(quotes_of):
    # "Peter Vance" stands beside "Mr. Dalton", another person: it names the pastor
    quotes = quotes_of("Harbor Row.\n\nOne pastor backing Mr. Dalton, Peter Vance of Grace Church in Kell, said he "
                       "phoned some 200 fellow pastors in a week.")
    q = holding(quotes, "200 fellow pastors")
    assert q.speaker_text == "Peter Vance"


def test_one_among_those_who_say_is_the_speaker(quotes_of):
    quotes = quotes_of("Harbor Row.\n\nLena Ostrova, a Crane supporter from Kell, is among those who say the Dalton "
                       "rally should move indoors.")
    q = holding(quotes, "rally should move indoors")
    assert q.speaker_text == "Lena Ostrova"


def test_participle_after_a_hope_about_a_thing_is_the_hopers(quotes_of):
    # the participle hangs on "bring", whose subject (a focus) cannot point to anything
    quotes = quotes_of("Harbor Row.\n\nThe Ledger hopes that the mayor's focus on the harbor could bring new jobs "
                       "to the town, pointing to the sale of two city lots for $2 million last spring.")
    q = holding(quotes, "the sale of two city lots")
    assert q.speaker_text == "The Ledger"


def test_quotation_hung_on_a_cue_before_it_goes_to_the_attribution_after_it(quotes_of):
    # the parser makes the question the object of "denies"; "asked Fenn" credits it
    quotes = quotes_of("Harbor Row.\n\nIf foreign hackers were trying to sway the count through a broad assault on "
                       "party offices — as many analysts suspect, and Democrats claim, but Beijing flatly denies — "
                       "\"why would you not want to watch the count closely?\" asked Fenn, now a partner at a "
                       "lobbying firm.")
    q = holding(quotes, "watch the count closely")
    assert q.speaker_text == "Fenn"



def test_a_name_hung_on_a_verb_as_a_compound_is_its_subject(nlp):
    # the small model sometimes reads "Vance joked" as one name and hangs "Vance" on the
    # verb as a compound (seen on PolNeAR train); built by hand, as the parse varies
    from spacy.tokens import Doc

    from newstrail.quotes import _subject

    words = ["When", "someone", "yelled", ",", "Vance", "joked", ",", "again", "grinning", "."]
    heads = [2, 2, 2, 2, 5, 2, 5, 8, 5, 2]
    deps = ["advmod", "nsubj", "ROOT", "punct", "compound", "xcomp", "punct", "advmod", "advcl", "punct"]
    pos = ["SCONJ", "PRON", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "ADV", "VERB", "PUNCT"]
    tags = ["WRB", "NN", "VBD", ",", "NNP", "VBD", ",", "RB", "VBG", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert _subject(doc[5]).text == "Vance"
    assert _subject(doc[2]).text == "someone"


def test_quotation_after_someone_cuts_in_is_theirs(quotes_of):
    quotes = quotes_of("Harbor Row.\n\n\"Tell him I said hello,\" Crane said, and her brother cut in. \"Do not forget "
                       "the dog. We have known him for years.\"")
    q = holding(quotes, "Do not forget the dog")
    assert q.speaker_text == "her brother"


def test_quotation_after_someone_turns_to_another_is_theirs(quotes_of):
    quotes = quotes_of("Harbor Row.\n\nAt that point the judge turned to me. \"Tell the bench what "
                       "brought you to this hearing today.\"")
    q = holding(quotes, "Tell the bench")
    assert q.speaker_text == "the judge"


def test_a_thing_that_interrupts_takes_no_turn(quotes_of):
    quotes = quotes_of("Harbor Row.\n\nThen the storm interrupted the game. \"We will finish this next week, I "
                       "promise you all.\"")
    assert not any(q.speaker_text and "storm" in q.speaker_text for q in quotes)


def test_a_relative_named_by_a_possessive_is_not_the_one_named(quotes_of):
    # "her husband" speaks; the identity is not Ostrova's
    quotes = quotes_of("Harbor Row.\n\nLena Ostrova runs the bakery on Pier Street. Her husband said the rent had "
                       "doubled since the spring.")
    q = holding(quotes, "the rent had doubled")
    assert q.speaker_key != "Lena Ostrova"


def test_name_opening_a_sentence_before_a_relative_aside_speaks(quotes_of):
    # the parser hangs "Vance" on the relative clause, leaving "said" with no subject
    quotes = quotes_of("Harbor Row.\n\nThe mayor has won the backing of nine councillors. Senator Tomas Vance, "
                       "meanwhile, who has no such backing, said that fact shows how little the party trusts the mayor.")
    q = holding(quotes, "how little the party trusts")
    assert q.speaker_text == "Tomas Vance"


def test_participle_after_a_where_clause_beats_a_reduced_passives_agent(nlp):
    # "the casino, owned by Lund, where workers had gathered, chanting …": the agent only
    # says who owns the casino; the workers of the "where" clause chant. Built by hand:
    # the small model hangs the participle on "owned" only in some sentences
    from spacy.tokens import Doc

    from newstrail.quotes import _subject

    words = ["Crane", "spoke", "near", "casino", ",", "owned", "by", "Lund", ",", "where", "workers", "had",
             "gathered", ",", "chanting", "slogans", "."]
    heads = [1, 1, 1, 2, 5, 1, 5, 6, 7, 12, 12, 12, 7, 5, 5, 14, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "advcl", "agent", "pobj", "punct", "advmod", "nsubj", "aux",
            "relcl", "punct", "advcl", "dobj", "punct"]
    pos = ["PROPN", "VERB", "ADP", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT", "SCONJ", "NOUN", "AUX", "VERB",
           "PUNCT", "VERB", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "IN", "NN", ",", "VBN", "IN", "NNP", ",", "WRB", "NNS", "VBD", "VBN", ",", "VBG", "NNS",
            "."]
    lemmas = ["Crane", "speak", "near", "casino", ",", "own", "by", "Lund", ",", "where", "worker", "have", "gather",
              ",", "chant", "slogan", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    assert _subject(doc[14]).text == "workers"
