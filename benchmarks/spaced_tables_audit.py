"""Which tables the space-joined-row reader (``text/spaced.py``) finds on pages it never saw.

The rule reads a table back from rows whose cells html-text and lynx joined with a space.
Its gold figures come from the dev and test splits; this audit renders the 181
article-extraction-benchmark pages and Readability's test pages (news and blog pages, few
of which hold a table) with a scraper and prints every table the rule finds there, so a
reader can judge each one: a false table on such pages is a false initiative.

Run:   python benchmarks/spaced_tables_audit.py [--scraper html-text|lynx]
(needs the `bench` extra for html-text, Debian's lynx for lynx)
"""

from __future__ import annotations

import argparse
import gzip
from collections.abc import Sequence
from pathlib import Path

from scrapers import ROOT, SCRAPERS, _decode

from policyparse.text import reader
from policyparse.text.lines import SourceLine, TextGrid
from policyparse.text.spaced import find_spaced_tables

CORPUS = ROOT.parent / "shared" / "corpus"
PAGES = (
    ("article-extraction-benchmark/html", "*"),
    ("readability-test-pages", "*/source.html"),
)


def pages() -> list[Path]:
    return sorted(path for folder, pattern in PAGES for path in (CORPUS / folder).glob(pattern))


def read_html(path: Path) -> str:
    raw = path.read_bytes()
    return _decode(gzip.decompress(raw) if path.suffix == ".gz" else raw)


def tables_in(text: str) -> list[TextGrid]:
    """The tables the reader takes from ``text`` by the space-joined-row rule."""
    found: list[TextGrid] = []

    def recording(lines: Sequence[SourceLine]) -> list[TextGrid]:
        grids = find_spaced_tables(lines)
        found.extend(grids)
        return grids

    original = reader.find_spaced_tables
    reader.find_spaced_tables = recording
    try:
        reader.read_text_document(text)
    finally:
        reader.find_spaced_tables = original
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scraper", choices=["html-text", "lynx"], default="html-text")
    args = parser.parse_args(argv)
    render = SCRAPERS[args.scraper]
    found = 0
    all_pages = pages()
    for path in all_pages:
        for grid in tables_in(render(read_html(path))):
            found += 1
            print(f"== {path.relative_to(CORPUS)}")
            for row in grid.rows[:6]:
                print("    " + " || ".join(cell[:60] for cell in row))
    print(f"{found} tables on {len(all_pages)} pages ({args.scraper})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
