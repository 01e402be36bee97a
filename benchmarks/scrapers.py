"""Scraped text against the same gold as the HTML: how well policyparse reads what scrapers write.

Every page of the gold sets (``fixtures/gold/dev``, ``fixtures/gold/test``) and every HTML
golden document (``fixtures/documents/*.html``) is rendered to text by the scrapers people
use; the texts are committed under ``fixtures/scraped/<scraper>/<page>.txt`` so scoring
needs no scraper installed. The pages' split into dev (rules may be tuned on them) and test
(held out: scored, never read while tuning) is fixed in ``fixtures/scraped/pages.json``.

Run:   python benchmarks/scrapers.py                 score every scraper, dev and test
       python benchmarks/scrapers.py --split dev --scraper w3m --pages   per-page figures
       python benchmarks/scrapers.py render [--force]  render missing texts (all with
                                                     --force; needs the `bench` extra and
                                                     Debian's w3m and lynx)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import policyparse
from policyparse.evaluation import DocumentScore, EvaluationReport, is_same_text, score_document
from policyparse.textutil import comparable_text

ROOT = Path(__file__).resolve().parents[1]
SCRAPED = ROOT / "fixtures" / "scraped"
PAGES_FILE = SCRAPED / "pages.json"
VERSIONS_FILE = SCRAPED / "versions.json"
GOLD_SETS = {
    "dev": ROOT / "fixtures" / "gold" / "dev",
    "test": ROOT / "fixtures" / "gold" / "test",
    # Pages annotated for the scraped-text work after it began: never tuned on (held out).
    "extra": ROOT / "fixtures" / "gold" / "extra",
    # The web gold set (full pages of 60+ sites, 16 languages), its own split kept: a fresh
    # held-out set for the text path (web-test), and pages to tune on (web-dev).
    "web-dev": ROOT / "fixtures" / "gold" / "web" / "dev",
    "web-test": ROOT / "fixtures" / "gold" / "web" / "test",
}
SPLITS = tuple(GOLD_SETS)
DOCUMENTS = ROOT / "fixtures" / "documents"
# Terminal width for the layout renderers: what a user's terminal gives them by default.
COLUMNS = 80
# One golden document in TEST_SHARE goes to the test split (fixed by a hash of its name,
# so adding documents never moves an old one between splits).
TEST_SHARE = 3


# --- the pages and their gold ----------------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str
    html: Path
    split: str
    gold: dict[str, Any]


def _golden_as_gold(expected: dict[str, Any]) -> dict[str, Any]:
    """A golden document's expected record in the gold-file shape the evaluator reads."""
    return {
        "title": expected["title"],
        "pillars": [
            {"title": pillar["title"], "initiatives": pillar["initiatives"]}
            for pillar in expected["pillars"]
        ],
        "must_not_contain": expected.get("dropped", []),
    }


def _golden_split(name: str) -> str:
    digest = int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)
    return "test" if digest % TEST_SHARE == 0 else "dev"


def discover_pages() -> list[dict[str, str]]:
    """Every page with its split: the gold sets keep theirs, golden documents by hash."""
    pages = []
    for split, folder in GOLD_SETS.items():
        for gold in sorted(folder.glob("*.gold.json")):
            name = gold.name.removesuffix(".gold.json")
            html = (gold.parent / json.loads(gold.read_text("utf-8"))["input"]).resolve()
            pages.append(
                {"name": name, "split": split, "html": _relative(html), "gold": _relative(gold)}
            )
    for expected in sorted(DOCUMENTS.glob("*.expected.json")):
        name = expected.name.removesuffix(".expected.json")
        html = DOCUMENTS / f"{name}.html"
        if html.exists():
            pages.append(
                {
                    "name": name,
                    "split": _golden_split(name),
                    "html": _relative(html),
                    "gold": _relative(expected),
                }
            )
    return pages


def _relative(path: Path) -> str:
    """Relative to the project root (gold inputs live in ``../shared``)."""
    return os.path.relpath(path.resolve(), ROOT)


def load_pages(split: str | None = None) -> list[Page]:
    pages = []
    for entry in json.loads(PAGES_FILE.read_text("utf-8")):
        if split and entry["split"] != split:
            continue
        gold_path = ROOT / entry["gold"]
        gold = json.loads(gold_path.read_text("utf-8"))
        if gold_path.name.endswith(".expected.json"):
            gold = _golden_as_gold(gold)
        pages.append(Page(entry["name"], ROOT / entry["html"], entry["split"], gold))
    return pages


# --- the scrapers (only `render` needs them) --------------------------------------------


def _decode(raw: bytes) -> str:
    """Valid UTF-8 is UTF-8 whatever a <meta charset> claims (some goldens lie on purpose:
    the scrapers should be scored on the page's text, not on a decoding accident)."""
    from bs4 import UnicodeDammit

    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return UnicodeDammit(raw, is_html=True).unicode_markup or raw.decode("utf-8", "replace")


def _html2text(html: str) -> str:
    import html2text

    return html2text.html2text(html)


def _markdownify(html: str) -> str:
    import markdownify

    return markdownify.markdownify(html)


def _inscriptis(html: str) -> str:
    import inscriptis

    return inscriptis.get_text(html)


def _trafilatura(output_format: str) -> Callable[[str], str]:
    def extract(html: str) -> str:
        import trafilatura

        return trafilatura.extract(html, output_format=output_format) or ""

    return extract


def _get_text(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml").get_text("\n")


def _html_text(html: str) -> str:
    import html_text

    return str(html_text.extract_text(html))


def _newspaper(html: str) -> str:
    import newspaper

    try:
        article = newspaper.Article("https://example.org/")
        article.download(input_html=html)
        article.parse()
    except ImportError:  # a language whose tokenizer is an extra of its own (ja, th…)
        article = newspaper.Article("https://example.org/", language="en")
        article.download(input_html=html)
        article.parse()
    return str(article.text)


META_CHARSET = re.compile(r"charset\s*=\s*[\"']?[\w-]+", re.IGNORECASE)


def _command(arguments: list[str]) -> Callable[[str], str]:
    def run(html: str) -> str:
        # The programs re-read <meta charset>; the text they get is UTF-8 now.
        html = META_CHARSET.sub("charset=utf-8", html)
        done = subprocess.run(
            arguments, input=html.encode("utf-8"), capture_output=True, timeout=60, check=True
        )
        return done.stdout.decode("utf-8", "replace")

    return run


SCRAPERS: dict[str, Callable[[str], str]] = {
    "html2text": _html2text,
    "markdownify": _markdownify,
    "inscriptis": _inscriptis,
    "trafilatura-txt": _trafilatura("txt"),
    "trafilatura-markdown": _trafilatura("markdown"),
    "bs4-get-text": _get_text,
    "html-text": _html_text,
    "newspaper4k": _newspaper,
    "w3m": _command(
        ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", str(COLUMNS)]
    ),
    "lynx": _command(
        [
            "lynx",
            "-dump",
            "-nolist",
            "-force_html",
            "-stdin",
            f"-width={COLUMNS}",
            "-assume_charset=UTF-8",
            "-assume_local_charset=UTF-8",
            "-display_charset=UTF-8",
        ]
    ),
}


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    found = {
        name: version(name)
        for name in (
            "html2text",
            "markdownify",
            "inscriptis",
            "trafilatura",
            "beautifulsoup4",
            "html-text",
            "newspaper4k",
        )
    }
    for program in ("w3m", "lynx"):
        flag = "-version" if program == "w3m" else "--version"
        out = subprocess.run([program, flag], capture_output=True, text=True).stdout
        found[program] = out.splitlines()[0].strip() if out else "unknown"
    return found


def render(only: list[str] | None = None, force: bool = False) -> int:
    """Write every page's text for every scraper, the split and the versions."""
    SCRAPED.mkdir(parents=True, exist_ok=True)
    # The split is fixed once and only ever extended: pages keep the split they were given.
    known = json.loads(PAGES_FILE.read_text("utf-8")) if PAGES_FILE.exists() else []
    names = {entry["name"] for entry in known}
    known += [entry for entry in discover_pages() if entry["name"] not in names]
    PAGES_FILE.write_text(json.dumps(known, indent=1) + "\n", "utf-8")
    pages = load_pages()
    for scraper, run in SCRAPERS.items():
        if only and scraper not in only:
            continue
        started = time.perf_counter()
        folder = SCRAPED / scraper
        folder.mkdir(exist_ok=True)
        for page in pages:
            target = folder / f"{page.name}.txt"
            if target.exists() and not force:
                continue  # committed texts stay as they were scored; --force re-renders
            target.write_text(run(_decode(page.html.read_bytes())), "utf-8")
        print(f"{scraper}: {len(pages)} pages in {time.perf_counter() - started:.1f} s")
    VERSIONS_FILE.write_text(json.dumps(_versions(), indent=1) + "\n", "utf-8")
    return 0


# --- scoring ----------------------------------------------------------------------------


def score_pages(scraper: str, pages: Iterable[Page]) -> EvaluationReport:
    """``scraper`` ``"html"`` scores the HTML path on the same pages."""
    scores: list[DocumentScore] = []
    for page in pages:
        source = page.html if scraper == "html" else SCRAPED / scraper / f"{page.name}.txt"
        document = policyparse.parse_file(source)
        scores.append(score_document(document, page.gold, name=page.name))
    return EvaluationReport(documents=scores)


def measure(split: str) -> dict[str, dict[str, float | int]]:
    """Each scraper's summary (and the HTML path's) on one split, with the titles right
    among the pages whose text holds the gold title on a line of its own (``titles_printed``).
    """
    pages = load_pages(split)
    figures = {}
    for scraper in ["html", *SCRAPERS]:
        report = score_pages(scraper, pages)
        printed = [
            score.title_correct
            for page, score in zip(pages, report.documents, strict=True)
            if scraper == "html" or _prints_title(scraper, page)
        ]
        figures[scraper] = {
            **report.summary(),
            "titles_printed": len(printed),
            "title_accuracy_printed": round(sum(printed) / max(len(printed), 1), 4),
        }
    return figures


def _prints_title(scraper: str, page: Page) -> bool:
    """Does the scraper's text have the gold title as a line (Markdown marks aside)?"""
    wanted = comparable_text(page.gold.get("title", ""))
    text = (SCRAPED / scraper / f"{page.name}.txt").read_text("utf-8")
    return bool(wanted) and any(
        is_same_text(comparable_text(line.strip("#*_= ")), wanted) for line in text.splitlines()
    )


def _print_table(split: str, figures: dict[str, dict[str, float | int]]) -> None:
    html_f1 = float(figures["html"]["initiative_f1"]) or 1.0
    print(f"\n{split}: {figures['html']['documents']} pages")
    print(
        f"{'scraper':22s} {'init P':>6s} {'init R':>6s} {'init F1':>7s} {'vs html':>7s} "
        f"{'pillar':>6s} {'titles':>9s} {'leaks':>5s} {'boiler':>6s}"
    )
    for scraper, row in figures.items():
        print(
            f"{scraper:22s} {row['initiative_precision']:6.3f} {row['initiative_recall']:6.3f} "
            f"{row['initiative_f1']:7.3f} {float(row['initiative_f1']) / html_f1:7.2f} "
            f"{row['pillar_f1']:6.3f} "
            f"{row['title_accuracy_printed']:5.2f}/{row['titles_printed']:<3d} "
            f"{row['leaked_markup']:5d} "
            f"{row['boilerplate_survived']:6d}"
        )
    text_f1 = [float(row["initiative_f1"]) for name, row in figures.items() if name != "html"]
    print(f"{'mean over scrapers':22s} {'':6s} {'':6s} {sum(text_f1) / len(text_f1):7.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", nargs="?", choices=["score", "render"], default="score")
    parser.add_argument("--split", choices=SPLITS, action="append")
    parser.add_argument("--scraper", help="per-page figures for this scraper (or html)")
    parser.add_argument("--force", action="store_true", help="render: replace existing texts")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    args = parser.parse_args(argv)
    if args.command == "render":
        return render([args.scraper] if args.scraper else None, force=args.force)
    splits = args.split or ["dev"]  # the held-out splits only when asked
    if args.json:
        print(json.dumps({split: measure(split) for split in splits}, indent=1))
        return 0
    for split in splits:
        if args.scraper:
            print(score_pages(args.scraper, load_pages(split)).to_text())
        else:
            _print_table(split, measure(split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
