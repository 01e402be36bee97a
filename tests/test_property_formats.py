"""Property: a document rendered once as HTML and once as scraped pipe text parses to the
same pillars and initiatives. Both front ends must feed the same block stream."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from policyparse import parse

NOUNS = [
    "water",
    "energy",
    "housing",
    "transport",
    "health",
    "school",
    "grid",
    "port",
    "budget",
    "farm",
    "forest",
    "coast",
    "river",
]
VERBS = [
    "builds",
    "funds",
    "expands",
    "repairs",
    "protects",
    "connects",
    "trains",
    "supports",
    "reduces",
    "improves",
]
ADJECTIVES = [
    "new",
    "rural",
    "urban",
    "national",
    "regional",
    "local",
    "green",
    "public",
    "digital",
    "safe",
]

title_word = st.sampled_from(NOUNS + ADJECTIVES).map(str.capitalize)
title = st.lists(title_word, min_size=2, max_size=6).map(" ".join)
sentence = st.builds(
    lambda subject, verb, rest: (
        f"The {subject} plan {verb} {' '.join(rest)} by the end of next year."
    ),
    st.sampled_from(NOUNS),
    st.sampled_from(VERBS),
    st.lists(st.sampled_from(ADJECTIVES + NOUNS), min_size=1, max_size=8),
)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: list[str]
    items: list[tuple[str, str]]
    rows: list[tuple[str, str, str]]


section = st.builds(
    Section,
    heading=title,
    paragraphs=st.lists(paragraph, min_size=1, max_size=2),
    items=st.lists(st.tuples(title, sentence), max_size=4, unique_by=lambda pair: pair[0]),
    rows=st.lists(
        st.tuples(title, sentence, st.integers(1, 900).map(lambda n: f"${n}m")), max_size=4
    ),
)


def as_html(doc_title: str, sections: list[Section]) -> str:
    parts = [f"<html><head><title>{html.escape(doc_title)}</title></head><body><article>"]
    parts.append(f"<h1>{html.escape(doc_title)}</h1>")
    for sec in sections:
        parts.append(f"<h2>{html.escape(sec.heading)}</h2>")
        parts += [f"<p>{html.escape(text)}</p>" for text in sec.paragraphs]
        if sec.items:
            parts.append(
                "<ul>"
                + "".join(f"<li>{html.escape(n)}: {html.escape(d)}</li>" for n, d in sec.items)
                + "</ul>"
            )
        if sec.rows:
            head = "<thead><tr><th>Initiative</th><th>Description</th><th>Budget</th></tr></thead>"
            body = "".join(f"<tr><td>{n}</td><td>{d}</td><td>{b}</td></tr>" for n, d, b in sec.rows)
            parts.append(f"<table>{head}<tbody>{body}</tbody></table>")
    return "".join(parts) + "</article></body></html>"


def as_text(doc_title: str, sections: list[Section]) -> str:
    lines = [doc_title]
    for sec in sections:
        lines.append(sec.heading)
        lines += sec.paragraphs
        lines += [f"- {n}: {d}" for n, d in sec.items]
        if sec.rows:
            lines += ["Initiative | Description | Budget |", "---|---|---|"]
            lines += [f"{n} | {d} | {b} |" for n, d, b in sec.rows]
    return "\n".join(lines)


def shape(
    source: str, format: str
) -> list[tuple[str, str, list[tuple[str, str, str, dict[str, str]]]]]:
    document = parse(source, format=format)
    return [
        (
            pillar.title,
            pillar.description,
            [
                (i.name, i.description, i.origin.kind, dict(i.attributes))
                for i in pillar.initiatives
            ],
        )
        for pillar in document.pillars
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc_title=title, sections=st.lists(section, min_size=1, max_size=4))
def test_html_and_text_renderings_agree(doc_title: str, sections: list[Section]) -> None:
    # Articles do not print one paragraph twice: repeats are captions or running headers,
    # which the boilerplate stage drops by design.
    paragraphs = [text for sec in sections for text in sec.paragraphs]
    assume(len(set(paragraphs)) == len(paragraphs))
    # A heading near the top that repeats the title is the headline printed again (the
    # title taken from <title> or a header, the story repeating it): not a section.
    assume(all(sec.heading.casefold() != doc_title.casefold() for sec in sections))
    # A name leading items in three or more lists is a card's field label ("Cost:" under
    # every programme), not a measure: a document's measures have names of their own.
    names = Counter(name.casefold() for sec in sections for name in {n for n, _ in sec.items})
    assume(all(count < 3 for count in names.values()))
    from_html = shape(as_html(doc_title, sections), "html")
    from_text = shape(as_text(doc_title, sections), "text")
    assert from_html == from_text
    assert [pillar[0] for pillar in from_html] == [sec.heading for sec in sections]
    expected_items = [len(sec.items) + len(sec.rows) for sec in sections]
    assert [len(pillar[2]) for pillar in from_html] == expected_items
