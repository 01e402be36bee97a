"""Site chrome above the headline and everything after the article's end, in scraped text.

A scraper that reads the whole page prints the site's controls first ("Skip to content",
the site name, "Sign in / Register", a menu) and, after the article, its share bar, related
headlines, tags, the author box and the comments. None of it is the article: the text
between is. The cue phrases are data, one table per language in
``policyparse/cues/<language>.json``; this module holds the rules.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..boilerplate import BREADCRUMB, BYLINE
from ..cues import alternation, entries
from ..textutil import (
    ALNUM,
    CJK_CHARACTER,
    comparable_text,
    content_words,
    ends_with_punctuation,
    length_in_words,
    reads_as_heading,
    starts_like_sentence,
)
from .lines import BULLET, GridLine, SourceLine

Skipped = tuple[str, str, str]

# Marks a cue line may carry that are not words: Markdown, bullets, arrows, colons.
# (Stripped with str methods: a regex anchored at the end rescans long runs of spaces.)
LEADING_DECORATION = " \t#*>•·-–—|»›"
TRAILING_DECORATION = " \t#*:：|»›.…"
COUNTED_END = re.compile(rf"^\d+\s+{alternation('comment_count_words')}\b")
ATX_TITLE = re.compile(r"^\s{0,3}#\s+\S")
MENU_SEPARATORS = re.compile(r"\s[|/·•]\s")
# A menu is a run of short labels: "Home", "Economy", "Energy & Mining"…
MAX_MENU_WORDS = 4
MIN_MENU_RUN = 3
# Three labels on one line joined by bars or slashes: "Sign in / Register / e-Paper".
MIN_MENU_SEGMENTS = 3
# The article has begun once a paragraph of prose has been read: a share bar or a tag
# line above the story (printed with the headline) must not end it.
MIN_PROSE_WORDS = 20
# The title is looked for among the lines above the first paragraph of prose, and only so
# far: a page without prose must not have its whole text taken for chrome.
MAX_HEAD_LINES = 80
MIN_TITLE_WORDS = 2


@dataclass(frozen=True)
class Cues:
    end_lines: frozenset[str]
    end_prefixes: tuple[str, ...]
    share_lines: frozenset[str]
    share_prefixes: tuple[str, ...]
    chrome_lines: frozenset[str]
    chrome_phrases: tuple[str, ...]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Every language's cue table, merged: a page's language is not known in advance."""
    return Cues(
        end_lines=frozenset(entries("end_lines")),
        end_prefixes=tuple(sorted(entries("end_prefixes"))),
        share_lines=frozenset(entries("share_lines")),
        share_prefixes=tuple(sorted(entries("share_prefixes"))),
        chrome_lines=frozenset(entries("chrome_lines")),
        chrome_phrases=tuple(sorted(entries("chrome_phrases"))),
    )


def cue_text(text: str) -> str:
    """A line as cues are written: lower case, without decoration.

    >>> cue_text("## Share this: ")
    'share this'
    """
    stripped = text.lower().lstrip(LEADING_DECORATION).rstrip(TRAILING_DECORATION)
    return " ".join(stripped.split())


def split_text_furniture(
    lines: Sequence[SourceLine], *, markdown: bool = False, layout: bool = False
) -> tuple[list[SourceLine], list[Skipped]]:
    """The article's lines, and the chrome above and furniture below it as skipped text
    (``markdown``: the lines are Markdown, so a "# " line is a level-1 heading; ``layout``:
    a layout renderer printed the page, so no markup tells its headline).

    >>> lines = [SourceLine(n, t) for n, t in enumerate(["Skip to content", "Home", "News",
    ...     "Sport", "Rail Plan Unveiled for the North", "The ministry has set out a plan for "
    ...     "new lines across the north that will cost billions and take ten years to build.",
    ...     "Share this article", "Other headline"], 1)]
    >>> kept, skipped = split_text_furniture(lines)
    >>> [line.text for line in kept][0], len(kept), len(skipped)
    ('Rail Plan Unveiled for the North', 2, 6)
    """
    filled = [index for index, line in enumerate(lines) if line.text.strip()]
    if not filled:
        return list(lines), []
    blocks = [lines[index] for index in filled]  # blank lines neither start nor end a run
    start = article_start(blocks, markdown=markdown, layout=layout)
    end = article_end(blocks, start)
    first = filled[start] if start < len(filled) else len(lines)
    last = filled[end] if end < len(filled) else len(lines)
    dropped = {filled[index]: "menu" for index in menu_lines(blocks, start, end)}
    dropped |= {filled[index]: "share bar" for index in share_bar_lines(blocks, start, end)}
    for index in range(first + 1, last):  # the title line itself is never dropped here
        reason = line_furniture(lines[index].text)
        if reason and index not in dropped:
            dropped[index] = reason
    skipped = [_skip(line, "site chrome before the title") for line in lines[:first]]
    skipped += [_skip(lines[index], reason) for index, reason in sorted(dropped.items())]
    skipped += [_skip(line, "after the end of the article") for line in lines[last:]]
    kept = [line for index, line in enumerate(lines[first:last], first) if index not in dropped]
    return kept, [item for item in skipped if item[0]]


# w3m and lynx print an image as its alt text in brackets, a form field as "[ ]" or a run
# of underscores.
IMAGE_PLACEHOLDER = re.compile(r"^(?:\[[^\[\]\n]{1,120}\]\s*)+$")
FORM_FIELD = re.compile(r"\[\s*_*\s*\]|_{6,}")
READING_TIME = re.compile(
    r"^\d{1,3}\s*(?:min(?:ute)?s?\.?)\s*(?:read|reading time|lesezeit|de lecture|de lectura"
    r"|de leitura|di lettura)?$"
)
# Lines this short that hold a date, a form field or a site control are page furniture.
MAX_FURNITURE_LINE_WORDS = 10


def line_furniture(text: str) -> str:
    """Why a line inside the article is furniture ('' when it is not): a dateline or
    byline, an image placeholder, a form field, a site control.

    >>> line_furniture("By Wanjiru Kamau June 12, 2025"), line_furniture("[autobahn-800x445]")
    ('dateline', 'image placeholder')
    >>> line_furniture("The levy was first deducted on 12 June 2025 from payslips.")
    ''
    """
    stripped = text.strip().strip("#*").strip()
    if not stripped or length_in_words(stripped) > MAX_FURNITURE_LINE_WORDS:
        return ""
    if IMAGE_PLACEHOLDER.match(stripped):
        return "image placeholder"
    if FORM_FIELD.search(stripped):
        return "form field"
    if is_share_buttons_line(stripped):
        return "share bar"
    if ends_with_punctuation(stripped) or "|" in stripped:
        return ""
    if DATED.search(stripped) or READING_TIME.match(stripped.lower()):
        return "dateline"
    return "site control" if _is_named_chrome(stripped) else ""


# A share bar printed on one line: "Facebook Twitter Email", "分享：Facebook LINE",
# "공유하기 페이스북 카카오톡 링크 복사". The buttons' labels are data (``share_buttons``).
MIN_SHARE_BUTTONS = 2


@lru_cache(maxsize=1)
def _share_button() -> re.Pattern[str]:
    """One button label as a whole word (a CJK label anywhere), longest labels first."""
    labels = sorted(entries("share_buttons"), key=len, reverse=True)
    return re.compile(
        "|".join(
            re.escape(label) if CJK_CHARACTER.search(label) else rf"(?<!\w){re.escape(label)}(?!\w)"
            for label in labels
        )
    )


def is_share_buttons_line(text: str) -> bool:
    """Is the line nothing but two or more share or follow buttons?

    >>> is_share_buttons_line("Facebook Twitter Email"), is_share_buttons_line("分享：微博 微信")
    (True, True)
    >>> is_share_buttons_line("Facebook and Twitter"), is_share_buttons_line("Email")
    (False, False)
    """
    rest, buttons = _share_button().subn(" ", text.lower())
    return buttons >= MIN_SHARE_BUTTONS and not ALNUM.search(rest)


# Inside the article, a run of this many short labels in a row is a menu: a section
# heading is followed by its text, so labels cannot all be headings. (A list introduced by
# a line ending in ":" is the article's own, however short its items.)
MIN_ARTICLE_MENU_RUN = 4
LIST_INTRO_END = (":", "：")


# Between two menus, up to this many longer entries ("Gateway for Accelerated Innovation
# in Nuclear (GAIN)", "Who do I contact at the Labs?") are the same menu.
MAX_MENU_BRIDGE_LINES = 5
MAX_MENU_ENTRY_WORDS = 8


def menu_lines(lines: Sequence[SourceLine], start: int, end: int) -> list[int]:
    """The lines of the menus inside the article: runs of short labels, and the longer
    entries between two such runs."""
    runs: list[list[int]] = []
    run: list[int] = []
    under_intro = False  # is the last line that is not a list item a list's intro?
    for index in range(start + 1, end + 1):
        is_item = index < end and bool(ITEM_MARK.match(lines[index].text))
        if index < end and not is_item:
            under_intro = lines[index].text.rstrip().endswith(LIST_INTRO_END)
        if index < end and _is_label(lines[index]) and not (is_item and under_intro):
            run.append(index)
            continue
        if len(run) >= MIN_ARTICLE_MENU_RUN:
            runs.append(run)
        run = []
    return [index for found in _bridged(lines, runs) for index in found]


def _bridged(lines: Sequence[SourceLine], runs: list[list[int]]) -> list[list[int]]:
    """Each run, and the entries between it and the next run when they are few and read as
    menu entries (short, no sentence, no label and colon)."""
    result = [list(run) for run in runs]
    for before, after in itertools.pairwise(result):
        between = range(before[-1] + 1, after[0])
        if len(between) <= MAX_MENU_BRIDGE_LINES and all(
            _is_menu_entry(lines[index].text) for index in between
        ):
            before.extend(between)
    return result


def _is_menu_entry(text: str) -> bool:
    text = text.strip()
    return (
        bool(text)
        and ":" not in text
        and not text.endswith((".", "。"))
        and length_in_words(text) <= MAX_MENU_ENTRY_WORDS
    )


ITEM_MARK = re.compile(r"^\s*(?:[-*•·◦▪‣+]|\d{1,3}[.)])\s+\S")


# A share bar's buttons: "Facebook", "X", "WhatsApp", "Copy link"…
MAX_SHARE_BUTTONS = 10


def share_bar_lines(lines: Sequence[SourceLine], start: int, end: int) -> list[int]:
    """The lines of the share bars inside the article: the cue and its button labels."""
    found: list[int] = []
    for index in range(start + 1, end):
        if not is_share_cue(lines[index].text) or (found and index <= found[-1]):
            continue
        found.append(index)
        button = index + 1
        while button < min(end, index + 1 + MAX_SHARE_BUTTONS) and _is_label(lines[button]):
            found.append(button)
            button += 1
    return found


def _skip(line: SourceLine, reason: str) -> Skipped:
    return (line.text.strip(), reason, line.span().describe())


def article_start(
    lines: Sequence[SourceLine], *, markdown: bool = False, layout: bool = False
) -> int:
    """Where the article starts: a ``# `` heading above the prose; else the headline right
    above the byline or dateline under a masthead; else (``layout``) the headline that
    speaks of what the story speaks of; else the first headline after the last piece of
    chrome; 0 when nothing says chrome stands above the prose. A breadcrumb's last item
    right over the headline it repeats is still chrome."""
    start = _article_start(lines, markdown=markdown, layout=layout)
    return start + 1 if _is_breadcrumb_end(lines, start) else start


# "1. Home" / "2. Get Help" / "3. Get Free Tax Help" over "Get Free Tax Help": w3m and
# lynx number an ordered-list breadcrumb, whose last item is the page's own title.
ORDERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+(?P<body>\S.*)$")


def _is_breadcrumb_end(lines: Sequence[SourceLine], start: int) -> bool:
    """
    >>> lines = [SourceLine(1, " 2. Get Help"), SourceLine(2, " 3. Get Free Tax Help"),
    ...     SourceLine(4, "Get Free Tax Help")]
    >>> _is_breadcrumb_end(lines, 1), _is_breadcrumb_end(lines, 2)
    (True, False)
    """
    item = ORDERED_ITEM.match(lines[start].text) if start + 1 < len(lines) else None
    return item is not None and comparable_text(item.group("body")) == comparable_text(
        lines[start + 1].text
    )


def _article_start(
    lines: Sequence[SourceLine], *, markdown: bool = False, layout: bool = False
) -> int:
    body = _first_prose(lines, MAX_BODY_SEARCH_LINES)
    # The title is looked for above the first paragraph of prose, and only so far.
    head = body if body is not None and body < MAX_HEAD_LINES else min(len(lines), MAX_HEAD_LINES)
    for index in range(head):
        if ATX_TITLE.match(lines[index].text):
            return index
    # A "# Headline" that repeats the page's <title> is the title wherever it stands: a
    # pop-up's or a cookie box's sentences above it are not the story's first paragraph.
    marked_echo = _title_tag_echo(lines, MAX_BODY_SEARCH_LINES, marked_only=True)
    if marked_echo is not None:
        return marked_echo
    # (Without a <title> line, a Markdown text's only "# " heading is the page's <h1>; in
    # a plain dump a line starting "# " is only text.)
    if markdown:
        search = range(min(len(lines), MAX_BODY_SEARCH_LINES))
        marked = [index for index in search if ATX_TITLE.match(lines[index].text)]
        if len(marked) == 1:
            return marked[0]
    # (The headline may stand past the head when hundreds of menu lines come first.)
    echo = _title_tag_echo(lines, max(head, body or 0))
    if echo is not None:
        return echo
    chrome = [_is_chrome(lines, index) for index in range(head)]  # read once, used thrice
    last_chrome = max((i for i, is_chrome in enumerate(chrome) if is_chrome), default=-1)
    dated = _headline_over_dateline(lines, chrome)
    if dated is not None:
        return dated
    if layout and body is not None:
        on_topic = _headline_on_topic(lines, body)
        if on_topic is not None and any(chrome[:on_topic]):
            return on_topic
    below_chrome = _headline_below_chrome(lines, last_chrome, head) if last_chrome >= 0 else None
    if below_chrome is not None and head < MAX_HEAD_LINES:  # the story begins near the top
        return below_chrome
    # (A text that opens with a headline, the page's <title> as get_text prints it, has
    # its title already.)
    opens_with_headline = bool(chrome) and not chrome[0] and _is_page_headline(lines, 0)
    if body is not None and not opens_with_headline:
        over_body = _headline_over_body(lines, body, chrome)
        if over_body is not None:
            return over_body
    if last_chrome < 0:
        return 0
    if below_chrome is not None:
        return below_chrome
    # No headline below the chrome: drop it only when a cue says it is chrome, not on the
    # shape of a run of short lines alone (a short text's own list looks like a menu).
    return last_chrome + 1 if _is_named_chrome(lines[last_chrome].text) else 0


def _headline_below_chrome(lines: Sequence[SourceLine], last_chrome: int, head: int) -> int | None:
    """The first headline after the last piece of chrome above the prose."""
    headline = next((i for i in range(last_chrome + 1, head) if _is_headline(lines[i].text)), None)
    if headline is not None:
        return headline
    if last_chrome + 1 == head and _is_headline(lines[last_chrome].text):
        return last_chrome  # a short headline ending a run of short lines, prose below it
    return None


# "Headline | Site" or "Headline - Site": a page's <title>, which get_text and html-text
# print first; the headline comes again, alone, further down.
TITLE_SEPARATOR = re.compile(r"\s(?:\||-|–|—|::|»)\s")
MIN_ECHOED_TITLE_WORDS = 3
# Chinese and Japanese <title>s join headline and site unspaced: "…启动--健康·生活--人民网",
# "…毕业季_新闻频道_中国青年网".
CJK_TITLE_SEPARATOR = re.compile(r"\s*(?:--|_|｜|\|)\s*|\s(?:-|–|—|::|»)\s")
# A headline is at most this much longer than its shortened <title>.
MAX_ECHO_GROWTH = 2


def _title_tag_echo(
    lines: Sequence[SourceLine], head: int, *, marked_only: bool = False
) -> int | None:
    """The line that repeats the first line's headline (site name cut off), if any; with
    ``marked_only``, the first such line that is a ``# `` heading."""
    if not lines:
        return None
    first = lines[0].text.strip()
    separator = CJK_TITLE_SEPARATOR if CJK_CHARACTER.search(first) else TITLE_SEPARATOR
    parts = separator.split(first)
    headline = parts[0].strip()
    if len(parts) < 2 or length_in_words(headline) < MIN_ECHOED_TITLE_WORDS:
        return None  # no site name after it: a site name printed twice is no <title>
    wanted = cue_text(headline)
    for index in range(1, min(len(lines), head + 1)):
        if marked_only and not ATX_TITLE.match(lines[index].text):
            continue
        # the <title> may be a shortened headline: the line starts with it
        line = cue_text(lines[index].text)
        if line.startswith(wanted) and len(line) <= MAX_ECHO_GROWTH * len(wanted):
            return index
    return None


# The byline or dateline stands right under the headline ("Doha · 9 January 2025"), with
# at most a standfirst and a byline between them.
MAX_LINES_HEADLINE_TO_DATELINE = 3
# Lines above that headline are a masthead (site name, tagline, section) when all are this
# short; a longer line there is the article's own text and keeps its place.
MAX_MASTHEAD_WORDS = 12


def _headline_over_dateline(lines: Sequence[SourceLine], chrome: Sequence[bool]) -> int | None:
    """'Gulf Policy Monitor' / 'GCC Energy Finance Opinion' / headline / 'Doha · 9 January
    2025': the headline is the one over the dateline, not the site's name above it. Of the
    datelines above the prose (``chrome`` flags each of those lines) the last one counts (a
    date in the site's header comes first); of the lines just above it the longest headline
    (a byline may stand between)."""
    for dateline in range(len(chrome) - 1, -1, -1):
        if not DATED.search(lines[dateline].text):
            continue
        window = range(max(0, dateline - MAX_LINES_HEADLINE_TO_DATELINE), dateline)
        candidates = [i for i in window if _is_headline(lines[i].text) and not chrome[i]]
        if not candidates:
            continue
        headline = max(candidates, key=lambda i: length_in_words(lines[i].text))
        masthead = [lines[i].text for i in range(headline) if not chrome[i]]
        if headline > 0 and all(length_in_words(text) <= MAX_MASTHEAD_WORDS for text in masthead):
            return headline
        return None
    return None


# A whole page printed as text: the story's first paragraph may come after hundreds of
# menu lines. The headline stands a few lines above it, past the dateline, the byline, the
# share buttons and the picture with its caption.
MAX_BODY_SEARCH_LINES = 600
MAX_LINES_HEADLINE_TO_BODY = 16
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 30
# Most of what stands above the headline is chrome; else those lines are the text's own.
MIN_CHROME_SHARE_ABOVE = 0.5
# A caption's credit: "© Tapui / Adobe Stock", "… Foto: Galli/Malteser".
CAPTION_CREDIT = re.compile(rf"©|\b{alternation('picture_credit_words')}s?\s*[:：]", re.IGNORECASE)


def _headline_over_body(
    lines: Sequence[SourceLine], body: int, chrome: Sequence[bool]
) -> int | None:
    """The headline of a page printed whole: of the headline-shaped lines just above the
    story's first paragraph (at ``body``), one over a dateline or byline, else one printed
    twice there (a repeated title), else the longest; taken only when chrome fills most of
    what stands above it (``chrome`` flags the first lines already read)."""
    window = range(max(0, body - MAX_LINES_HEADLINE_TO_BODY), body)
    candidates = [i for i in window if _is_page_headline(lines, i)]
    if not candidates:
        return None
    seen = Counter(comparable_text(lines[i].text) for i in window)

    def rank(index: int) -> tuple[bool, bool, int, int]:
        below = lines[index + 1 : index + 1 + MAX_LINES_HEADLINE_TO_DATELINE + 1]
        over_dateline = any(DATED.search(line.text) or BYLINE.match(line.text) for line in below)
        repeated = seen[comparable_text(lines[index].text)] > 1
        return over_dateline, repeated, length_in_words(lines[index].text), index

    headline = max(candidates, key=rank)
    return headline if _chrome_fills_above(lines, headline, chrome) else None


def _chrome_fills_above(lines: Sequence[SourceLine], index: int, chrome: Sequence[bool]) -> bool:
    """Is most of what stands above the line at ``index`` chrome (a page printed whole)?
    Otherwise those lines are the text's own, and the line is no headline under them."""
    above = [*chrome[:index], *(_is_chrome(lines, i) for i in range(len(chrome), index))]
    return bool(above) and sum(above) >= MIN_CHROME_SHARE_ABOVE * len(above)


# A layout renderer (w3m, lynx, inscriptis) prints a whole page without heading markup:
# above the story stand promotions ("Visit the PA digital 2026 site"), photo credits, the
# site's tagline, menu entries and, under the headline, a standfirst. The headline is the
# first headline-shaped line of those that is mostly made of the story's own words.
MIN_ON_TOPIC_SHARE = 0.6
# A heading the layout reader marked (lynx prints headings at the left margin).
MARKED_HEADING = re.compile(r"^#{1,6}\s")
STORY_LINES = 12  # the story's opening lines, whose words the headline repeats


def _headline_on_topic(lines: Sequence[SourceLine], body: int) -> int | None:
    """Of the headline-shaped lines just above the story's first paragraph (at ``body``),
    the first most of whose words the story's opening lines use too (a list item is
    never one: a menu entry shares the story's topic too)."""
    story: set[str] = set()
    for line in lines[body : body + STORY_LINES]:
        story |= content_words(line.text)
    on_topic = []
    for index in range(max(0, body - MAX_LINES_HEADLINE_TO_BODY), body):
        if not _is_page_headline(lines, index) or BULLET.match(lines[index].text):
            continue
        words = content_words(lines[index].text)
        if words and len(words & story) >= MIN_ON_TOPIC_SHARE * len(words):
            on_topic.append(index)
    marked = [index for index in on_topic if MARKED_HEADING.match(lines[index].text)]
    return next(iter(marked or on_topic), None)


def _first_prose(lines: Sequence[SourceLine], limit: int) -> int | None:
    return next(
        (
            i
            for i in range(min(len(lines), limit))
            if _is_prose(lines[i].text) and not _is_named_chrome(lines[i].text)
        ),
        None,
    )


def _is_page_headline(lines: Sequence[SourceLine], index: int) -> bool:
    """A line shaped like a news headline: a few words up to a long sentence without its
    full stop, not a list item, dateline, byline, caption, credit or site control, and not
    the first part of a sentence wrapped onto the next line."""
    line = lines[index]
    text = line.text.strip()
    if isinstance(line, GridLine) or not _is_headline_text(text):
        return False
    following = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return not following[:1].islower() or _is_short_label(following)


# "#Education" is a hashtag, and "#alternate alternate <title>" lynx's print of a page's
# <link rel="alternate">: neither is the headline.
HASH_WORD = re.compile(r"^#[^\W\d_]")


def _is_headline_text(text: str) -> bool:
    words = length_in_words(text)
    if not MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS or ITEM_MARK.match(text):
        return False
    if text.startswith("[") or MENU_SEPARATORS.search(text) or _is_table_row(text):
        return False
    if HASH_WORD.match(text):
        return False
    if ends_with_punctuation(text) and not text.endswith(QUESTION_OR_EXCLAMATION):
        return False
    if not starts_like_sentence(text) or DATED.search(text) or BYLINE.match(text):
        return False
    if GLUED_BYLINE.match(text) or CAPTION_CREDIT.search(text) or _is_short_label(text):
        return False
    return not (_is_named_chrome(text) or is_share_cue(text) or is_end_cue(text))


QUESTION_OR_EXCLAMATION = ("?", "!", "？", "！")
# "From: Herald Sun", "Autor: Jan Novák": a one-word label and a name, not a headline.
# (Unspaced CJK headlines put a colon after their topic: "埃及倡议：塞西政府的蓝图".)
SHORT_LABEL_LINE = re.compile(r"^[^\s:：]+\s*[:：]\s*\S+(?:\s+\S+)?$")


def _is_short_label(text: str) -> bool:
    return bool(SHORT_LABEL_LINE.match(text)) and not CJK_CHARACTER.search(text)


def _is_prose(text: str) -> bool:
    """A paragraph of sentences (in a table cell too: layout tables hold whole articles)."""
    text = text.strip().strip("|").strip()
    return length_in_words(text) >= MIN_PROSE_WORDS and ends_with_punctuation(text)


def _is_chrome(lines: Sequence[SourceLine], index: int) -> bool:
    if isinstance(lines[index], GridLine):
        return False
    text = lines[index].text
    if _is_named_chrome(text):
        return True
    if _is_menu_line(lines, index):
        return True
    return _in_menu_run(lines, index)


def _is_menu_line(lines: Sequence[SourceLine], index: int) -> bool:
    """'Home | News | Contact' alone on its line; with pipe rows around it, a table row;
    with a date in it, a dateline ('Doha · 9 January 2025 · 6 min read')."""
    if DATED.search(lines[index].text):
        return False
    segments = MENU_SEPARATORS.split(lines[index].text.strip().strip("|"))
    if len(segments) < MIN_MENU_SEGMENTS or not all(_is_label_text(part) for part in segments):
        return False
    neighbours = [lines[i].text for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return not any(_is_table_row(text) for text in neighbours)


def _is_table_row(text: str) -> bool:
    return text.count("|") >= 2


def _is_named_chrome(text: str) -> bool:
    """Site controls by name: 'Skip to content', 'Sign in', a breadcrumb trail, a cookie
    banner. (A share bar is furniture too, but it may stand under the headline: it is
    dropped later, one block at a time, and does not push the title down.)"""
    cue = cue_text(text)
    cues = load_cues()
    named = cue in cues.chrome_lines or BREADCRUMB.match(cue)
    return bool(cue) and bool(named or any(phrase in cue for phrase in cues.chrome_phrases))


def _in_menu_run(lines: Sequence[SourceLine], index: int) -> bool:
    """Is the line one of at least MIN_MENU_RUN short labels in a row?"""
    if not _is_label(lines[index]):
        return False
    first = index
    while first > 0 and _is_label(lines[first - 1]):
        first -= 1
    last = index
    while last + 1 < len(lines) and _is_label(lines[last + 1]) and last - first < MIN_MENU_RUN:
        last += 1
    return last - first + 1 >= MIN_MENU_RUN


def _is_label(line: SourceLine) -> bool:
    """A line that is one short label: a menu entry, a share button."""
    if isinstance(line, GridLine) or "|" in line.text:
        return False  # a cell row; a menu of bars is read by _is_menu_line
    return _is_label_text(line.text)


def _is_label_text(text: str) -> bool:
    text = text.strip()
    cue = cue_text(text)
    if not cue or ":" in text or ends_with_punctuation(text) or DATED.search(text):
        return False  # "Rail: trains." is an item, "Aug 14, 2025" a dateline: not labels
    return length_in_words(cue) <= MAX_MENU_WORDS


# "Reality a bydlení 14. května 2025 Tomáš Dvořák", "January 14, 2025 by Lucía Herrera":
# a line with a date in it is a dateline or a byline, not the headline.
DATED = re.compile(
    r"\b\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+(?:19|20)\d{2}\b"
    r"|\b[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
    # Spanish and Portuguese join day, month and year with "de": "23 de junio de 2022"
    r"|\b\d{1,2}\s+de\s+[^\W\d_]{3,12}\s+de\s+(?:19|20)\d{2}\b"
    # a month glued to the name before it: "Omar Al-HarbiFebruary 10, 2025"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d{2}\b"
)


# "ByPriya Raman": a byline whose space a scraper lost with the tag around the name.
GLUED_BYLINE = re.compile(r"^By[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")


def _is_headline(text: str) -> bool:
    if _is_table_row(text) or DATED.search(text) or BYLINE.match(text.strip()):
        return False
    if GLUED_BYLINE.match(text.strip()) or _is_short_label(text.strip()):
        return False
    if CAPTION_CREDIT.search(text):
        return False
    stripped = text.strip().lstrip("#").strip()
    return length_in_words(stripped) >= MIN_TITLE_WORDS and reads_as_heading(stripped)


def article_end(lines: Sequence[SourceLine], start: int) -> int:
    """The first end-of-article cue after some prose, or the end of the text. A share bar
    ends the article only when the next section does not follow it: share bars stand under
    the lede too."""
    seen_prose = False
    for index in range(start, len(lines)):
        text = lines[index].text
        if seen_prose and is_end_cue(text):
            return index
        if seen_prose and is_share_cue(text) and not _section_follows(lines, index):
            return index
        seen_prose = seen_prose or _is_prose(text)
    return len(lines)


# How far past a share bar's button labels the story may go on: a caption or a byline may
# stand between the bar and the next paragraph.
MAX_LINES_TO_STORY = 3


def _section_follows(lines: Sequence[SourceLine], cue: int) -> bool:
    """Past a share bar's button labels, does the story go on (prose, or a heading over
    prose) before any other end cue?"""
    index = cue + 1
    while index < len(lines) and _is_label(lines[index]) and not _opens_section(lines, index):
        index += 1
    for ahead in range(index, min(len(lines), index + MAX_LINES_TO_STORY)):
        text = lines[ahead].text
        if is_end_cue(text) or is_share_cue(text):
            return False
        if _is_prose(text) or _opens_section(lines, ahead):
            return True
    return False


def _opens_section(lines: Sequence[SourceLine], index: int) -> bool:
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return _is_headline(lines[index].text) and _is_prose(following)


def is_end_cue(text: str) -> bool:
    """'Related', 'Tags: …', '2 thoughts on …': the article is over.

    >>> is_end_cue("## Related"), is_end_cue("Tags: Plan México"), is_end_cue("Read more: x")
    (True, True, False)
    """
    cues = load_cues()
    cue = cue_text(text)
    return (
        cue in cues.end_lines
        or bool(COUNTED_END.match(cue))
        or _starts_with(text, cues.end_prefixes)
    )


def is_share_cue(text: str) -> bool:
    """'Share this article', 'Teilen', 'Sdílet na Facebooku': a share bar.

    >>> is_share_cue("Share this:"), is_share_cue("The plan will be shared.")
    (True, False)
    """
    cues = load_cues()
    return cue_text(text) in cues.share_lines or _starts_with(text, cues.share_prefixes)


def _starts_with(text: str, prefixes: tuple[str, ...]) -> bool:
    return " ".join(text.lower().split()).lstrip("#*•- ").startswith(prefixes)
