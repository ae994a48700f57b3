"""Position merging on invented stance mentions: paraphrases across outlets become one position."""

from __future__ import annotations

from newstrail.adapters import article_from_text
from newstrail.model import ArticleAnalysis, Span, StanceMention
from newstrail.positions import assessments_over_time, merge_positions


def _analysis(source: str, stances: list[tuple[str, str, str, str | None]]):
    text = " ".join(s for _, _, s, _ in stances)
    article = article_from_text(text, None, source)
    out, pos = [], 0
    for actor, stance, statement, date in stances:
        start = text.index(statement, pos)
        pos = start + len(statement)
        out.append(StanceMention(Span(article.id, start, pos), actor, stance, statement, date))
    return ArticleAnalysis(article=article, stances=tuple(out))


def _actor(_aid: str, key: str) -> str | None:
    return {"Moscow-like capital": "Estovia", "Estovian officials": "Estovia"}.get(key, key)


def test_paraphrased_demand_across_outlets_is_one_position():
    a = _analysis("a.txt", [("Estovia", "demand", "Estovia demands legally binding guarantees that the alliance will not expand east.", "2030-03-04")])
    b = _analysis("b.txt", [("Estovian officials", "demand", "Estovian officials insist on a legally binding guarantee against eastward expansion of the alliance.", "2030-03-06")])
    c = _analysis("c.txt", [("Estovia", "demand", "Estovia wants no strike weapons deployed near its borders.", "2030-03-05")])
    positions = merge_positions([a, b, c], _actor)
    expand = [p for p in positions if "expan" in p.statement]
    assert len(expand) == 1
    assert set(expand[0].sources) == {"a.txt", "b.txt"}
    assert (expand[0].first, expand[0].last) == ("2030-03-04", "2030-03-06")
    assert expand[0].actor == "Estovia"
    assert any("strike weapons" in p.statement for p in positions if p is not expand[0])


def test_different_stances_never_merge():
    a = _analysis("a.txt", [
        ("Norland", "reject", "Norland will not close the alliance's open door.", "2030-03-04"),
        ("Norland", "threaten", "Norland warned of severe costs if Estovia invades.", "2030-03-04"),
    ])
    positions = merge_positions([a], _actor)
    assert sorted(p.stance for p in positions) == ["reject", "threaten"]


def test_assessments_over_time_in_date_order():
    a = _analysis("a.txt", [("Palace", "assess", "There is no result yet from the talks.", "2030-03-05")])
    b = _analysis("b.txt", [("Palace", "assess", "The talks deserve a positive assessment.", "2030-03-06")])
    c = _analysis("c.txt", [("Palace", "assess", "The negotiations failed.", "2030-03-09")])
    d = _analysis("d.txt", [("Norland", "assess", "The talks were useful.", "2030-03-06")])
    positions = merge_positions([c, a, d, b], _actor)
    timeline = assessments_over_time(positions, "palace")
    assert [p.first for p in timeline] == ["2030-03-05", "2030-03-06", "2030-03-09"]
    assert "failed" in timeline[-1].statement


def test_spans_point_at_original_text():
    a = _analysis("a.txt", [("Estovia", "deny", "Estovia has no plans to attack its neighbour.", None)])
    (position,) = merge_positions([a], _actor)
    (span,) = position.mentions
    assert a.article.text[span.start : span.end] == "Estovia has no plans to attack its neighbour."


def test_officials_speak_for_their_state_and_are_kept_as_speakers():
    a = _analysis("a.txt", [("Ivo Marek", "deny", "Ivo Marek said Estovia has no plans to invade its neighbour.", "2030-03-04")])
    b = _analysis("b.txt", [("Estovia", "deny", "Estovia denied planning an invasion of the neighbouring state.", "2030-03-05")])
    affiliation = {"Ivo Marek": "Estovia"}
    positions = merge_positions([a, b], _actor, lambda _aid, key: affiliation.get(key))
    (deny,) = [p for p in positions if p.stance == "deny"]
    assert deny.actor == "Estovia" and deny.speakers == ("Ivo Marek",)
    assert set(deny.sources) == {"a.txt", "b.txt"}
    apart = merge_positions([a, b], _actor, lambda _aid, key: affiliation.get(key), by_affiliation=False)
    assert {p.actor for p in apart} == {"Ivo Marek", "Estovia"}


def test_an_opposition_leader_states_his_own_position_not_his_country_s():
    from dataclasses import replace

    from newstrail.model import Mention

    def titled(analysis, person: str, role: str):
        stance = analysis.stances[0]
        mention = Mention(stance.span, person, "person", person, role=role, affiliation="Estovia")
        return replace(analysis, mentions=(mention,))

    a = titled(_analysis("a.txt", [("Ivo Marek", "demand", "Ivo Marek said the assembly must be dissolved at once.", "2030-03-04")]),
               "Ivo Marek", "President")
    b = titled(_analysis("b.txt", [("Lena Dukic", "demand", "Lena Dukic said the president must resign at once.", "2030-03-04")]),
               "Lena Dukic", "opposition leader")
    affiliation = {"Ivo Marek": "Estovia", "Lena Dukic": "Estovia"}
    positions = merge_positions([a, b], _actor, lambda _aid, key: affiliation.get(key))
    assert {p.actor for p in positions} == {"Estovia", "Lena Dukic"}
    assert next(p for p in positions if p.actor == "Estovia").speakers == ("Ivo Marek",)


def test_key_terms_merge_a_reworded_list_of_demands():
    a = _analysis("a.txt", [("Estovia", "demand", "Estovia wants a treaty banning the alliance's expansion eastward and new missile deployments.", "2030-03-04")])
    b = _analysis("b.txt", [("Estovia", "demand", "The alliance must promise not to expand to the east or deploy missiles near us, Estovia said.", "2030-03-05")])
    c = _analysis("c.txt", [("Estovia", "demand", "Estovia asked for a quick answer on grain export quotas.", "2030-03-05")])
    positions = merge_positions([a, b, c], _actor)
    assert sorted(len(p.sources) for p in positions) == [1, 2]


def _demand_items(statements: list[str]) -> list:
    """One merge item per statement, all Estovia's demands in one article."""
    from newstrail.positions import _Item

    return [_Item(k, "Estovia", "a.txt", frozenset(), StanceMention(Span("a", k, k + 1), "Estovia", "demand", s, None))
            for k, s in enumerate(statements)]


def test_key_term_overlap_is_the_pairwise_definition():
    from newstrail.positions import KEY_MIN_SHARED, _KeyTerms

    statements = [
        "Estovia demands guarantees against expansion of the alliance.",
        "Estovia insists on a guarantee against alliance expansion.",
        "Estovia wants no strike weapons deployed near its borders.",
        "Estovia demands guarantees against expansion of the alliance.",
        "Estovia wants the 1997 borders.",
    ]
    items = _demand_items(statements)
    keys = _KeyTerms(items)
    overlap = keys.overlap_squares(range(len(items)), [0, len(items)])[0]
    for x in range(len(items)):
        for y in range(len(items)):
            shared = keys.sets[x] & keys.sets[y]
            expected = 0.0
            if len(shared) >= KEY_MIN_SHARED:
                expected = sum(keys.idf[t] for t in shared) / min(keys.weight[x], keys.weight[y])
            assert abs(overlap[x, y] - expected) < 1e-12
    assert overlap[0, 3] == 1.0  # a repeated statement overlaps its copy fully


def test_block_squares_are_the_blocks_of_the_whole_products():
    """Each block's square, read out of the batch's sparse products, is that block of the
    dense matrices over all rows, to the last bit (and blocks see nothing of one another)."""
    import numpy as np

    from newstrail.positions import _cosine_squares, _KeyTerms, _tfidf
    from newstrail.timeline import rows_apart

    statements = [
        "Estovia demands guarantees against expansion of the alliance.",
        "Estovia insists on a guarantee against alliance expansion.",
        "Norland rejects any talks on the harbour treaty.",
        "Norland will not discuss the harbour treaty at all.",
        "Norland rejects any talks on the harbour treaty.",
        "",
        "Estovia wants the 1997 borders.",
    ]
    items = _demand_items(statements)
    mats, keys = _tfidf(statements), _KeyTerms(items)
    rows, bounds = [6, 0, 1, 2, 3, 4, 5], [0, 3, 3 + 3, 7]
    labels = [0, 0, 0, 1, 1, 1, 2]
    whole = np.zeros((len(rows), len(rows)))
    for m in mats:
        sub = rows_apart(m[rows], labels)
        whole += (sub @ sub.T).toarray()
    whole /= 2
    has = rows_apart(keys.has[rows], labels)  # the same two products, dense over the whole batch
    count, shared = (has @ has.T).toarray(), (rows_apart(keys.weighted[rows], labels) @ has.T).toarray()
    overlap = keys._overlap(count, shared, keys.weight[rows])
    for (lo, hi), cosine, own in zip(zip(bounds[:-1], bounds[1:]), _cosine_squares(mats, rows, bounds),
                                     keys.overlap_squares(rows, bounds)):
        assert np.array_equal(cosine, whole[lo:hi, lo:hi])
        assert np.array_equal(own, overlap[lo:hi, lo:hi])
    assert not whole[:3, 3:].any() and not overlap[:3, 3:].any()


def test_repeated_statements_group_like_distinct_ones():
    a = _analysis("a.txt", [("Estovia", "demand", "Estovia demands legally binding guarantees that the alliance will not expand east.", "2030-03-04")])
    b = _analysis("b.txt", [("Estovia", "demand", "Estovia demands legally binding guarantees that the alliance will not expand east.", "2030-03-05")])
    c = _analysis("c.txt", [("Estovia", "demand", "Estovia wants no strike weapons deployed near its borders.", "2030-03-05")])
    positions = merge_positions([a, b, c], _actor)
    assert sorted(len(p.sources) for p in positions) == [1, 2]


def test_a_block_larger_than_max_block_is_merged_in_date_windows(monkeypatch):
    """A state named in every article would make one dense n x n block: it is cut into windows."""
    import newstrail.positions as positions

    same = "Estovia demands legally binding guarantees that the alliance will not expand east."
    analyses = [_analysis(f"{k}.txt", [("Estovia", "demand", same, f"2030-03-{k + 1:02d}")]) for k in range(5)]
    assert len(merge_positions(analyses, _actor)) == 1
    monkeypatch.setattr(positions, "MAX_BLOCK", 2)
    windowed = merge_positions(analyses, _actor)
    assert [len(p.sources) for p in windowed] == [2, 2, 1]
    assert [p.first for p in sorted(windowed, key=lambda p: p.first)] == ["2030-03-01", "2030-03-03", "2030-03-05"]


def test_positions_read_one_mention_per_distinct_form_from_the_store():
    """The first pass keeps the first mention of each (key, text folded, kind, affiliation), in
    order; an article without stances keeps only persons given an affiliation, or nothing."""
    from dataclasses import replace

    from newstrail.model import Mention
    from newstrail.stages import _for_positions
    from newstrail.store import Store

    said = _analysis("a.txt", [("Ana Varga", "demand", "Ana Varga demands a new ferry timetable.", "2030-03-04")])
    aid = said.article.id

    def mention(start: int, text: str, kind: str = "person", affiliation: str | None = None) -> Mention:
        return Mention(Span(aid, start, start + len(text)), text, kind, "Ana Varga", affiliation=affiliation)

    forms = (mention(0, "Ana Varga"), mention(40, "ANA VARGA"), mention(60, "Ana Varga", affiliation="Norland"),
             mention(80, "Ana Varga", kind="other"), mention(90, "Ana Varga"))
    quiet = replace(_analysis("b.txt", [("Norland", "reject", "Norland will not wait.", None)]), stances=())
    quiet = replace(quiet, mentions=(mention(0, "Norland", kind="country"), mention(5, "Ana Varga", affiliation="Norland")))
    store = Store(":memory:")
    with store.atomic():
        store.write_analyses([replace(said, mentions=forms), quiet, replace(quiet, article=_analysis("c.txt", [
            ("Norland", "reject", "Norland will not go.", None)]).article, mentions=quiet.mentions[:1])])
    read = [_for_positions(*row) for row in store.analysis_rows(tables=("stances", "mentions"), slim=True)]
    assert read[0].stances == said.stances
    assert read[0].mentions == (forms[0], forms[2], forms[3])  # "ANA VARGA" folds to the first form
    assert read[0].article.body == "" and not read[0].quotes
    assert read[1].mentions == quiet.mentions[1:] and not read[1].stances
    assert read[2] is None


def test_a_holder_no_actor_was_resolved_for_counts_only_when_shaped_like_a_name():
    # the speaker words of an unresolved quote: a sentence-opening common noun or a group
    # description holds no position; a transcript's label in capitals and a full name do
    a = _analysis("a.txt", [
        ("Analysts", "assess", "Analysts expect the Estovian currency to fall further.", "2030-03-04"),
        ("Some dockers", "demand", "Some dockers want the harbour fees cut at once.", "2030-03-04"),
        ("The regional council", "reject", "The regional council will not approve the ferry tariff.", "2030-03-04"),
        ("KALLER", "deny", "KALLER has never met the Norland envoy in private.", "2030-03-04"),
        ("Vera Lind", "commit", "Vera Lind will fund the new clinic in Portvall.", "2030-03-04"),
    ])
    resolved = {"Vera Lind": "Vera Lind"}
    positions = merge_positions([a], lambda _aid, key: resolved.get(key))
    assert sorted(p.actor for p in positions) == ["KALLER", "Vera Lind"]
    # resolved by the actors stage, a capitalised holder counts as before
    assert len(merge_positions([a], _actor)) == 5


def test_an_official_speaks_for_the_state_or_body_their_refusals_name_and_for_nothing_else():
    from dataclasses import replace

    from newstrail.model import Mention
    from newstrail.positions import speaker_affiliations

    said = [("Ivo Marek", "reject", "Estovia will not sign the ferry treaty this year.", "2030-03-04"),
            ("Lena Varga", "reject", "I won't sign anything until the harbour reopens.", "2030-03-04"),
            ("Tomas Berg", "deny", "Kaller will not step down before the vote.", "2030-03-04")]
    a = _analysis("a.txt", said)
    aid = a.article.id

    def mention(text: str, kind: str, role: str | None = None) -> Mention:
        return Mention(Span(aid, 0, len(text)), text, kind, text, role=role)

    a = replace(a, mentions=(mention("Estovia", "country"), mention("Kaller", "person", "mayor"),
                             *(mention(name, "person", "official") for name, *_ in said)))
    sides = speaker_affiliations([a], lambda _aid, key: key)
    assert sides == {"Ivo Marek": "Estovia"}  # not "I", not the person the denial is about


def test_a_state_the_tagger_took_for_a_person_here_is_still_a_side():
    """The corpus-wide kind decides: "Norvala" tagged a person in this article is the country
    the other articles name, so the minister whose commitment it opens speaks for it."""
    from dataclasses import replace

    from newstrail.model import Mention
    from newstrail.positions import speaker_affiliations

    a = _analysis("a.txt", [("Petra Lind", "commit", "Norvala will keep the sluices open until the vote.", "2030-05-02")])
    aid = a.article.id
    a = replace(a, mentions=(Mention(Span(aid, 0, 7), "Norvala", "person", "Norvala"),
                             Mention(Span(aid, 0, 10), "Petra Lind", "person", "Petra Lind", role="minister")))
    assert speaker_affiliations([a], lambda _aid, key: key) == {}
    kinds = {"Norvala": "country", "Petra Lind": "person"}
    assert speaker_affiliations([a], lambda _aid, key: key, None, lambda _aid, key: kinds[key]) == {"Petra Lind": "Norvala"}
    # merge_positions, the Python API's way in, reads the same kinds
    (position,) = merge_positions([a], lambda _aid, key: key, kind_of=lambda _aid, key: kinds[key])
    assert position.actor == "Norvala"


def test_key_terms_drop_stop_words_short_words_and_the_actors_own_names():
    # each word's key is worked out once for the corpus; the actor's and speaker's names are
    # dropped per statement, and a word dropped for one actor is a key term of another's
    from newstrail.positions import _key_term, _name_words, _terms

    _key_term.cache_clear()
    statement = "Estovia demands the withdrawal of 40 tanks; Kaller insists on withdrawing by May."
    drop = _name_words("Estovia", "Minister Kaller")
    assert drop == frozenset({"estovia", "minister", "kaller"})
    assert _terms(statement, drop) == {"dema", "with", "40", "tank", "insi"}
    assert _terms(statement, _name_words("Norland", "")) == {"esto", "dema", "with", "40", "tank", "kall", "insi"}
    assert _key_term("may") is None and _key_term("by") is None and _key_term("7") == "7"
