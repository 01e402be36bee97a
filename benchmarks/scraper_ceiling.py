"""How much of the gold each scraper prints at all: the ceiling a text reader works under.

A scraper that drops a section heading or a table leaves nothing to find. For each scraper
and split this counts the gold section titles that appear as one line of the scraper's
text (after stripping Markdown marks), and the gold initiative names that appear anywhere
in it (compared as :func:`policyparse.textutil.comparable_text`, so case, spacing and
punctuation do not count). Layout renderers wrap long names over two lines, so their name
share is a lower bound.

Run:   python benchmarks/scraper_ceiling.py [--split test] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass

from scrapers import SCRAPED, SCRAPERS, SPLITS, Page, load_pages

from policyparse.textutil import comparable_text

# Markdown heading and bold marks around a line: "## Title", "**Title**".
MARKS = re.compile(r"^[#*\s]+|[*\s]+$")


@dataclass
class Ceiling:
    titles: int = 0
    titles_printed: int = 0
    names: int = 0
    names_printed: int = 0

    def as_dict(self) -> dict[str, float]:
        return {
            "pillar_titles_printed": self.titles_printed / max(self.titles, 1),
            "initiative_names_printed": self.names_printed / max(self.names, 1),
        }


def ceiling(scraper: str, pages: list[Page]) -> Ceiling:
    found = Ceiling()
    for page in pages:
        text = (SCRAPED / scraper / f"{page.name}.txt").read_text("utf-8")
        lines = {comparable_text(MARKS.sub("", line)) for line in text.splitlines()}
        whole = comparable_text(text)
        for pillar in page.gold.get("pillars", []):
            if pillar["title"]:
                found.titles += 1
                found.titles_printed += comparable_text(pillar["title"]) in lines
            for item in pillar.get("initiatives", []):
                found.names += 1
                found.names_printed += comparable_text(item["name"]) in whole
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=SPLITS, action="append")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for split in args.split or ["test"]:
        pages = load_pages(split)
        scrapers = [scraper for scraper in SCRAPERS if scraper != "html"]
        figures[split] = {scraper: ceiling(scraper, pages).as_dict() for scraper in scrapers}
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
        return 0
    for split, rows in figures.items():
        print(f"{split}: share of gold section titles / initiative names the scraper printed")
        for scraper, row in rows.items():
            titles, names = row["pillar_titles_printed"], row["initiative_names_printed"]
            print(f"  {scraper:22} titles {titles:.3f}  names {names:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
