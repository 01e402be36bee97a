"""The story on pages that do not mark it (no <article>, <main> or articleBody): Readability's
candidate scoring with sibling merging, and the headline's box above the story."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from policyparse import parse

BENCHMARK = Path(__file__).resolve().parents[2] / "shared/corpus/article-extraction-benchmark/html"
OUTSIDE = "page furniture (outside the main article)"

PROSE = (
    "The ministry will fund twelve new clinics in rural districts, officials said, and the "
    "first three will open next spring, with staff trained at the regional hospital."
)
STORY = f'<div class="story-text"><p>{PROSE}</p><p>Then {PROSE}</p><p>Later {PROSE}</p></div>'
TEASER = "Another story: the mayor opens a bridge, and traffic is expected to ease."


def page(story: str, sidebar: str = "", header: str = "") -> str:
    teasers = "".join(
        f'<div class="teaser"><p><a href="/other">{line}</a></p></div>'
        for line in (TEASER, "Schools reopen after the storm, and pupils return on Monday.")
    )
    return (
        "<html><head><title>Clinics | Daily</title></head><body>"
        f'<div id="top"><a href="/">Home</a> <a href="/news">News</a></div>'
        f'<div id="wrap">{header}<div id="columns">{story}'
        f'<div id="rail">{sidebar or teasers}</div></div></div>'
        "</body></html>"
    )


def outside(document) -> list[str]:
    return [entry.text for entry in document.dropped if entry.reason == OUTSIDE]


def test_teasers_beside_an_unmarked_story_are_furniture():
    document = parse(page(STORY, header="<h1>Twelve New Clinics</h1>"))
    assert document.title == "Twelve New Clinics"
    assert [line[:9] for line in document.lede.split("\n")] == [
        "The minis",
        "Then The ",
        "Later The",
    ]
    assert any(TEASER in text for text in outside(document)) and TEASER not in document.lede


def test_a_story_split_over_sibling_boxes_stays_whole_with_its_headings():
    story = (
        f'<div class="part"><p>{PROSE}</p><p>Then {PROSE}</p></div>'
        "<p><b>Next steps</b></p>"
        f'<div class="part"><p>Later {PROSE} Then more.</p><p>Finally {PROSE}</p></div>'
    )
    document = parse(page(story, header="<h1>Twelve New Clinics</h1>"))
    assert [pillar.title for pillar in document.pillars] == ["Next steps"]
    assert "Then more." in document.pillars[0].description
    assert "Finally" in document.pillars[0].description
    assert TEASER not in document.pillars[0].description


def test_the_standfirst_in_the_headline_box_above_the_story_is_kept():
    header = (
        '<div class="head"><h1>Twelve New Clinics</h1></div>'
        '<div class="standfirst">Rural districts get care closer to home.</div>'
        '<div class="byline-meta">By Ana Ruiz | 3 May 2025</div>'
    )
    document = parse(page(STORY, header=header))
    assert document.lede.startswith("Rural districts get care closer to home.")
    assert "By Ana Ruiz" not in document.lede  # a byline strip stays furniture


def test_a_page_of_bare_paragraphs_in_the_body_keeps_everything():
    html = f"<html><body><h1>Clinics</h1><p>{PROSE}</p><h2>Costs</h2><p>{PROSE}</p></body></html>"
    document = parse(html)
    assert [pillar.title for pillar in document.pillars] == ["Costs"]
    assert not outside(document)


@pytest.mark.parametrize(
    ("name", "story_start", "sidebar_line"),
    [
        (  # kabarislamia.com (Indonesian blog): a sidebar of links and petitions
            "21486419bb109c5a62a68957f528e6ff29c92f58d8d3c1f2837c86ff3f3e11f9",
            "Mudah2an kita bisa memahami",
            "Petisi Turunkan Tarif Listrik PLN yang Amat Mahal",
        ),
        (  # rt.com (English news): the standfirst beside the text, promos under it
            "4a44ab3e4c41d56ce9b79eb07acb06aed1bc52aba68a950f06e7de7ef848400a",
            "Three people have died during protests in Bolivia",
            "Miss Moscow 2018 picked from 49 top beauties",
        ),
    ],
)
def test_real_unmarked_pages_keep_the_story_and_drop_the_rail(name, story_start, sidebar_line):
    document = parse(gzip.decompress((BENCHMARK / f"{name}.html.gz").read_bytes()))
    kept = "\n".join([document.lede, *(pillar.description for pillar in document.pillars)])
    assert story_start in kept
    assert sidebar_line not in kept
    assert any(sidebar_line in text for text in outside(document))
