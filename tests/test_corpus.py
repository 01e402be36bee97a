"""Every real page of ../shared/corpus parses, and no output string carries markup debris.

337 pages nobody here wrote: 26 policy pages, 130 Readability test pages, 181 news pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import SHARED, leaks_in

from policyparse import parse_file

CORPUS = SHARED / "corpus"
PAGES = sorted(
    [
        *(CORPUS / "policy-pages").glob("*.html"),
        *(CORPUS / "readability-test-pages").glob("*/source.html"),
        *(CORPUS / "article-extraction-benchmark" / "html").glob("*.html.gz"),
    ]
)


def page_id(path: Path) -> str:
    return path.parent.name if path.name == "source.html" else path.name[:24]


def test_corpus_is_present() -> None:
    assert len(PAGES) >= 300


@pytest.mark.parametrize("path", PAGES, ids=[page_id(p) for p in PAGES])
def test_real_page_parses_cleanly(path: Path) -> None:
    document = parse_file(path)
    assert leaks_in(document) == []
    kept = document.lede + "".join(p.description for p in document.pillars)
    assert kept or document.initiatives or document.dropped, "no text at all came out"
