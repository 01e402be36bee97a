"""Lists whose bullets a text writer lost, written in lower case without full stops (GOV.UK's
list style): "catchment management – supporting river basin planning", a line each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyparse import parse
from policyparse.repairs.group_bullet_paragraphs import reads_as_dash_item

ROOT = Path(__file__).parents[1]
SCRAPED = ROOT / "fixtures/scraped"

LOWER_CASE_LIST = (
    "Research programme\n\n"
    "The programme has three themes:\n\n"
    "catchment management – supporting river basin planning and catchment science\n"
    "land and water quality – impacts, risks and control of pollution in soil and water\n"
    "resource use – the sustainable management of natural resources including water\n\n"
    "Partnerships\n\nWe work with others where this saves money.\n"
)


@pytest.mark.parametrize(
    ("text", "is_item"),
    [
        ("land and water quality – impacts, risks and control of pollution in soil", True),
        ("Wind Farms – Around 8 gigawatts of new capacity by the end of 2030.", True),
        # Too short after the dash to be a description, or a sentence with a dash in it.
        ("collaborative R&D – a grant", False),
        ("prices rose sharply in the spring of that year – and kept rising", False),
        ("Wind Farms – Around 8 gigawatts of new capacity by the end of", False),
    ],
)
def test_dash_item_shape(text: str, is_item: bool) -> None:
    assert reads_as_dash_item(text) is is_item


def test_lower_case_lines_are_items_not_one_wrapped_sentence() -> None:
    """html-text prints a line per item; the lower-case start of the next item does not
    make it the rest of the line above."""
    document = parse(LOWER_CASE_LIST, format="text")
    [pillar] = [pillar for pillar in document.pillars if pillar.initiatives]
    assert pillar.title == "Research programme"
    assert [item.name for item in pillar.initiatives] == [
        "catchment management",
        "land and water quality",
        "resource use",
    ]
    assert pillar.initiatives[1].description.startswith("impacts, risks and control")


def test_one_lower_case_dash_paragraph_stays_prose() -> None:
    text = (
        "Research programme\n\nThe programme has one theme:\n\n"
        "catchment management – supporting river basin planning and catchment science\n\n"
        "It started in 2015.\n"
    )
    document = parse(text, format="text")
    assert not any(pillar.initiatives for pillar in document.pillars)


def gold_names(gold: Path) -> list[str]:
    data = json.loads(gold.read_text("utf-8"))
    return [item["name"] for pillar in data["pillars"] for item in pillar.get("initiatives", [])]


@pytest.mark.parametrize("scraper", ["html-text", "bs4-get-text", "newspaper4k"])
@pytest.mark.parametrize(
    ("page", "gold", "found"),
    [
        # Environment Agency (publishing-api), all six themes.
        ("govuk-research-at-environment-agency", "gold/dev", 6),
        # BIS, 2012 (govuk-archive): four or five of six ("‘Smart’ (formerly known as
        # ‘Grant for Research and Development’) - …" is another shape; html-text joins the
        # item after it to it).
        ("govuk-rd-business-sector-support", "gold/web/dev", 4),
    ],
)
def test_real_gov_uk_lists_give_their_items(scraper: str, page: str, gold: str, found: int) -> None:
    document = parse((SCRAPED / scraper / f"{page}.txt").read_text("utf-8"), format="text")
    names = [item.name for pillar in document.pillars for item in pillar.initiatives]
    expected = gold_names(ROOT / "fixtures" / gold / f"{page}.gold.json")
    assert len(set(names) & set(expected)) >= found
