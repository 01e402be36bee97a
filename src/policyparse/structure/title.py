"""Which text is the document's title, and what stands above it (kickers, sidebars)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..blocks import Block, Heading, Paragraph, block_text
from ..models import Dropped
from ..repairs.split_separator_pipes import slash_pipes
from ..textutil import (
    CJK_CHARACTER,
    comparable_text,
    ends_with_punctuation,
    title_case_ratio,
    words_of,
)
from .names import MIN_LONG_NAME_TITLE_RATIO

MAX_KICKER_WORDS = 4

# A heading this close to the page's <title> (word overlap both ways) is that title.
SAME_TITLE = 0.9

TITLE_SEARCH_BLOCKS = 12

SITE_SUFFIX = re.compile(r"^(?P<title>.+)\s+(?:[|–—·•»]|-|::)\s+(?P<site>[^|–—·•»]{1,60})$")

MAX_SITE_NAME_WORDS = 6


def strip_site_suffix(title: str) -> str:
    """Remove a trailing site name: 'Plan for rail | The Daily Post' → 'Plan for rail'.

    The tail after the last `` | ``, `` - ``, `` – ``, `` — ``, `` · `` or `` :: `` goes when
    it is short and named like a site (capitalised words or a domain).

    >>> strip_site_suffix("Pension reform unveiled - Ministry of Labour")
    'Pension reform unveiled'
    >>> strip_site_suffix("Rail: a vision for growth")
    'Rail: a vision for growth'
    >>> strip_site_suffix("Budget 2025 - what it means for you")
    'Budget 2025 - what it means for you'
    """
    title = " ".join(title.split())
    match = SITE_SUFFIX.match(title)
    if not match:
        return title
    site = match.group("site")
    if len(words_of(site)) > MAX_SITE_NAME_WORDS:
        return title
    if "." in site or title_case_ratio(site) >= MIN_LONG_NAME_TITLE_RATIO:
        return match.group("title")
    return title


PIPE_SITE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+\|\s+[^|]{1,60}$")

DASH_PUBLICATION_SUFFIX = re.compile(
    r"^(?P<title>.+)\s+[-–—]\s+(?:The\s+)?(?:[\w’'.-]+\s+){0,3}(?:Times|Post|News|Review|Herald"
    r"|Tribune|Journal|Monitor|Daily|Gazette|Observer|Express|Chronicle|Guardian|Telegraph|Mail"
    r"|Star|Today|Weekly|Online|Magazine|Ledger|Courier|Standard|Independent|Insider|Reporter"
    r"|Dispatch|Sun|Mirror|Press|Wire|Digest)(?:\.com|\.org)?$"
)


def strip_pipe_site_suffix(title: str) -> str:
    """A heading keeps its dashes and colons; a ' | Site' tail is a site name there, and so
    is a dash tail that names a publication (' - The Capital Times').

    >>> strip_pipe_site_suffix("Hospital Reform Passes | Berlin Ledger")
    'Hospital Reform Passes'
    >>> strip_pipe_site_suffix("Power Plan - The Reykjavík Review")
    'Power Plan'
    >>> strip_pipe_site_suffix("Budget 2025 - What It Means for You")
    'Budget 2025 - What It Means for You'
    """
    match = PIPE_SITE_SUFFIX.match(title)
    if match and len(words_of(title[match.end("title") :])) <= MAX_SITE_NAME_WORDS:
        return match.group("title")
    match = DASH_PUBLICATION_SUFFIX.match(title)
    return match.group("title") if match else title


@dataclass(frozen=True)
class TitleChoice:
    title: str
    body: list[Block]  # the blocks without the title heading
    title_at: int  # where the title heading stood among them (0: nothing above it)


def choose_title(blocks: list[Block], fallback: str, candidates: Sequence[str] = ()) -> TitleChoice:
    """The title, the blocks without it, and where in them the title heading stood.
    (A CJK title loses the site and channel names and the column label around it.)"""
    choice = _choose_title(blocks, fallback, candidates)
    tidy = without_cjk_labels(choice.title)
    if tidy != choice.title:
        choice = replace(choice, title=tidy)
    return _without_headline_repeat(choice)


def _without_headline_repeat(choice: TitleChoice) -> TitleChoice:
    """The headline printed again near the top (the title came from the page's <title> or a
    header; the story repeats it as a heading): it is the title, not a section."""
    key = comparable_text(choice.title)
    for index, block in enumerate(choice.body[:TITLE_SEARCH_BLOCKS]):
        if isinstance(block, Heading) and key and comparable_text(block.text) == key:
            # (Where the title stood is left as it was: what stands above a repeat is not
            # a kicker of it.)
            return replace(choice, body=choice.body[:index] + choice.body[index + 1 :])
    return choice


# Chinese and Japanese titles name the site and channel after "_", "--", "|", "｜" or an
# unspaced "-" ("…大展拳脚_新闻频道_中国青年网", "…项目启动--健康·生活--人民网", "监察法-纪检"),
# and put a column's label before it ("新华全媒+丨…", "【？】「…」").
# (The tail names something: it holds a letter, so "0.3%-0.5%" keeps its range.)
CJK_SITE_TAIL = re.compile(
    r"(?<=\S)(?:_|--|-|\||｜)(?P<tail>(?=[^_|｜\s-]*[^\W\d_])[^_|｜\s-]{1,12})$"
)
CJK_COLUMN_LABEL = re.compile(r"^(?:[^丨｜\s]{1,10}[丨｜]|【[^】]{1,10}】)\s*(?=\S)")
MIN_TITLE_SHARE = 2  # what stays is at least twice as long as a tail cut off


def without_cjk_labels(title: str) -> str:
    """A CJK title without the site and channel names after it and the column label
    before it. Titles without CJK characters are returned as they are.

    >>> without_cjk_labels("我国首届养老专业本科生迎来毕业季_新闻频道_中国青年网")
    '我国首届养老专业本科生迎来毕业季'
    >>> without_cjk_labels("新华全媒+丨前4个月我国外贸向好态势进一步巩固")
    '前4个月我国外贸向好态势进一步巩固'
    >>> without_cjk_labels("居民消费价格同比上涨0.3%-0.5%")
    '居民消费价格同比上涨0.3%-0.5%'
    >>> without_cjk_labels("Rail plan - The Daily Post")
    'Rail plan - The Daily Post'
    """
    if not CJK_CHARACTER.search(title):
        return title
    while (tail := CJK_SITE_TAIL.search(title)) and tail.start() >= MIN_TITLE_SHARE * len(
        tail.group("tail")
    ):
        title = title[: tail.start()].rstrip()
    label = CJK_COLUMN_LABEL.match(title)
    if label and len(title) - label.end() >= MIN_TITLE_SHARE * label.end():
        title = title[label.end() :]
    return title


def _choose_title(
    blocks: list[Block], fallback: str, candidates: Sequence[str] = ()
) -> TitleChoice:
    """The title before CJK labels are cut.

    The title is the level-1 heading that best matches the page's own title. Candidates are
    the level-1 headings of the stream and those found in furniture (a header above the
    article). With no page title to compare, the first level-1 heading of the stream wins.
    Otherwise ``fallback`` (``og:title``/``<title>``) without its site name.
    """
    page_title = strip_site_suffix(fallback)
    in_stream = [
        (i, b.text) for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1
    ]
    options = [*in_stream, *((None, text) for text in candidates)]
    if options:
        # Against the whole title too: a "Site - Section - Headline" title whose headline
        # reads like a site name (German nouns are capitalised) loses the headline when the
        # suffix is stripped.
        def match(text: str) -> float:
            return max(_title_match(text, page_title), _title_match(text, fallback))

        index, text = max(options, key=lambda option: match(option[1]))
        if not page_title or match(text) > 0 or index is not None:
            rest = blocks if index is None else blocks[:index] + blocks[index + 1 :]
            return TitleChoice(slash_pipes(strip_pipe_site_suffix(text)), rest, index or 0)
    page_title = slash_pipes(page_title)
    for index, block in enumerate(blocks[:TITLE_SEARCH_BLOCKS]):
        # The page title shown as a heading near the top (a converted report's cover).
        if isinstance(block, Heading) and _same_title(block.text, page_title):
            return TitleChoice(block.text, blocks[:index] + blocks[index + 1 :], index)
    if not page_title and blocks and isinstance(blocks[0], Heading):
        # No level-1 heading (its line was furniture, "For immediate release") and no page
        # title: the heading the document opens with is its title.
        return TitleChoice(slash_pipes(strip_pipe_site_suffix(blocks[0].text)), blocks[1:], 0)
    return TitleChoice(page_title, blocks, 0)


def drop_kickers(body: list[Block], title_at: int) -> tuple[list[Block], list[Dropped]]:
    """What stands above the title heading: kickers ("Policy Report"), or a whole sidebar
    when the story follows the title (old layout tables put the menu first)."""
    before, after = body[:title_at], body[title_at:]
    if all(_is_kicker(block) for block in before):
        reason, start = "kicker above the title", 0
    elif _text_size(before) < _text_size(after):
        reason, start = "above the title (page furniture)", 0
    else:
        reason, start = "kicker above the title", title_at
        while start and _is_kicker(body[start - 1]):
            start -= 1
    dropped = [
        Dropped(text=block_text(b), reason=reason, where=b.span.describe())
        for b in body[start:title_at]
    ]
    return body[:start] + after, dropped


def _text_size(blocks: list[Block]) -> int:
    return sum(len(block_text(block)) for block in blocks)


def _is_kicker(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    return len(words_of(block.text)) <= MAX_KICKER_WORDS and not ends_with_punctuation(block.text)


def _same_title(text: str, page_title: str) -> bool:
    if not page_title:
        return False
    return (
        _title_match(text, page_title) >= SAME_TITLE
        and _title_match(page_title, text) >= SAME_TITLE
    )


def _title_match(text: str, page_title: str) -> float:
    """Share of the page title's words the heading repeats (0 when there is no page title)."""
    wanted = {word.lower() for word in words_of(page_title)}
    if not wanted:
        return 0.0
    return len(wanted & {word.lower() for word in words_of(text)}) / len(wanted)
