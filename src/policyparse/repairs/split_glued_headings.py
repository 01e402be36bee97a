"""Split a heading that a scraper glued onto the next paragraph ("Moving ForwardPresident…").

When a heading and the paragraph after it lose the break between them, a lower-case
letter runs straight into a capital that starts a sentence. If the text from the last
sentence end up to that junction reads as a heading, the block is split there. When this
happens in the last cell of a table (the unclosed table swallowed what followed), the
heading and the prose after it move out of the table into the document flow.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from ..blocks import Block, Heading, Paragraph, Table
from ..textutil import (
    MAX_HEADING_CHARS,
    reads_as_heading,
    starts_like_sentence,
    title_case_ratio,
    words_of,
)
from .log import RepairLog

# A lower-case letter (any Latin script) directly followed by a capitalised word.
# An ALL-CAPS heading glues the same way: "…DISTRICTSThe plan…".
# (The capital is tested first: it fails fast at most positions, the look-behinds do not.)
JUNCTION = re.compile(r"(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])(?:(?<=[a-zß-öø-ÿ])|(?<=[A-ZÀ-ÖØ-Þ]{3}))")
# A sentence ends at . ! ? before a space, or before a capital when the space was lost
# too ("on time.Enrolment and OutreachCommon service centres…").
# "3." after a break is a section number, not a sentence end; "regions.3. Human Capital"
# is a sentence end before a numbered heading.
SENTENCE_BOUNDARY = re.compile(
    r"(?<!\b\d)(?<!\b\d\d)[.!?][\"”’)\]]?(?:\s+|(?=[A-ZÀ-ÖØ-Þ]))|(?<=[^\W\d_])[.!?](?=\d)|[.!?](?=\d{1,2}\.\s)"
)
# The glued heading must have a few words, and the left half of the glued word must be a
# real word end ("Forward" in "ForwardPresident"), not a name prefix ("Mc" in "McDonald").
MIN_HEADING_WORDS = 2
MIN_GLUED_TAIL_LETTERS = 3
MIN_TITLE_CASE_RATIO = 0.6
# The prose after the junction must be a real sentence, not a camel-cased brand name.
MIN_PROSE_WORDS = 4
PROSE_PROBE_CHARS = 200


# Surname prefixes that take a capital inside the word (McConnell, MacKenzie, DeSantis).
NAME_PREFIXES = frozenset({"mc", "mac", "de", "di", "da", "le", "la", "van", "von", "fitz", "st"})
# Camel-cased names common in news text. A glued heading makes a one-off token; these are
# words, so they never split (the lexicon is a rule for the class, like a stopword list).
CAMEL_CASE_WORDS = frozenset(
    """
    youtube whatsapp linkedin paypal playstation powerpoint javascript github blackrock
    softbank fedex mastercard harpercollins dreamworks exxonmobil glaxosmithkline
    astrazeneca biontech tiktok wechat alipay hubspot deepmind myspace easyjet jetblue
    westjet airasia blackberry sharepoint onedrive macbook airbnb doordash wework
    soundcloud dropbox coinbase petrochina arcelormittal thyssenkrupp blackstone
    kiwisaver natwest mckinsey macarthur nextgeneration nextgenerationeu opentable
    bitcoin smartphone facetime lastpass pricewaterhousecoopers sinopec cnbc newsweek
    """.split()
)
# A glued word is at most this long on each side of the junction.
GLUED_TOKEN = re.compile(r"[^\W\d_]*$"), re.compile(r"[^\W\d_]*")


@dataclass(frozen=True)
class GluedSplit:
    before: str
    heading: str
    after: str


# Another capital after a lower-case letter: the word is itself mixed-case ("StMoG" in
# "TabStMoG"), so the junction before it is inside an abbreviation.
MIXED_CASE = re.compile(r"(?<=[a-zäöüß])[A-ZÄÖÜ]")


def find_glued_heading(text: str) -> GluedSplit | None:
    """The first junction where a heading is glued onto the sentence after it.

    >>> found = find_glued_heading("Ties grew. Moving ForwardThe plan starts in May.")
    >>> found.before, found.heading, found.after
    ('Ties grew.', 'Moving Forward', 'The plan starts in May.')
    >>> find_glued_heading("The McDonald family met officials on Monday.") is None
    True
    """
    junctions = JUNCTION.finditer(text)
    first = next(junctions, None)
    if first is None:
        return None  # most paragraphs: no lower-case letter runs into a capital
    boundaries = SENTENCE_BOUNDARY.finditer(text)
    boundary = next(boundaries, None)
    start = 0
    for junction in itertools.chain([first], junctions):
        # Advance the sentence start alongside the junctions: one pass over the text.
        while boundary is not None and boundary.end() <= junction.start():
            start, boundary = boundary.end(), next(boundaries, None)
        if junction.start() - start > MAX_HEADING_CHARS:
            continue
        heading = text[start : junction.start()].strip()
        after = text[junction.start() :].strip()
        if _is_known_word(text, junction.start()):
            continue
        if _is_glued_heading(heading, after):
            return GluedSplit(text[:start].strip(), heading, after)
    return None


def _is_known_word(text: str, junction: int) -> bool:
    """A camel-cased word that is a name (YouTube, McConnell) or recurs in the text."""
    left = GLUED_TOKEN[0].search(text, 0, junction)
    right = GLUED_TOKEN[1].match(text, junction)
    left_part = left.group() if left else ""
    right_part = right.group() if right else ""
    token = left_part + right_part
    if left_part.lower() in NAME_PREFIXES or token.lower() in CAMEL_CASE_WORDS:
        return True
    if MIXED_CASE.search(right_part):
        return True  # "TabStMoG", "BauGB": an abbreviation, not a word after a heading
    if MIXED_CASE.search(left_part):
        # "MiPyMes", "PictureInPicture", "@DenisMcDonough", "GetYourRefund": a word with
        # several humps; a glued heading ends on a plain word ("Forward" + "President").
        return True
    # A glue accident happens once; a word the text uses twice is the author's spelling.
    return text.count(token) > 1


def _is_glued_heading(heading: str, after: str) -> bool:
    words = words_of(heading)
    if len(words) < MIN_HEADING_WORDS or not reads_as_heading(heading):
        return False
    tail = re.search(r"[^\W\d_]+$", heading)
    if tail is None or len(tail.group()) < MIN_GLUED_TAIL_LETTERS:
        return False
    if title_case_ratio(heading) < MIN_TITLE_CASE_RATIO:
        return False
    # Only the first words matter; looking at all of a long paragraph would be quadratic.
    return len(words_of(after[:PROSE_PROBE_CHARS])) >= MIN_PROSE_WORDS and starts_like_sentence(
        after
    )


def split_glued_headings(blocks: list[Block], log: RepairLog) -> list[Block]:
    """Split glued headings in paragraphs and in the last cell of a table.

    >>> from policyparse.blocks import Paragraph
    >>> glued = Paragraph(text="Next StepsThe ministry will consult in May.")
    >>> out = split_glued_headings([glued], RepairLog())
    >>> [(type(b).__name__, b.text) for b in out]
    [('Heading', 'Next Steps'), ('Paragraph', 'The ministry will consult in May.')]
    """
    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            result.extend(_split_paragraph(block, log))
        elif isinstance(block, Table):
            result.extend(_split_table(block, log))
        else:
            result.append(block)
    return result


def _split_paragraph(block: Paragraph, log: RepairLog) -> list[Block]:
    pieces: list[Block] = []
    rest = block
    while (found := find_glued_heading(rest.text)) is not None:
        log.add("split_glued_headings", block.span, rest.text, f"{found.heading} / {found.after}")
        if found.before:
            pieces.append(replace(rest, text=found.before))
        pieces.append(Heading(text=found.heading, level=3, span=block.span, chrome=block.chrome))
        rest = replace(rest, text=found.after, lead="")
    pieces.append(rest)
    return pieces


def _split_table(table: Table, log: RepairLog) -> list[Block]:
    """Prose glued after the last cell's text left the table with the heading before it."""
    if not table.rows:
        return [table]
    last_row = table.rows[-1]
    column = max((i for i, cell in enumerate(last_row) if cell), default=None)
    if column is None:
        return [table]
    found = find_glued_heading(last_row[column])
    if found is None or not found.before:
        return [table]
    log.add(
        "split_glued_headings",
        table.row_span(len(table.rows) - 1),
        last_row[column],
        f"cell: {found.before} / heading: {found.heading} / moved out: {found.after}",
    )
    row = (*last_row[:column], found.before, *last_row[column + 1 :])
    span = table.row_span(len(table.rows) - 1)
    moved = Paragraph(text=found.after, span=span, chrome=table.chrome)
    heading = Heading(text=found.heading, level=3, span=span, chrome=table.chrome)
    return [replace(table, rows=(*table.rows[:-1], row)), heading, *_split_paragraph(moved, log)]
