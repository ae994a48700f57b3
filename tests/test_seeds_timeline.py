"""Acceptance: the seeds' gold timeline (8 dated entries) and positions (7) through the pipeline.

The whole pipeline runs on ../shared/seeds (read there, never copied) into a temporary store;
the checks read gold.json's dates, sources, stances and keywords, so nothing here knows a
seed's wording. An entry matches a gold item when its date is the gold date, its sources
include the gold sources, and a gold keyword occurs in one of its source spans.
What the pipeline does not do yet ends in pytest.xfail with the reason, after the assertions
it already meets (so a regression fails; a fix shows as a pass).
"""

from __future__ import annotations

from pathlib import Path

import pytest

SOURCE_ALIASES = {"united states": {"united states", "us", "u.s.", "usa", "washington"},
                  "russia": {"russia", "russian federation", "moscow", "kremlin"}}


def _seed(source: str) -> str:
    return Path(source).name[:3]


@pytest.fixture(scope="module")
def built(seeds_dir: Path, tmp_path_factory) -> dict:
    from newstrail import api

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    api.build([seeds_dir], db)
    with api.open_store(db, readonly=True) as store:
        return {
            "timeline": api.list_timeline(store),
            "positions": api.list_positions(store),
            "actors": api.list_actors(store),
            "texts": {a["id"]: (a["source"], a.get("body")) for a in api.list_articles(store, with_body=True)},
        }


def _original(seeds_dir: Path, source: str) -> str:
    return (seeds_dir / Path(source).name).read_text(encoding="utf-8")


def _mention_texts(seeds_dir: Path, record: dict) -> list[str]:
    out = []
    for m in record["mentions"]:
        text = _original(seeds_dir, m["source"])
        out.append(text[m["span"][0] : m["span"][1]])
    return out


def _has_keyword(seeds_dir: Path, record: dict, keywords: list[str]) -> bool:
    texts = [t.casefold() for t in _mention_texts(seeds_dir, record)] + [record.get("summary", record.get("statement", "")).casefold()]
    return any(k.casefold() in t for k in keywords for t in texts)


@pytest.mark.parametrize("index", range(8))
def test_gold_timeline_entry(index, gold, built, seeds_dir):
    item = gold["timeline"][index]
    candidates = [e for e in built["timeline"] if e["date"] == item["date"] and _has_keyword(seeds_dir, e, item["keywords"])]
    assert candidates, (f"no entry dated {item['date']} about {item['what']!r} "
                        f"(entries on that date: {[e['summary'][:60] for e in built['timeline'] if e['date'] == item['date']]})")
    sources = set().union(*({_seed(s) for s in e["sources"]} for e in candidates))
    assert set(item["sources"]) <= sources, (item, [e["sources"] for e in candidates])


def test_gold_timeline_happening_is_one_entry(gold, built, seeds_dir):
    """Stricter: a happening several outlets report is one entry listing every gold source."""
    for item in gold["timeline"]:
        candidates = [e for e in built["timeline"] if e["date"] == item["date"] and _has_keyword(seeds_dir, e, item["keywords"])]
        assert len(candidates) == 1, (item["what"], [e["summary"][:60] for e in candidates])
        assert set(item["sources"]) <= {_seed(s) for s in candidates[0]["sources"]}, (item, candidates[0]["sources"])


def test_timeline_entries_carry_spans_on_the_original(built, seeds_dir):
    assert built["timeline"], "the pipeline produced no timeline entries"
    for entry in built["timeline"]:
        assert entry["date"] and entry["sources"] and entry["mentions"]
        for text in _mention_texts(seeds_dir, entry):
            assert text.strip()


def _line_ranges(text: str, numbers: list[str]) -> list[tuple[int, int]]:
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append((pos, pos + len(line)))
        pos += len(line) + 1
    return [starts[int(n) - 1] for n in numbers if int(n) - 1 < len(starts)]


def test_nothing_from_boilerplate_or_teasers(gold, built, seeds_dir):
    for name, doc in gold["documents"].items():
        bad = _line_ranges((seeds_dir / name).read_text(encoding="utf-8"), list(doc.get("boilerplate_lines", {})))
        for record in built["timeline"] + built["positions"]:
            for m in record["mentions"]:
                if Path(m["source"]).name != name:
                    continue
                s, e = m["span"]
                assert not any(s < hi and lo < e for lo, hi in bad), (name, record.get("summary") or record.get("statement"))


def _actor_matches(position: dict, gold_actor: str, affiliation: dict[str, str | None]) -> bool:
    names = {position["actor"].casefold()}
    aff = affiliation.get(position["actor"])
    if aff:
        names.add(aff.casefold())
    wanted = SOURCE_ALIASES.get(gold_actor.casefold(), {gold_actor.casefold()})
    return bool(names & wanted)


@pytest.mark.parametrize("index", range(7))
def test_gold_position(index, gold, built, seeds_dir):
    item = gold["positions"][index]
    affiliation = {a["name"]: a.get("affiliation") for a in built["actors"]}
    found = [p for p in built["positions"] if p["stance"] == item["stance"]
             and _has_keyword(seeds_dir, p, item["keywords"]) and _actor_matches(p, item["actor"], affiliation)]
    assert found, f"no {item['stance']} position of {item['actor']} about {item['what']!r}"
    sources = set().union(*({_seed(s) for s in p["sources"]} for p in found))
    missing = set(item["sources"]) - sources
    if missing:
        pytest.xfail(f"position {item['what']!r} found, but not yet in sources {sorted(missing)}")


def test_gold_positions_merged_across_outlets(gold, built, seeds_dir):
    """Stricter: each multi-source gold position is one position listing every gold source."""
    affiliation = {a["name"]: a.get("affiliation") for a in built["actors"]}
    merged = 0
    multi = [g for g in gold["positions"] if len(g["sources"]) > 1]
    for item in multi:
        for p in built["positions"]:
            if (p["stance"] == item["stance"] and _has_keyword(seeds_dir, p, item["keywords"])
                    and _actor_matches(p, item["actor"], affiliation)
                    and set(item["sources"]) <= {_seed(s) for s in p["sources"]}):
                merged += 1
                break
    assert merged >= 4, f"only {merged} of {len(multi)} multi-source positions merged into one position"
    if merged < len(multi):  # an organisation's refusal voiced by a member state (no shared words) stays apart
        pytest.xfail(f"{merged} of {len(multi)} multi-source positions merged into one position so far")
