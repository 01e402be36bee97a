"""Turn runs of paragraphs that start with bullet marks or bold names into real lists.

Pages often fake lists: ``<p>• A: …</p><p>• B: …</p>``, ``<br>``-separated bullet lines,
"– " dash paragraphs, ``<p><strong>Name:</strong> …</p>`` paragraphs, or plain
"Name: a whole sentence." paragraphs in a row. Two or
more in a row become a list, so the structure builder reads their items like any other
list. A single such paragraph stays a paragraph.
"""

from __future__ import annotations

import re
from collections import Counter

from ..blocks import Block, ListBlock, ListItem, Paragraph, Span
from ..structure.names import period_split
from ..textutil import comparable_text, length_in_words
from .log import RepairLog

BULLET_MARK = re.compile(r"^\s*(?:[-*•·▪◦●■►▸‣–—※○□▲]|\d{1,3}[.)])\s+(?=\S)")
# One bullet paragraph alone is a paragraph that happens to start with a dash.
MIN_RUN = 2
# "Layoffs. Just over a week…" paragraphs (bold leads a text dump lost): two paragraphs
# in a row may each open with a short sentence; three in a row that all do are a list.
MIN_PERIOD_RUN = 3
# A bold lead this long is emphasis in a sentence, not a name.
MAX_LEAD_WORDS = 12
# "Connecticut: While no national law…": a short capitalised name, a colon, a sentence.
COLON_NAMED = re.compile(
    r"^(?P<name>[^\W\d_][^:：.!?]{0,60}?)\s*(?::\s+|：\s*)(?P<rest>\S.*)$", re.DOTALL
)
MAX_COLON_NAME_WORDS = 5
# "Wind Farms – Around 8 gigawatts of capacity…": the same shape with a spaced dash, as a
# text dump prints a list whose bullets were lost.
DASH_NAMED = re.compile(r"^(?P<name>[^\W\d_][^–—:.!?]{0,60}?)\s+[–—-]\s+(?P<rest>\S.*)$", re.DOTALL)
# The text after the colon must be a sentence, not a value ("Lead minister: Jane Doe").
MIN_COLON_SENTENCE_WORDS = 6
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)」]*$")


def group_bullet_paragraphs(blocks: list[Block], log: RepairLog) -> list[Block]:
    """Group two or more consecutive bullet paragraphs into one list.

    >>> from policyparse.blocks import Paragraph
    >>> blocks = [Paragraph(text="• Fund A: grants."), Paragraph(text="• Fund B: loans.")]
    >>> [item.text for item in group_bullet_paragraphs(blocks, RepairLog())[0].items]
    ['Fund A: grants.', 'Fund B: loans.']
    """
    speakers: frozenset[str] | None = None  # read only once a run may become a list (rare)
    result: list[Block] = []
    run: list[Paragraph] = []
    details: dict[int, list[Paragraph]] = {}  # sub-items that lost their bullets, by item
    for index, block in enumerate([*blocks, None]):
        if isinstance(block, Paragraph) and _continues_run(run, block):
            run.append(block)
            continue
        following = _after_details(blocks, index + 1)
        if isinstance(block, Paragraph) and _is_flattened_detail(block, run, following):
            details.setdefault(id(run[-1]), []).append(block)
            continue
        is_list = len(run) >= _min_run(run)
        if is_list:
            speakers = _repeated_names(blocks) if speakers is None else speakers
            is_list = not any(_lead_key(paragraph) in speakers for paragraph in run)
        result.extend(_as_list(run, details, log) if is_list else _unrolled(run, details))
        run, details = [], {}
        if isinstance(block, Paragraph) and _item_kind(block):
            run = [block]
        elif block is not None:
            result.append(block)
    return result


def _min_run(run: list[Paragraph]) -> int:
    return MIN_PERIOD_RUN if run and _item_kind(run[0]) == "period" else MIN_RUN


# A sub-bullet flattened into a paragraph is short; a longer paragraph is prose.
MAX_DETAIL_WORDS = 30
# An item has a few sub-items; a longer run of short paragraphs is prose after the list.
MAX_DETAILS = 4


def _after_details(blocks: list[Block], start: int) -> Block | None:
    """The first block from ``start`` on that is not a short unnamed paragraph (a detail)."""
    for block in blocks[start : start + MAX_DETAILS]:
        if not _is_detail_shaped(block):
            return block
    return None


def _is_detail_shaped(block: Block) -> bool:
    return (
        isinstance(block, Paragraph)
        and not _item_kind(block)
        and len(block.text.split()) <= MAX_DETAIL_WORDS
    )


def _is_flattened_detail(block: Paragraph, run: list[Paragraph], following: Block | None) -> bool:
    """'An extra £1,500 for island homes.' between two 'Name: sentence' items: a sub-item of
    the item above whose bullet a text dump lost (it would end the run otherwise)."""
    if not run or _item_kind(run[-1]) != "named" or not _is_detail_shaped(block):
        return False
    if not _is_from_text(block):
        return False
    if block.chrome != run[-1].chrome:
        return False
    return isinstance(following, Paragraph) and _continues_run(run, following)


def _unrolled(run: list[Paragraph], details: dict[int, list[Paragraph]]) -> list[Block]:
    return [block for paragraph in run for block in [paragraph, *details.get(id(paragraph), [])]]


def _repeated_names(blocks: list[Block]) -> frozenset[str]:
    """Names in capitals that lead two or more item-shaped paragraphs of the document:
    speakers, not named things. A transcript gives the floor to "MARTINEZ-BELTRAN: …" again
    and again, a letters column answers "DEAR ABBY: …" with "DEAR FEELING: …".

    >>> turns = [Paragraph(text=f"{who}: {said} and we will see what happens next.")
    ...     for who, said in [("PRESENTER", "Hi"), ("GUEST", "Thanks"), ("PRESENTER", "So")]]
    >>> sorted(_repeated_names(turns)), sorted(_repeated_names(turns[:2]))
    (['presenter'], [])
    """
    names = Counter(_lead_name(b) for b in blocks if isinstance(b, Paragraph) and _item_kind(b))
    return frozenset(
        comparable_text(name) for name, count in names.items() if count > 1 and _in_capitals(name)
    )


MAX_ACRONYM_LETTERS = 5


def _in_capitals(name: str) -> bool:
    """'MARTINEZ-BELTRAN', 'DEAR ABBY': how transcripts and letters columns print who speaks
    (a list of places or programmes may name one twice: 'California: …' in two sections; an
    acronym such as 'VAT' names a measure)."""
    letters = sum(char.isalpha() for char in name)
    return letters > MAX_ACRONYM_LETTERS and name.upper() == name and name.lower() != name


def _lead_key(paragraph: Paragraph) -> str:
    return comparable_text(_lead_name(paragraph))


def _lead_name(paragraph: Paragraph) -> str:
    if paragraph.lead:
        return BULLET_MARK.sub("", paragraph.lead, count=1).strip().rstrip(":：")
    text = BULLET_MARK.sub("", paragraph.text, count=1).strip()
    match = COLON_NAMED.match(text) or DASH_NAMED.match(text)
    return match.group("name") if match else ""


def _item_kind(paragraph: Paragraph) -> str:
    """'bullet', 'bold', 'named' or 'period' for a paragraph that reads as a list item,
    else ''."""
    if BULLET_MARK.match(paragraph.text):
        return "bullet"
    lead = paragraph.lead
    if lead and len(lead) < len(paragraph.text) and len(lead.split()) <= MAX_LEAD_WORDS:
        return "bold"
    if _is_named(paragraph.text, COLON_NAMED):
        return "named"
    if _is_from_text(paragraph) and reads_as_dash_item(paragraph.text):
        return "named"
    if _is_from_text(paragraph) and period_split(paragraph.text):
        return "period"
    return ""


def _is_from_text(block: Block) -> bool:
    """Read from scraped text (no element path): there a list may have lost its bullets,
    which in HTML would still be list markup — an HTML paragraph stays a paragraph."""
    return block.span.path is None


def _is_named(text: str, pattern: re.Pattern[str], *, lower_case_items: bool = False) -> bool:
    """A short name, the separator, a sentence. With ``lower_case_items`` a list written in
    lower case without full stops (GOV.UK's style: "catchment management – supporting river
    basin planning") reads as one too."""
    match = pattern.match(text.strip())
    if match is None:
        return False
    name, rest = match.group("name"), match.group("rest")
    first = name[0]
    if lower_case_items and first.islower():
        return (
            length_in_words(name) <= MAX_COLON_NAME_WORDS
            and length_in_words(rest) >= MIN_COLON_SENTENCE_WORDS
        )
    # Chinese, Japanese and Korean names have no case and their sentences no spaces.
    starts_like_a_name = first.isupper() or (first.isalpha() and not first.islower())
    return (
        length_in_words(name) <= MAX_COLON_NAME_WORDS
        and starts_like_a_name
        and length_in_words(rest) >= MIN_COLON_SENTENCE_WORDS
        and SENTENCE_END.search(rest) is not None
    )


def reads_as_dash_item(text: str) -> bool:
    """A list item whose bullet a text dump lost: "Wind Farms – Around 8 gigawatts…." or,
    in lower case, "land and water quality – impacts, risks and control of pollution".

    >>> reads_as_dash_item("land and water quality – impacts, risks and control of pollution")
    True
    >>> reads_as_dash_item("Prices rose – and kept rising")
    False
    """
    return _is_named(text, DASH_NAMED, lower_case_items=True)


def _continues_run(run: list[Paragraph], block: Paragraph) -> bool:
    kind = _item_kind(block)
    return (
        bool(run) and bool(kind) and kind == _item_kind(run[-1]) and run[-1].chrome == block.chrome
    )


def _as_list(
    run: list[Paragraph], details: dict[int, list[Paragraph]], log: RepairLog
) -> list[Block]:
    items = tuple(
        ListItem(
            text=BULLET_MARK.sub("", p.text, count=1),
            lead=_lead_without_mark(p),
            span=p.span,
            children=tuple(
                ListItem(text=detail.text, span=detail.span) for detail in details.get(id(p), [])
            ),
        )
        for p in run
    )
    first, last = run[0].span, run[-1].span
    lines = (first.lines[0], last.lines[1]) if first.lines and last.lines else None
    span = Span(lines=lines, path=first.path)
    log.add("group_bullet_paragraphs", span, run[0].text, f"list of {len(items)} items")
    ratio = sum(p.link_ratio for p in run) / len(run)
    return [ListBlock(items=items, span=span, chrome=run[0].chrome, link_ratio=ratio)]


def _lead_without_mark(paragraph: Paragraph) -> str:
    return BULLET_MARK.sub("", paragraph.lead, count=1) if paragraph.lead else ""
