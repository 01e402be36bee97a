"""Check gold files against their pages, without policyparse (annotators work blind).

Every title, pillar title, phrase, initiative name and description line, and every
must_not_contain string must occur in the page's normalised visible text (scripts and
styles dropped, the bytes decoded as a browser would guess); no must_not_contain string may
occur inside an annotated string.

Run: python3 scripts/check_gold.py fixtures/gold/web/*/*.gold.json   (exit 1 on a problem)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from bs4 import UnicodeDammit
from lxml import html

INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
REQUIRED_KEYS = ("input", "source", "language", "notes", "title", "pillars", "must_not_contain")


def normalised(text: str) -> str:
    text = text.translate(INVISIBLE).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def visible_text(path: Path) -> str:
    """The page's text as a reader sees it, with the <title> (body-only pages take their
    title from it). lxml alone trusts a wrong or missing charset and garbles CJK pages."""
    raw = path.read_bytes()
    decoded = UnicodeDammit(raw, is_html=True).unicode_markup
    document = html.document_fromstring(decoded or raw)
    for hidden in document.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    title = document.xpath("string(//title)")
    return normalised(" ".join(document.itertext()) + " " + title)


def page_of(gold_path: Path, gold: dict) -> Path:
    page = gold_path.parent / gold["input"]
    if page.exists():
        return page
    # A batch still being annotated keeps its pages next to its gold folder.
    return gold_path.parent.parent / "pages" / Path(gold["input"]).name


def annotated_strings(gold: dict) -> list[tuple[str, str]]:
    """(kind, text) of every string the page must contain; descriptions line by line."""
    found = [("title", gold.get("title", ""))]
    for pillar in gold.get("pillars", []):
        found.append(("pillar", pillar["title"]))
        found += [("phrase", phrase) for phrase in pillar.get("description_phrases", [])]
        for item in pillar.get("initiatives", []):
            found.append(("initiative name", item["name"]))
            lines = item["description"].split("\n")
            found += [("initiative description", line) for line in lines]
    return found


def problems_of(gold_path: Path) -> list[str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    problems = [f"missing key {key}" for key in REQUIRED_KEYS if key not in gold]
    page = page_of(gold_path, gold)
    if not page.exists():
        return [*problems, f"input missing: {gold['input']}"]
    text = visible_text(page)
    squashed = text.replace(" ", "")  # inline elements may or may not be spaced apart

    def absent(value: str) -> bool:
        value = normalised(value)
        return bool(value) and value not in text and value.replace(" ", "") not in squashed

    annotated = annotated_strings(gold)
    problems += [
        f"{kind} not in page text: {value[:80]!r}" for kind, value in annotated if absent(value)
    ]
    for chrome in gold.get("must_not_contain", []):
        if absent(chrome):
            problems.append(f"must_not_contain not in page text: {chrome[:80]!r}")
        if chrome and any(normalised(chrome) in normalised(value) for _, value in annotated):
            problems.append(f"must_not_contain inside annotated text: {chrome[:60]!r}")
    return problems


def main(paths: list[str]) -> int:
    failed = 0
    for name in paths:
        problems = problems_of(Path(name))
        print(("FAIL " if problems else "OK   ") + name)
        for problem in problems:
            print("     " + problem)
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
