"""Boilerplate: what is dropped, with which reason, and what must stay."""

from __future__ import annotations

from policyparse.blocks import Heading, ListBlock, ListItem, Paragraph
from policyparse.boilerplate import remove_boilerplate

PROSE = "The ministry will fund twelve new clinics in rural districts over the next three years, officials said."


def reasons(blocks: list[object]) -> list[tuple[str, str]]:
    cleaned = remove_boilerplate(blocks)  # type: ignore[arg-type]
    return [(entry.text, entry.reason) for entry in cleaned.dropped]


def test_chrome_labels_become_reasons() -> None:
    dropped = reasons([Paragraph(text="Home News", chrome="navigation"), Paragraph(text=PROSE)])
    assert dropped == [("Home News", "page furniture (navigation)")]


def test_related_heading_drops_its_links_until_prose_or_next_heading() -> None:
    links = ListBlock(
        items=(ListItem(text="Other story one"), ListItem(text="Other story two")), link_ratio=1.0
    )
    teaser = Paragraph(text="A short teaser of another story.")
    resumed = Paragraph(text=PROSE + " " + PROSE)  # long prose: the article resumes
    funding = [Heading(text="Funding"), Paragraph(text=PROSE)]
    blocks = [Heading(text="Related articles", level=3), links, teaser, resumed, *funding]
    cleaned = remove_boilerplate(blocks)
    assert [b.text for b in cleaned.blocks] == [resumed.text, "Funding", PROSE]
    assert [d.reason for d in cleaned.dropped] == [
        "related-articles heading",
        "link-dense list (navigation)",
        "links to other articles under a related-articles heading",
    ]


def test_furniture_lines() -> None:
    lines = [
        "By Jane Doe and John Roe",
        "Photo: Reuters",
        "Published 12 March 2025",
        "Publié le 4 février 2025 à 11h20",
        "Home > Policy > Energy",
        "Read more: Lagos unveils airport plan",
        "Share this article",
        "We use cookies to improve your experience.",
        "Follow @ministry on Twitter and sign up to our newsletter at news@example.org",
    ]
    dropped = reasons([Paragraph(text=line) for line in lines] + [Paragraph(text=PROSE)])
    assert [text for text, _ in dropped] == lines


def test_prose_mentioning_furniture_words_stays() -> None:
    long_prose = (
        PROSE
        + " The regulator said cookies and newsletters are covered by the new privacy code. " * 3
    )
    blocks = [
        Paragraph(text=long_prose),
        Paragraph(text="By 2030 the plan aims to halve emissions."),
    ]
    assert reasons(blocks) == []


def test_trailing_headlines_are_dropped_with_relatedness() -> None:
    blocks = [
        Heading(text="Grid Plan", level=1),
        Heading(text="New Lines for the Grid"),
        Paragraph(text="The grid operator will build new lines to carry solar power north."),
        Heading(text="Grid Operator Builds New Lines"),
        Heading(text="Football Club Wins Cup Final in Madrid"),
    ]
    dropped = reasons(blocks)
    assert dropped == [
        ("Grid Operator Builds New Lines", "trailing headline with no text under it"),
        ("Football Club Wins Cup Final in Madrid", "trailing headline unrelated to the article"),
    ]


def test_furniture_items_leave_a_list_one_by_one() -> None:
    items = (
        ListItem(text="Grid: new lines"),
        ListItem(text="For more stories like this, check our news page."),
    )
    cleaned = remove_boilerplate([ListBlock(items=items)])
    assert [item.text for item in cleaned.blocks[0].items] == ["Grid: new lines"]
    assert [d.reason for d in cleaned.dropped] == ["site furniture text"]
