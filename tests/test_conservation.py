"""No silent loss: every visible character of the input lands in the record or in dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import DOCUMENTS, SHARED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyparse
from policyparse.conservation import measure_conservation

# The contract: at least this share of the visible characters, over all documents.
MIN_CONSERVATION = 0.995
# And no single document far below it.
MIN_DOCUMENT_CONSERVATION = 0.95


def corpus_files() -> list[Path]:
    corpus = SHARED / "corpus"
    return sorted(
        [
            *DOCUMENTS.glob("*.html"),
            *DOCUMENTS.glob("*.txt"),
            *(corpus / "policy-pages").glob("*.html"),
            *(corpus / "readability-test-pages").glob("*/source.html"),
            *(corpus / "article-extraction-benchmark" / "html").glob("*.html.gz"),
        ]
    )


def test_conservation_over_fixtures_and_corpus() -> None:
    files = corpus_files()
    assert len(files) > 400
    seen = kept = 0
    low = []
    for path in files:
        result = measure_conservation(path)
        seen, kept = seen + result.input_chars, kept + result.kept_chars
        if result.ratio < MIN_DOCUMENT_CONSERVATION:
            low.append(f"{path.name}: {result.ratio:.3f} {result.missing.most_common(5)}")
    assert kept / seen >= MIN_CONSERVATION
    assert not low


def test_what_the_reader_leaves_out_is_recorded() -> None:
    html = (
        "<h1>Plan</h1><p>Costs rose by a third.<sup>4</sup></p>"
        "<table><tr><th>Measure<th>What it does<tr><td>Rail Fund<td>Builds lines.</table>"
    )
    document = policyparse.parse(html)
    reasons = {entry.reason: entry.text for entry in document.dropped}
    assert reasons["footnote marker"] == "4"
    assert reasons["table header row (column labels)"] == "Measure | What it does"
    assert measure_conservation(html).ratio == 1.0


WORDS = st.sampled_from(
    "rail fund plan budget housing school water energy grants loans the new city region "
    "Ministry Programme 2025 €4m 12% Überblick 住宅 расходы".split()
)
TAGS = st.sampled_from(
    "div p span b strong em a ul ol li table tr td th tbody thead h1 h2 h3 h4 section "
    "article header footer nav aside blockquote dl dt dd br".split()
)
PIECE = st.one_of(
    st.lists(WORDS, min_size=1, max_size=6).map(" ".join),
    TAGS.map(lambda tag: f"<{tag}>"),
    TAGS.map(lambda tag: f"</{tag}>"),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(PIECE, min_size=1, max_size=60))
def test_tag_soup_keeps_its_text(pieces: list[str]) -> None:
    markup = "<html><body>" + " ".join(pieces)
    result = measure_conservation(markup.encode("utf-8"))
    assert result.ratio >= MIN_CONSERVATION, (markup, result.missing)


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><table> <th> rail <tr>",  # found by the tag-soup property above
        "<html><body><h2>Plan</h2><table><tr><th>Rail Fund</th></tr><tr></tr></table>",
    ],
)
def test_a_table_of_header_cells_over_empty_rows_keeps_its_text(markup: str) -> None:
    """Its rows were empty, so it has no body; its header cells are kept as prose."""
    assert measure_conservation(markup.encode("utf-8")).ratio == 1.0


@pytest.mark.parametrize("data", [b"", b"   ", b"<html></html>", b"<p></p>"])
def test_empty_inputs_conserve_trivially(data: bytes) -> None:
    assert measure_conservation(data).ratio == 1.0
