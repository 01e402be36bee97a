"""read_tables against pandas.read_html on the real pages of ../shared/corpus.

Every table of the 26 policy pages and of 20 Readability test pages is read twice: by
``policyparse.read_tables(path, include_layout=True)`` and by
``pandas.read_html(..., flavor="lxml", header=None, keep_default_na=False)``. The two
lists are paired one to one and each pair's grids must be equal, unless the case is listed:

* ``DOCUMENTED_DIFFERENCES``: the grids differ and read_tables is right (a browser shows
  what it returns) or the two differ by design. Each listed case must still differ, so a
  difference that goes away has to leave the list.
* ``KNOWN_BUGS``: pandas is right and read_tables is wrong. These are strict xfails, never
  hidden: fixing the bug makes the test pass, and then it fails until the entry is removed.

How a pandas frame becomes a grid (pandas has no "give me the rows" call):
* ``extract_links="body"``: body cells come back as ``(text, href)`` tuples, which the
  frame parser never converts; without it "1,234" becomes 1234 and "007" becomes 7.
  (``"all"`` would also wrap the header, but then pandas cuts a MultiIndex header of
  three or more rows to two levels.)
* The header pandas infers from ``<thead>`` or top all-``<th>`` rows (even with
  ``header=None``) comes back as column labels: each level becomes a row again, with its
  "Unnamed: 3" / "Unnamed: 3_level_1" placeholders emptied and its ".1" de-duplication
  suffixes taken off.
* Short rows are padded (NaN → ""), as read_tables pads them.

Normalisation both sides get: NBSP → space, whitespace runs → one space, stripped.

Pairing: both lists are in document order, but pandas skips tables without any text (and
ones hidden with ``display:none``) and parses with libxml2 rather than an HTML5 parser.
Tables are paired by an order-preserving alignment (dynamic programming) that maximises
word overlap: how much of our table's words pandas' table holds, plus their Jaccard share.
Containment rather than equality, because pandas' grid of a table with nested tables also
carries the nested tables' text. A table of ours with no text at all can pair with
anything left between two pairs; if nothing is left it is "ours only", which is expected
(pandas never returns a table without text).
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from golden import SHARED

pandas = pytest.importorskip("pandas")
pytest.importorskip("lxml")

from policyparse import read_tables  # noqa: E402

CORPUS = SHARED / "corpus"
POLICY_DIR = CORPUS / "policy-pages"
READABILITY_DIR = CORPUS / "readability-test-pages"

# 20 of the 26 Readability pages whose source holds "<table". Left out: aktualne and ietf-1
# ("<table" only inside script strings or text: no table for either reader) and
# clean-links, dropbox-blog, qq, wikipedia-3 (one layout table each, equal in both readers,
# like many tables already here).
READABILITY_PAGES = (
    "002",
    "blogger",
    "bug-1255978",
    "cnet",
    "folha",
    "gmw",
    "google-sre-book-1",
    "hukumusume",
    "iab-1",
    "keep-tabular-data",
    "links-in-tables",
    "lwn-1",
    "table-style-attributes",
    "tumblr",
    "wikipedia",
    "wikipedia-2",
    "wikipedia-4",
    "yahoo-1",
    "yahoo-2",
    "yahoo-3",
)

# What was found when this test was written: 241 pairs (200 equal) from 244 tables of
# ours (3 unpaired, all on links-in-tables). The floors leave a margin for small changes
# in either reader.
MIN_PAIRS = 225
MIN_EQUAL = 185

# Difference classes (the tag each reason starts with):
# nested-rows      pandas takes rows with `.//tbody//tr`, so a nested table's rows become
#                  rows of the outer table (and its text joins the outer cell); a browser
#                  draws them inside the cell, read_tables lists the nested table as its own
#                  entry right after its parent. read_tables is right.
# nested-text      a nested table's text is part of pandas' cell text (lxml text_content);
#                  read_tables leaves it to the nested table's own entry. By design.
# script-text      pandas' cell text holds <script> source (it drops only <style>); a browser
#                  shows none of it. read_tables is right.
# form-control     pandas' cell text holds <button> labels and every <option> of a <select>;
#                  read_tables skips form controls. By design (a browser would show the
#                  button label and the selected option only, so pandas is not right either).
# footnote-marker  read_tables skips footnote <sup> markers ("Total <sup>3</sup>" → "Total",
#                  "…[4]" → "…"); pandas keeps them, as a browser shows them. By design.
# block-boundary   pandas glues text across block elements ("<h2>Official links:</h2><a>
#                  Minecraft.net" → "Official links:Minecraft.net"); a browser breaks the
#                  line, read_tables puts a space. read_tables is right.
# loose-cells      <td>/<th> directly in <table> after a </tr>: an HTML parser (browser,
#                  lexbor) wraps them in an implied <tr>; libxml2 leaves them out of every
#                  row, so pandas shows an empty row. read_tables is right.
# rowspan-overflow a rowspan running past the table's last row: pandas appends a phantom
#                  row (with the spanned text shifted to column 0); a browser clips the span
#                  at the end of its row group. read_tables is right.
DOCUMENTED_DIFFERENCES: dict[str, str] = {
    # govuk-dvla-annual-report-2016-17
    "govuk-dvla-annual-report-2016-17#14": "footnote-marker: <th>Total <sup>3</sup></th> is 'Total' here, 'Total 3' in pandas",
    "govuk-dvla-annual-report-2016-17#15": "footnote-marker: <th>Total <sup>4</sup></th> is 'Total' here, 'Total 4' in pandas",
    "govuk-dvla-annual-report-2016-17#21": "footnote-marker: <th>Alternative Fuel<sup>7</sup> is 'Alternative Fuel' here, 'Alternative Fuel7' in pandas",
    "govuk-dvla-annual-report-2016-17#53": "loose-cells: the totals row <td></td><th>175,325</th><td>187,473</td> sits outside any <tr>; pandas shows it empty",
    "govuk-dvla-annual-report-2016-17#54": "loose-cells: the totals row <td></td><th>79,148</th><td>69,718</td> sits outside any <tr>; pandas shows it empty",
    # bug-1255978: Gigya share buttons, one table per button inside a one-row table
    "bug-1255978#0": "nested-rows: the share bar's five button tables add six rows in pandas",
    "bug-1255978#5": "nested-rows: the Share button's icon table adds its row in pandas",
    "bug-1255978#7": "nested-rows: the share bar's five button tables add six rows in pandas",
    "bug-1255978#12": "nested-rows: the Share button's icon table adds its row in pandas",
    "bug-1255978#14": "nested-rows: the share bar's five button tables add six rows in pandas",
    "bug-1255978#19": "nested-rows: the Share button's icon table adds its row in pandas",
    # gmw
    "gmw#1": "form-control: pandas' search box cell holds the <select>'s options '站内搜索 光明网 光明报系'",
    # hukumusume: a page laid out with tables inside tables
    "hukumusume#0": "nested-rows + script-text: the page table takes 33 nested rows and an AdSense <script> in pandas",
    "hukumusume#3": "script-text: the cell holds only an AdSense <script>; pandas shows its source",
    "hukumusume#4": "nested-rows + nested-text: the origami box's nested tables fill pandas' grid",
    "hukumusume#5": "nested-rows: the origami image table adds its rows in pandas",
    # lwn-1: page layout tables around article tables
    "lwn-1#0": "nested-rows + script-text: the page table takes 113 nested rows and an ad <script> in pandas",
    "lwn-1#1": "nested-rows: the content table takes the navigation and article tables' rows in pandas",
    "lwn-1#4": "nested-rows: 'Most active OpenOffice developers' takes its two nested tables' rows in pandas",
    "lwn-1#7": "nested-rows: 'Most active LibreOffice developers' takes its two nested tables' rows in pandas",
    # tumblr
    "tumblr#0": "nested-rows + block-boundary: the header table's row joins pandas' grid; '<h2>Official links:</h2><a>' is glued",
    # wikipedia (Mozilla): navbox groups are nested tables (no <tbody>, so only their text leaks)
    "wikipedia#2": "nested-text: the Mozilla navbox's group tables' text fills pandas' cells",
    "wikipedia#3": "nested-text: the Projects group's nested table's text fills pandas' cell",
    "wikipedia#4": "nested-text: a nested table's text (Firefox, SeaMonkey, Thunderbird…) fills pandas' 'Mozilla Foundation' row",
    "wikipedia#6": "nested-text: the Organization group's nested table's text fills pandas' cell",
    # wikipedia-2 (New Zealand)
    "wikipedia-2#0": "footnote-marker: the infobox's '[5]', '[6]' references after figures are skipped here, kept by pandas",
    "wikipedia-2#3": "rowspan-overflow + footnote-marker: the image cell's rowspan=11 runs one row past the table, pandas adds a row; caption '[254]'",
    "wikipedia-2#4": "nested-rows: the 'New Zealand articles' navbox takes its group tables' rows in pandas",
    "wikipedia-2#6": "nested-rows: the Geography group takes its subgroup's rows in pandas",
    "wikipedia-2#11": "nested-rows: the 'Articles relating to New Zealand' navbox takes 57 nested rows in pandas",
    "wikipedia-2#13": "nested-rows: 'Dependencies of Members' takes its subgroup's rows in pandas",
    "wikipedia-2#16": "nested-rows: the Oceania navbox's groups take their subgroups' rows in pandas",
    "wikipedia-2#19": "nested-rows: the 'English-speaking world' navbox takes 19 nested rows in pandas",
    "wikipedia-2#20": "nested-rows: the 'Further links' group takes its subgroups' rows in pandas",
    "wikipedia-2#21": "nested-rows: the Articles/Lists group takes its subgroups' rows in pandas",
    "wikipedia-2#22": "nested-rows: the countries group takes its subgroups' rows in pandas",
    # wikipedia-4 (time loops)
    "wikipedia-4#0": "footnote-marker: the film descriptions' [3], [4], [8][9][10] references are in pandas' cells",
    "wikipedia-4#1": "form-control: the navbox title starts with its collapse <button>'s label 'hide' in pandas",
    # yahoo: search forms
    "yahoo-1#0": "form-control: pandas' search cell holds the <button> label 'Search'",
    "yahoo-2#0": "form-control: pandas' search cell holds the <button> label 'Search'",
}

# Cases where pandas is right and read_tables is wrong. A pair here is compared with
# footnote references like "[12]" taken out of both sides, so a fix shows even where the
# table also has the (documented) footnote-marker difference. A table of ours that pandas
# does not return at all must then have no text.
KNOWN_BUGS: dict[str, str] = {}

Grid = list[list[str]]


def clean(text: str) -> str:
    """The normalisation both sides get: NBSP → space, whitespace runs collapsed."""
    return " ".join(text.replace("\xa0", " ").split())


# -- pandas' frames back to grids ----------------------------------------------------------

DEDUP_SUFFIX = re.compile(r"^(.*)\.(\d+)$")


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _header_grid(columns: Any) -> Grid:
    """The column labels pandas made of the header rows, as rows again."""
    if isinstance(columns, pandas.MultiIndex):
        labels = [list(label) for label in columns]
    elif all(isinstance(label, int) for label in columns):
        return []  # no header rows: the labels are positions
    else:
        labels = [[label] for label in columns]
    seen: set[tuple[str, ...]] = set()
    rows: Grid = [[""] * len(labels) for _ in range(len(labels[0]) if labels else 0)]
    for column, label in enumerate(labels):
        texts = []
        for level, value in enumerate(label):
            text = "" if _is_missing(value) else str(value)
            if text in (f"Unnamed: {column}", f"Unnamed: {column}_level_{level}"):
                text = ""
            texts.append(text)
        # pandas renames a repeated label "x" to "x.1", "x.2" (the last level of a tuple)
        suffixed = DEDUP_SUFFIX.match(texts[-1])
        if suffixed and (*texts[:-1], suffixed.group(1)) in seen:
            texts[-1] = suffixed.group(1)
        seen.add(tuple(texts))
        for level, text in enumerate(texts):
            rows[level][column] = clean(text)
    return rows


def _body_cell(value: Any) -> str:
    if isinstance(value, tuple):  # (text, href) from extract_links="body"
        value = value[0]
    return "" if _is_missing(value) else clean(str(value))


def pandas_grids(html: str) -> list[Grid]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            frames = pandas.read_html(
                io.StringIO(html),
                flavor="lxml",
                header=None,
                keep_default_na=False,
                extract_links="body",
            )
        except ValueError as error:
            if "No tables found" in str(error):
                return []
            raise
    grids = []
    for frame in frames:
        rows = _header_grid(frame.columns)
        rows += [[_body_cell(value) for value in row] for row in frame.itertuples(index=False)]
        grids.append(rows)
    return grids


# -- pairing ---------------------------------------------------------------------------------

# An empty table of ours pairs with anything the alignment leaves between two pairs.
EMPTY_SIMILARITY = 0.4
MIN_SIMILARITY = 0.35


def _words(grid: Grid) -> set[str]:
    return {word for row in grid for cell in row for word in cell.lower().split()}


def similarity(ours: Grid, theirs: Grid) -> float:
    mine, other = _words(ours), _words(theirs)
    if not mine:
        return 1.0 if not other else EMPTY_SIMILARITY
    shared = len(mine & other)
    return 0.7 * shared / len(mine) + 0.3 * shared / len(mine | other)


def align(ours: list[Grid], theirs: list[Grid]) -> list[tuple[int, int]]:
    """Order-preserving pairs (our index, pandas index) maximising pairs + similarity."""
    n, m = len(ours), len(theirs)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    sims = [[similarity(a, b) for b in theirs] for a in ours]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if sims[i][j] >= MIN_SIMILARITY:
                best = max(best, 1 + sims[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    pairs = []
    i = j = 0
    while i < n and j < m:
        if sims[i][j] >= MIN_SIMILARITY and score[i][j] == 1 + sims[i][j] + score[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


# -- the cases -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One table: ours and pandas' (either may be missing), ``id`` = page stem + index."""

    id: str
    ours: Grid | None
    theirs: Grid | None


def corpus_pages() -> list[tuple[str, Path]]:
    pages = [(path.stem, path) for path in sorted(POLICY_DIR.glob("*.html"))]
    pages += [(name, READABILITY_DIR / name / "source.html") for name in READABILITY_PAGES]
    return pages


def page_cases(stem: str, path: Path) -> list[Case]:
    html = path.read_text(encoding="utf-8", errors="replace")
    ours = [
        [[clean(cell) for cell in row] for row in t.rows]
        for t in read_tables(path, include_layout=True)
    ]
    theirs = pandas_grids(html)
    pairs = align(ours, theirs)
    paired_ours = {i: j for i, j in pairs}
    paired_theirs = {j for _, j in pairs}
    cases = [
        Case(f"{stem}#{i}", grid, theirs[paired_ours[i]] if i in paired_ours else None)
        for i, grid in enumerate(ours)
    ]
    cases += [
        Case(f"{stem}#pandas{j}", None, grid)
        for j, grid in enumerate(theirs)
        if j not in paired_theirs
    ]
    return cases


if not POLICY_DIR.is_dir() or not READABILITY_DIR.is_dir():
    pytest.skip("the shared corpus is not here", allow_module_level=True)

PAGES = corpus_pages()
CASES = [case for stem, path in PAGES for case in page_cases(stem, path)]
CASE_IDS = {case.id for case in CASES}


def _marks(case: Case) -> list[pytest.MarkDecorator]:
    if case.id in KNOWN_BUGS:
        return [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[case.id])]
    return []


PARAMS = [pytest.param(case, id=case.id, marks=_marks(case)) for case in CASES]

FOOTNOTE_REFERENCE = re.compile(r"\[(?:\d{1,3}|[a-z])\]")


def without_references(grid: Grid) -> Grid:
    return [[clean(FOOTNOTE_REFERENCE.sub("", cell)) for cell in row] for row in grid]


def has_text(grid: Grid) -> bool:
    return any(cell for row in grid for cell in row)


def describe(ours: Grid, theirs: Grid, limit: int = 6) -> str:
    """The first rows that differ, for the failure message."""
    lines = [f"ours {len(ours)} rows, pandas {len(theirs)} rows"]
    for index in range(max(len(ours), len(theirs))):
        mine = ours[index] if index < len(ours) else None
        other = theirs[index] if index < len(theirs) else None
        if mine != other:
            lines += [f"row {index}:", f"  ours   {mine}", f"  pandas {other}"]
            limit -= 1
            if not limit:
                break
    return "\n".join(lines)


# -- tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", PARAMS)
def test_table_matches_pandas(case: Case) -> None:
    if case.ours is None:
        assert case.theirs is not None
        pytest.fail(f"pandas returns a table read_tables does not pair: {case.theirs[:3]}")
    if case.theirs is None:
        # pandas returns no table without text, and none whose text is all hidden
        assert not has_text(case.ours), f"no pandas table pairs with ours: {case.ours[:3]}"
        assert case.id not in DOCUMENTED_DIFFERENCES, "an empty table of ours needs no entry"
        return
    if case.id in KNOWN_BUGS:
        ours, theirs = without_references(case.ours), without_references(case.theirs)
        assert ours == theirs, describe(ours, theirs)
    elif case.id in DOCUMENTED_DIFFERENCES:
        assert case.ours != case.theirs, (
            f"documented difference is gone, remove {case.id!r} from DOCUMENTED_DIFFERENCES"
        )
    else:
        assert case.ours == case.theirs, describe(case.ours, case.theirs)


def test_listed_cases_exist() -> None:
    """Every listed case names a table that is still here; no case is in both lists."""
    gone = sorted((set(DOCUMENTED_DIFFERENCES) | set(KNOWN_BUGS)) - CASE_IDS)
    assert not gone, f"listed cases no longer read (fixed, or the table indexes moved): {gone}"
    assert not set(DOCUMENTED_DIFFERENCES) & set(KNOWN_BUGS)


def test_readability_pages_hold_tables() -> None:
    assert len(READABILITY_PAGES) <= 20
    for name in READABILITY_PAGES:
        assert "<table" in (READABILITY_DIR / name / "source.html").read_text(
            encoding="utf-8", errors="replace"
        )


def test_enough_tables_are_compared() -> None:
    """The parity test cannot silently compare nothing."""
    pairs = [case for case in CASES if case.ours is not None and case.theirs is not None]
    equal = [case for case in pairs if case.ours == case.theirs]
    assert len(pairs) >= MIN_PAIRS
    assert len(equal) >= MIN_EQUAL
    # the tables read_tables returns are nearly all paired: only text-less ones may not be
    unpaired = [case for case in CASES if case.theirs is None]
    assert len(unpaired) <= len(CASES) // 20
