"""Drop page furniture from the block stream, keeping each dropped block with its reason.

The words of each language (related-reading headings, share and advertisement labels,
picture credits…) are data in ``cues/<language>.json``; the rules that use them are here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .blocks import Block, Heading, ListBlock, Paragraph, Table, block_text
from .cues import alternation, entries
from .models import Dropped
from .textutil import ends_with_punctuation, word_count, words_of

# Headings that open a block of links to other pages, not a section of this article.
RELATED_HEADING = re.compile(rf"^{alternation('related_headings')}\s*[:：]?$", re.IGNORECASE)
# "By Jane Doe", "By Ana Ruiz and Tom Lee": a byline names people, it is not article text.
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
BYLINE = re.compile(rf"^[Bb]y(?:\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)?\s*[:.]?$")
# "Photo: Reuters", "Image (file): AFP/Getty": credits under pictures.
CREDIT_LINE = re.compile(
    rf"^{alternation('picture_credit_words')}s?\s*(?:\([^)]{{0,40}}\))?\s*[:：]\s*\S.{{0,80}}$",
    re.IGNORECASE,
)
MAX_CREDIT_WORDS = 12
# "Protesters march in Hong Kong (Image: Getty)", "… in Hialeah, Fla. (AP Photo/Alan Diaz,
# File)": a caption that ends with its picture's credit in brackets.
CAPTION_CREDIT_END = re.compile(
    rf"\((?:ap |afp |epa |dpa )?{alternation('picture_credit_words')}s?"
    rf"\s*(?:[:/]|by\b)[^()]{{0,80}}\)\s*$",
    re.IGNORECASE,
)
# "In this Dec. 12, 2006, file photo, made available by NASA, …": news agencies open a
# caption by naming the picture.
CAPTION_OPENING = re.compile(alternation("caption_openings"), re.IGNORECASE)
MAX_CAPTION_WORDS = 60
# A short line printed on three or more pages is a running header or footer.
MIN_RUNNING_HEADER_WORDS = 3
MAX_RUNNING_HEADER_WORDS = 12
MIN_REPEATS = 3
# "Addis Ababa, February 2025": a place and a date on their own, a cover or dateline.
PLACE_DATE = re.compile(
    r"^[A-Z][\w .'’-]{1,40},\s+(?:(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december)\s+(?:\d{1,2},?\s+)?\d{4}"
    r"|\d{1,2}\.?\s+[^\W\d_]{3,12}\.?\s+\d{4}\.?)$",
    re.IGNORECASE,
)
# Chinese, Japanese and Korean news put source, author and editor on one short line:
# "来源：新华网 作者：李文", "（责任编辑：王磊）", "홍길동 기자".
CJK_BYLINE = re.compile(
    rf"{alternation('byline_labels')}\s*[:：]|{'|'.join(entries('byline_patterns'))}"
)
MAX_CJK_BYLINE_CHARS = 60
# "E-mail: press@example.org", "Phone number: (+32) 2 283 22 82 (BXL)": a label and only an
# address or a number to reach someone, or the box's label alone ("Pressekontakte:").
CONTACT_LINE = re.compile(
    rf"^{alternation('contact_labels')}\s*(?:[:：]\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:\+|\(\+?)?\d[\d ()./–-]{5,}\d(?:\s*\([^()]{1,12}\))?)?)?\s*$"
)
# "Written by: Sean Peek, Senior Analyst", "About the author", "By The Currency editors":
# the label of an author box, which sites print as a heading as often as a line.
AUTHOR_LINE = re.compile(rf"{alternation('author_labels')}(?:\s*[:：]|\s+\S|$)")
# "1,284", "-", "3": view counters and separators. Longer figure-only lines may be data.
MAX_WORDLESS_CHARS = 12
# Short blocks that are site furniture wherever they stand: by how they start, or by a
# phrase anywhere. Both run on lower-cased text: without IGNORECASE, and with the start
# tested by match(), Python's regex engine reads a line many times faster.
FURNITURE_START = re.compile(
    rf"{alternation('teaser_labels')}\s*:|{'|'.join(entries('furniture_starts'))}|#{{3}}$|©"
    rf"|{alternation('share_labels')}\s*(?::|$)|{alternation('legal_notice_lines')}$"
    rf"|{alternation('control_labels')}$"
    rf"|{'|'.join(entries('reprint_notes'))}"
    rf"|[-–—\s]*{alternation('advertisement_words')}[-–—\s]*$"
)
FURNITURE_PHRASE = re.compile("|".join(entries("furniture_phrases")))


def is_furniture_text(text: str) -> bool:
    """'Read more: …', '© 2025 Ministry', 'We use cookies…': site furniture.

    >>> is_furniture_text("Read More: the budget"), is_furniture_text("A plan to share on")
    (True, True)
    >>> is_furniture_text("The ministry shares its plan.")
    False
    """
    lowered = text.lower()
    return bool(FURNITURE_START.match(lowered) or FURNITURE_PHRASE.search(lowered))


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A line that is only a date or a comment count is a dateline, not article text.
META_LINE = re.compile(
    rf"^(?:(?:published|updated|posted)\s*:?\s*)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
    r"(?:\s*(?:at\s*)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s*[a-z]{2,4})?)?$"
    r"|^(?:\d+\s+comments?|comments?\s*\(\d+\))$",
    re.IGNORECASE,
)
META_SEPARATOR = re.compile(r"\s[·•|]\s")
# "Publié le 4 février 2025 à 11h20", "Stand: 03.05.2024": publication notes in any language.
PUBLICATION_NOTE = re.compile(
    rf"^{alternation('publication_notes')}\b.{{0,80}}\d{{4}}", re.IGNORECASE
)
MAX_NOTE_WORDS = 20
# "Home > Policy > Energy": a trail of short labels joined by arrows.
BREADCRUMB = re.compile(r"^[^>›»]{1,40}(?:\s[>›»]\s[^>›»]{1,40}){1,8}$")
# A short paragraph pointing readers to social accounts or a newsletter, with a handle
# or an address, promotes the site or author; it is not the article.
CHANNEL_PROMOTION = re.compile(r"\b(?:twitter|facebook|instagram|newsletter|linkedin)\b", re.I)
HANDLE_OR_ADDRESS = re.compile(r"(?:^|\s)@\w{2,}|\b[\w.+-]+@[\w-]+\.[\w.]+")
MAX_PROMOTION_WORDS = 60
MIN_LINK_SENTENCE_WORDS = 4
# A paragraph this long under a "Related" heading is the article resuming, not a headline.
MIN_PROSE_WORDS = 25
# Furniture is short; a long paragraph that mentions cookies is article text.
MAX_FURNITURE_WORDS = 40
# A list whose text is mostly links, with short items, is navigation.
LINK_DENSE_RATIO = 0.75
MAX_NAV_ITEM_WORDS = 12
# A trailing headline sharing less than this share of its words with the article is
# reported as unrelated (it is dropped either way: it heads no text).
RELATED_OVERLAP = 0.5
# A heading whose text is this much link is a link to another page.
ALL_LINKS_RATIO = 0.9
# A teaser card: a heading that is all link, and under it at most this much (a teaser
# sentence, a date). Cards come in runs; one alone may be a linked section heading.
CARD_MAX_BLOCKS = 2
CARD_MAX_WORDS = 40
MIN_CARD_RUN = 2
# A repeated paragraph this long is a duplicate; short ones ("Read more") are the running
# lines handled above.
MIN_REPEAT_WORDS = 8


@dataclass
class Cleaned:
    blocks: list[Block]
    dropped: list[Dropped] = field(default_factory=list)


def remove_boilerplate(blocks: list[Block]) -> Cleaned:
    """Split the stream into article blocks and dropped furniture, in order."""
    result = Cleaned(blocks=[])
    skip_until_level: int | None = None
    repeated = _repeated_lines(blocks)
    seen: set[str] = set()
    # Each block's own furniture reason, read once: the teaser-card scan needs it too.
    reasons = [_furniture_reason(block) for block in blocks]
    cards = _teaser_cards(blocks, reasons)
    for index, block in enumerate(blocks):
        reason = reasons[index]
        if not reason and isinstance(block, Paragraph) and block.text in repeated:
            reason = "repeated through the document (running header or footer)"
        if not reason and index in cards:
            reason = "teaser of another article (a run of linked headline cards)"
        if not reason and _is_repeat(block, seen):
            reason = "repeats an earlier paragraph word for word (a caption shown twice)"
        if skip_until_level is not None:
            if _ends_related_section(block, skip_until_level) and not reason:
                skip_until_level = None
            else:
                reason = reason or "links to other articles under a related-articles heading"
        if isinstance(block, Heading) and RELATED_HEADING.match(block.text):
            reason = "related-articles heading"
            skip_until_level = block.level
        if reason:
            result.dropped.append(_dropped(block, reason))
        elif isinstance(block, ListBlock):
            _keep_article_items(block, result)
        else:
            result.blocks.append(block)
    _drop_trailing_headlines(result)
    return result


def _teaser_cards(blocks: list[Block], reasons: list[str]) -> set[int]:
    """Indexes of the blocks in runs of teaser cards: a linked headline with at most a
    teaser line and a date under it, two or more in a row, with the label heading that
    opens the run ("More stories") if it heads nothing else."""
    found: set[int] = set()
    index = 0
    while index < len(blocks):
        run_end = index
        while (card_end := _card_end(blocks, run_end, reasons)) is not None:
            run_end = card_end
        if run_end > index and _cards_in(blocks, index, run_end) >= MIN_CARD_RUN:
            start = index - 1 if index and isinstance(blocks[index - 1], Heading) else index
            found.update(range(start, run_end))
            index = run_end
        else:
            index += 1
    return found


def _card_end(blocks: list[Block], start: int, reasons: list[str]) -> int | None:
    """The index after the card starting at ``start``, or None when none starts there
    (``reasons``: each block's own furniture reason)."""
    heading = blocks[start] if start < len(blocks) else None
    if not isinstance(heading, Heading) or heading.link_ratio < ALL_LINKS_RATIO:
        return None
    end, words, texts = start + 1, 0, 0
    while end < len(blocks) and not isinstance(blocks[end], Heading | Table):
        # The card's date and byline ("11/19/2025", "By Jerra Toms") are furniture of their
        # own: only its teaser text counts.
        if not reasons[end]:
            words += word_count(block_text(blocks[end]), CARD_MAX_WORDS)
            texts += 1
        end += 1
    if texts > CARD_MAX_BLOCKS or words > CARD_MAX_WORDS:
        return None
    return end


def _cards_in(blocks: list[Block], start: int, end: int) -> int:
    return sum(1 for block in blocks[start:end] if isinstance(block, Heading))


def _is_repeat(block: Block, seen: set[str]) -> bool:
    """A long paragraph met before in the same section, word for word: slideshows and
    galleries print the same caption for the thumbnail, the full view and the lightbox.
    (Under another heading the same words may be that section's own text.)"""
    if isinstance(block, Heading):
        seen.clear()
        return False
    if (
        not isinstance(block, Paragraph)
        or word_count(block.text, MIN_REPEAT_WORDS) < MIN_REPEAT_WORDS
    ):
        return False
    key = " ".join(block.text.split())
    if key in seen:
        return True
    seen.add(key)
    return False


def _keep_article_items(block: ListBlock, result: Cleaned) -> None:
    """Drop the furniture lines of a list (a faked list can gather them), keep the rest."""
    kept = []
    for item in block.items:
        reason = _line_reason(item.text)
        if reason:
            result.dropped.append(
                Dropped(text=item.text, reason=reason, where=item.span.describe())
            )
        else:
            kept.append(item)
    if kept:
        result.blocks.append(
            replace(block, items=tuple(kept)) if len(kept) < len(block.items) else block
        )


def _repeated_lines(blocks: list[Block]) -> set[str]:
    """Short lines that come back again and again: a converted report's running header."""
    counts = Counter(
        block.text
        for block in blocks
        if isinstance(block, Paragraph)
        and MIN_RUNNING_HEADER_WORDS
        <= word_count(block.text, MAX_RUNNING_HEADER_WORDS)
        <= MAX_RUNNING_HEADER_WORDS
    )
    return {text for text, count in counts.items() if count >= MIN_REPEATS}


def _ends_related_section(block: Block, level: int) -> bool:
    """A heading of the same rank, or article prose, ends a related-links section."""
    if isinstance(block, Heading):
        return block.level <= level
    if isinstance(block, Paragraph):
        return (
            block.link_ratio < LINK_DENSE_RATIO
            and word_count(block.text, MIN_PROSE_WORDS) >= MIN_PROSE_WORDS
        )
    return False


def _is_meta_strip(text: str) -> bool:
    """'Climate · 3 April 2025 · By Nikos Papadakis': section, date and byline in one strip."""
    parts = [part.strip() for part in META_SEPARATOR.split(text)]
    if len(parts) < 2 or word_count(text, MAX_NOTE_WORDS) > MAX_NOTE_WORDS:
        return False
    return any(META_LINE.match(part) or BYLINE.match(part) for part in parts)


def _box_label(lowered: str, words: int) -> str:
    """'byline' or 'contact details' for an author box's or a press-contact box's line."""
    if AUTHOR_LINE.match(lowered):
        return "byline"
    if words <= MAX_CREDIT_WORDS and CONTACT_LINE.match(lowered):
        return "contact details"
    return ""


def _line_reason(text: str) -> str:
    """Why one line of text (a paragraph, a heading, a list item) is furniture, or ''."""
    if not text.strip():
        return ""
    if len(text) <= MAX_WORDLESS_CHARS and not any(char.isalpha() for char in text):
        return "no words (a counter, a separator)"
    # (Every threshold below is at most MAX_FURNITURE_WORDS.)
    words = word_count(text, MAX_FURNITURE_WORDS)
    if words <= MAX_FURNITURE_WORDS and is_furniture_text(text):
        return "site furniture text"
    if META_LINE.match(text) or PLACE_DATE.match(text) or _is_meta_strip(text):
        return "dateline"
    if words <= MAX_NOTE_WORDS and PUBLICATION_NOTE.match(text):
        return "dateline"
    if words <= MAX_NOTE_WORDS and BREADCRUMB.match(text):
        return "breadcrumb"
    if BYLINE.match(text) or (len(text) <= MAX_CJK_BYLINE_CHARS and CJK_BYLINE.search(text)):
        return "byline"
    if words <= MAX_NOTE_WORDS and (box := _box_label(text.lower(), words)):
        return box
    if words <= MAX_CREDIT_WORDS and CREDIT_LINE.match(text):
        return "picture credit"
    if _is_caption(text):
        return "picture caption"
    if _is_channel_promotion(text):
        return "promotion of social accounts or newsletter"
    return ""


def _is_caption(text: str) -> bool:
    """A picture's caption: it names the picture first or its credit last."""
    if not (CAPTION_CREDIT_END.search(text) or CAPTION_OPENING.match(text)):
        return False
    return word_count(text, MAX_CAPTION_WORDS) <= MAX_CAPTION_WORDS


def _furniture_reason(block: Block) -> str:
    if block.chrome:
        return f"page furniture ({block.chrome})"
    text = block_text(block)
    if isinstance(block, Paragraph | Heading):
        reason = _line_reason(text)
        if reason:
            return reason
    if isinstance(block, ListBlock) and _is_link_list(block):
        return "link-dense list (navigation)"
    if isinstance(block, Table) and _is_link_table(block):
        return "link-dense table (navigation)"
    if isinstance(block, Paragraph) and block.link_ratio >= LINK_DENSE_RATIO:
        return "" if _is_linked_sentence(text) else "link-only paragraph"
    return ""


def _is_linked_sentence(text: str) -> bool:
    """'Read the draft plan.' is a sentence that happens to be a link; menus are labels."""
    return (
        ends_with_punctuation(text)
        and word_count(text, MIN_LINK_SENTENCE_WORDS) >= MIN_LINK_SENTENCE_WORDS
    )


def _is_channel_promotion(text: str) -> bool:
    return (
        CHANNEL_PROMOTION.search(text) is not None
        and HANDLE_OR_ADDRESS.search(text) is not None
        and word_count(text, MAX_PROMOTION_WORDS) <= MAX_PROMOTION_WORDS
    )


def _is_link_table(block: Table) -> bool:
    cells = [cell for row in block.rows for cell in row if cell]
    if block.link_ratio < LINK_DENSE_RATIO or not cells:
        return False
    return sum(len(words_of(cell)) for cell in cells) / len(cells) <= MAX_NAV_ITEM_WORDS


def _is_link_list(block: ListBlock) -> bool:
    if block.link_ratio < LINK_DENSE_RATIO or not block.items:
        return False
    words = sum(len(words_of(item.text)) for item in block.items)
    return words / len(block.items) <= MAX_NAV_ITEM_WORDS


def _drop_trailing_headlines(result: Cleaned) -> None:
    """Headings at the very end head no text: they are other articles' headlines."""
    trailing: list[Block] = []
    while result.blocks and isinstance(result.blocks[-1], Heading) and len(result.blocks) > 1:
        trailing.insert(0, result.blocks.pop())
    if not trailing:
        return
    vocabulary = {word.lower() for block in result.blocks for word in words_of(block_text(block))}
    for block in trailing:
        result.dropped.append(_dropped(block, _trailing_reason(block, vocabulary)))


def _trailing_reason(block: Block, vocabulary: set[str]) -> str:
    words = [word.lower() for word in words_of(block_text(block)) if len(word) > 3]
    shared = sum(1 for word in words if word in vocabulary)
    if words and shared / len(words) < RELATED_OVERLAP:
        return "trailing headline unrelated to the article"
    return "trailing headline with no text under it"


def _dropped(block: Block, reason: str) -> Dropped:
    return Dropped(text=block_text(block), reason=reason, where=block.span.describe())
