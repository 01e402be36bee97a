"""Which lines of a scraped text are section headings, beyond the shape of a short title.

A short line that starts like a title and stands apart reads as a heading. A longer line
in sentence case does too when it heads a paragraph (below). Two kinds of text say
otherwise about some heading-shaped lines:
- a Markdown writer that marked its section headings (``## …``) marked them all, so its
  unmarked short lines are bylines, captions and link lists;
- a label that opens three or more short lines ("Lead minister: …", "Source: …",
  "Contact: …") is a record's field, repeated in each box of a page, not a section.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..textutil import MINOR_WORDS, ends_with_punctuation, reads_as_heading, words_of
from .lines import SourceLine

# "## Heading" (Markdown that survived scraping): the hashes are markup, not text.
MARKDOWN_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.+?)(?:\s+#+)?\s*$")

# A Markdown writer that marked this many section headings ("## …", a "---" underline)
# marked them all: it prints an <h2>-<h6> so, whatever the page's styling. Its unmarked
# short lines are bylines, captions, "Lead minister: …" fields and link lists, which the
# heading shape would otherwise take for sections (a bold-only line is marked, and stays).
MIN_MARKED_HEADINGS = 2

# "Label: value" where the label is a field's name: a word or two, as form labels are
# ("Source", "Lead minister", "Mobile number"). Section headings built on one label run
# longer ("Neu ab April: …", "Änderungen im April: …") and keep their heading shape.
FIELD_LABEL = re.compile(r"^\s*(?P<label>[^:：]{1,40}?)\s?[:：]\s*\S")
MAX_FIELD_LABEL_WORDS = 2
# A label on this many heading-shaped lines is a field repeated box after box.
MIN_FIELD_REPEATS = 3


def marks_headings(lines: Sequence[SourceLine]) -> bool:
    """Does the text mark at least two section headings (level 2 or deeper)? Level-1
    headings do not count: a page's site name and headline are both often <h1>s, printed
    by writers that leave the section headings (styled paragraphs) unmarked.

    >>> marks_headings([SourceLine(1, "# Site"), SourceLine(2, "## Plan"), SourceLine(3, "Aims")])
    False
    """
    marked = 0
    for line in lines:
        heading = MARKDOWN_HEADING.match(line.text)
        marked += bool(heading and len(heading.group("hashes")) > 1)
        if marked >= MIN_MARKED_HEADINGS:
            return True
    return False


def field_label(text: str) -> str | None:
    """The field label a line opens with, case-folded, or None.

    >>> field_label("Lead minister: Lord Freud"), field_label("Neu ab April: Mehr Netto")
    ('lead minister', None)
    """
    match = FIELD_LABEL.match(text)
    if not match or len(words_of(match.group("label"))) > MAX_FIELD_LABEL_WORDS:
        return None
    return match.group("label").strip().casefold()


def repeated_field_labels(lines: Sequence[SourceLine]) -> frozenset[str]:
    """The labels that open at least three heading-shaped lines of the text. (The label
    regex runs first: it is cheap, and most lines open with none.)"""
    counts: Counter[str] = Counter()
    for line in lines:
        label = field_label(line.text)
        if label and reads_as_heading(line.text):
            counts[label] += 1
    return frozenset(label for label, count in counts.items() if count >= MIN_FIELD_REPEATS)


# Headings in sentence case ("Interest costs make it harder for the government to do other
# things", "Putevi i pruge: Izgradnja u tri faze") are as long as question headings; past
# six words the title shape wants Title Case, which most languages and many English sites
# do not use. Such a line is a heading only over a paragraph at least twice its length.
MAX_SENTENCE_CASE_HEADING_WORDS = 12
MIN_PARAGRAPH_FACTOR = 2
# A full stop, semicolon or "!"/"?" inside the line: two sentences, not a heading; and a
# full stop glued to a footnote number ("a year.4").
INNER_STOP = re.compile(r"[.;!?]\s|[.;]\S")


def reads_as_sentence_case_heading(text: str) -> bool:
    """A line of up to twelve words that starts with a capital and ends on a word that can
    end a heading (no punctuation, no "and"/"of", no footnote number).

    >>> reads_as_sentence_case_heading("Putevi i pruge: Izgradnja u tri faze")
    True
    >>> [reads_as_sentence_case_heading(text) for text in (
    ...     "The principle of minimal relocation to protect livelihoods; and",
    ...     "Together these programmes cost about R20 billion a year.4",
    ...     "The scheme opens to applicants from the first of April")]
    [False, False, True]
    """
    words = words_of(text)
    return (
        0 < len(words) <= MAX_SENTENCE_CASE_HEADING_WORDS
        and text[:1].isupper()
        and not ends_with_punctuation(text)
        and not text.endswith((":", "："))
        and words[-1].casefold() not in MINOR_WORDS
        and not words[-1][-1].isdigit()
        and INNER_STOP.search(text) is None
    )


def heads_a_paragraph(heading: str, following: str) -> bool:
    """Is ``following`` a finished paragraph at least twice as long as ``heading``? (A
    teaser headline stands over another headline, a chart title over figures.)"""
    length = len(words_of(heading))
    return len(words_of(following)) >= MIN_PARAGRAPH_FACTOR * length and ends_with_punctuation(
        following
    )
