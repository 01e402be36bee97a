"""The scorer behind `policyparse eval`: perfect, empty, partial, wrong pillar, fuzzy edges."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import policyparse
from policyparse.evaluation import MATCH_F1, Score, evaluate, score_document, token_f1

ARTICLE = """Rail Plan for the North

New lines
The plan funds new lines across the region.
- Metro Link: A new line from the airport to the centre.
- Tram Loop: A loop around the old town.

Buses
- Bus Lanes: Faster buses on the ring road.

Share this article on social media
"""


def gold(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Rail Plan for the North",
        "pillars": [
            {
                "title": "New lines",
                "description_phrases": ["funds new lines across the region"],
                "initiatives": [
                    {
                        "name": "Metro Link",
                        "description": "A new line from the airport to the centre.",
                    },
                    {"name": "Tram Loop", "description": "A loop around the old town."},
                ],
            },
            {
                "title": "Buses",
                "description_phrases": [],
                "initiatives": [
                    {"name": "Bus Lanes", "description": "Faster buses on the ring road."}
                ],
            },
        ],
        "must_not_contain": ["Share this article"],
    }
    data.update(changes)
    return data


@pytest.fixture(scope="module")
def document() -> policyparse.PolicyDocument:
    return policyparse.parse(ARTICLE)


def test_perfect(document: policyparse.PolicyDocument) -> None:
    score = score_document(document, gold())
    assert (score.initiatives.f1, score.pillars.f1, score.title_correct) == (1.0, 1.0, True)
    assert score.boilerplate_survived == [] and score.leaked_markup == 0


def test_empty_gold_and_empty_record_is_perfect_but_predictions_against_empty_gold_are_not() -> (
    None
):
    empty = policyparse.parse("Just a title\n\nSome prose without any list.")
    assert score_document(empty, gold(pillars=[])).initiatives.f1 == 1.0
    with_items = policyparse.parse(ARTICLE)
    score = score_document(with_items, gold(pillars=[]))
    assert (score.initiatives.precision, score.initiatives.f1) == (0.0, 0.0)


def test_partial(document: policyparse.PolicyDocument) -> None:
    expected = gold()
    expected["pillars"][0]["initiatives"].append(
        {"name": "Night Trains", "description": "Sleepers."}
    )
    score = score_document(document, expected).initiatives
    assert (score.hits, score.predicted, score.expected) == (3, 3, 4)
    assert score.precision == 1.0 and score.recall == 0.75
    assert score.f1 == pytest.approx(2 * 0.75 / 1.75)


def test_an_initiative_under_the_wrong_pillar_is_a_miss(
    document: policyparse.PolicyDocument,
) -> None:
    expected = gold()
    moved = expected["pillars"][0]["initiatives"].pop()
    expected["pillars"][1]["initiatives"].append(moved)
    assert score_document(document, expected).initiatives.hits == 2


def test_a_pillar_needs_its_phrases(document: policyparse.PolicyDocument) -> None:
    expected = gold()
    expected["pillars"][0]["description_phrases"] = ["a phrase the page does not have"]
    assert score_document(document, expected).pillars.hits == 1


def test_fuzzy_match_edges() -> None:
    ten = "one two three four five six seven eight nine ten"
    assert token_f1(ten, ten.replace("ten", "TEN")) == 1.0  # case folded
    assert token_f1(ten, ten + " eleven") >= MATCH_F1  # one word more in eleven: a match
    assert token_f1(ten, ten.rsplit(" ", 2)[0]) < MATCH_F1  # two of ten missing: not
    assert token_f1("Ｍetro\u00a0Link", "metro link") == 1.0  # NFKC, NBSP
    assert token_f1("", "") == 1.0 and token_f1("a", "") == 0.0


def test_boilerplate_and_leaks_are_counted(document: policyparse.PolicyDocument) -> None:
    leaky = document.model_copy(update={"lede": "Share this article &amp; more</td>"})
    score = score_document(leaky, gold())
    assert score.boilerplate_survived == ["Share this article"]
    assert score.leaked_markup == 2  # the entity and the tag


def test_score_arithmetic() -> None:
    total = Score(hits=1, predicted=2, expected=2) + Score(hits=2, predicted=2, expected=4)
    assert (total.hits, total.predicted, total.expected) == (3, 4, 6)
    assert Score().f1 == 1.0


def test_evaluate_reads_gold_files_beside_their_input(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "page.gold.json").write_text(json.dumps(gold(input="page.txt")), encoding="utf-8")
    (tmp_path / "missing.gold.json").write_text(
        json.dumps(gold(input="nope.txt")), encoding="utf-8"
    )
    report = evaluate([tmp_path])
    assert [Path(d.gold).name for d in report.documents] == ["missing.gold.json", "page.gold.json"]
    assert report.documents[0].error and report.documents[1].initiatives.f1 == 1.0
    summary = report.summary()
    assert summary["errors"] == 1 and summary["initiative_recall"] == 0.5


HEADINGLESS = """Parliament adopts contingency measures

MEPs adopted three measures on Tuesday.
- Air Connectivity: Basic flights continue for nine months.
- Road Haulage: Hauliers keep their access until the end of the year.
"""


def test_initiatives_before_any_heading_match_the_gold_lede_pillar() -> None:
    # The record names that pillar after the document; gold files write it as "".
    document = policyparse.parse(HEADINGLESS)
    assert [pillar.title for pillar in document.pillars] == [document.title]
    items = [
        {"name": "Air Connectivity", "description": "Basic flights continue for nine months."},
        {
            "name": "Road Haulage",
            "description": "Hauliers keep their access until the end of the year.",
        },
    ]
    expected = gold(
        title=document.title,
        pillars=[{"title": "", "description_phrases": [], "initiatives": items}],
    )
    score = score_document(document, expected)
    assert (score.initiatives.f1, score.pillars.f1) == (1.0, 1.0)


def test_a_section_named_like_the_document_is_not_taken_for_the_lede() -> None:
    document = policyparse.parse(HEADINGLESS)
    named = [{"title": document.title, "description_phrases": [], "initiatives": []}]
    lede = [{"title": "", "description_phrases": [], "initiatives": []}]
    assert score_document(document, gold(pillars=named)).pillars.hits == 1
    assert score_document(document, gold(pillars=lede + named)).pillars.hits == 1
