"""Is an item a named measure, and where does its name end? ("Name: description",
"Name – description", a bold lead, "Name (ABC) verb…")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..cues import entries
from ..textutil import (
    MINOR_WORDS,
    ends_with_punctuation,
    is_capitalised,
    length_in_words,
    reads_as_date,
    title_case_ratio,
    words_of,
)

# "Name: description" — a colon not inside a time or URL ("10:30", "https:").
# "Name – description", "Name — description", "Name - description" need spaces around the dash.
# Each alternative starts where a whitespace run starts, so a long run is scanned once.
NAME_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?[:：](?![0-9/])\s*|(?<!\s)\s+[–—-]{1,2}\s+")

# A name is a label, not a clause: past this many words the colon introduces something else;
# past the short limit it must also be capitalised like a name ("Joint Research Programme
# for Coastal Flood Risk:"), not a sentence ("The city will also build new cycle paths:").
MAX_NAME_WORDS = 12

SHORT_NAME_WORDS = 6

MIN_LONG_NAME_TITLE_RATIO = 0.6

# A bold lead is the author's own marking of the name; pledge lists bold a whole sentence.
MAX_LEAD_NAME_WORDS = 40

# "European Social Fund (ESF) focuses on …": a named programme with its acronym, then a
# verb phrase. The acronym stays in the name; the verb phrase is the description.
ACRONYM_NAME = re.compile(
    r"^(?P<name>[A-Z][^()]{2,100}?\s\([A-Z][A-Za-z0-9&./-]{1,15}\))\s+(?P<rest>[a-z].*)$", re.DOTALL
)

MIN_ACRONYM_ITEMS = 2

# Starts only at a word's start: from every letter of one long word it would rescan the
# rest of the word, quadratic in its length.
SENTENCE_INSIDE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}[.!?]\s")


@dataclass(frozen=True)
class Split:
    name: str
    description: str
    # "acronym" when only the "Name (ABC) verb…" shape made the split, "comma" when only a
    # bold name and a comma did, "period" for "Name. Sentence": weaker evidence.
    by: str = field(default="separator", repr=False)


def split_name(text: str, lead: str = "", *, in_named_list: bool = False) -> Split | None:
    """Split an item into name and description, or None when it is a plain sentence.

    >>> split_name("Direct Talks: Opening channels for dialogue.")
    Split(name='Direct Talks', description='Opening channels for dialogue.')
    >>> split_name("Rail Fund – £2bn for new lines")
    Split(name='Rail Fund', description='£2bn for new lines')
    >>> split_name("Universal Credit replaces six benefits", lead="Universal Credit")
    Split(name='Universal Credit', description='replaces six benefits')
    >>> split_name("Regional Fund (ERDF) supports small firms.")
    Split(name='Regional Fund (ERDF)', description='supports small firms.')
    >>> split_name("The ministry will review the rules by May.") is None
    True
    """
    if lead and lead.rstrip().endswith(CLAUSE_ENDS):
        return None  # "<b>If you have no bank account,</b> open one": a bold clause
    if lead and text.startswith(lead) and len(lead) < len(text):
        name = _strip_name_period(lead.strip().rstrip(":：–—-").strip())
        description = text[len(lead) :].strip().lstrip(":：–—-").strip()
        if len(words_of(name)) <= MAX_LEAD_NAME_WORDS and _is_named_item(name, description):
            return Split(name, description)
        if description.startswith(","):
            return _comma_split(name, description)
        if NOT_A_DESCRIPTION_START.match(description):
            return None  # the bold text opens a quotation or an apposition, not a name
    match = NAME_SEPARATOR.search(text)
    acronym = ACRONYM_NAME.match(text)
    if acronym and (match is None or match.start() > acronym.end("name")):
        return Split(acronym.group("name"), acronym.group("rest"), by="acronym")
    if match is None:
        return None
    name, description = text[: match.start()].strip(), text[match.end() :].strip()
    if not _reads_as_name(name, in_named_list) or not _is_named_item(name, description):
        return None
    return Split(name, description)


# "<b>App IO</b>, scaricata da 31,9 milioni di persone…": a bold name, a comma, and what it
# is or does. Alone that is an apposition ("<b>David Beasley</b>, Exekutivdirektor…"), so
# only lists of two or more such items are named (see lists._named), and the description
# must be a clause of its own, not a job title.
MIN_COMMA_DESCRIPTION_WORDS = 6


def _comma_split(name: str, description: str) -> Split | None:
    """
    >>> _comma_split("App IO", ", scaricata ad oggi da 31,9 milioni di persone.")
    Split(name='App IO', description='scaricata ad oggi da 31,9 milioni di persone.')
    >>> _comma_split("David Beasley", ", Exekutivdirektor des WFP") is None
    True
    """
    rest = description[1:].strip()
    if not rest[:1].islower() or length_in_words(rest) < MIN_COMMA_DESCRIPTION_WORDS:
        return None
    if len(words_of(name)) > SHORT_NAME_WORDS or not _is_named_item(name, rest):
        return None
    return Split(name, rest, by="comma")


# A bold lead ending like this is the first clause of a sentence, never a name.
CLAUSE_ENDS = (",", "，", "、", ";", "；")

# A "description" opening like this continues a sentence or quotes someone: "Ministerin
# Schulze: „Die Bekämpfung…" is a quotation, "David Beasley, Exekutivdirektor…" an apposition.
NOT_A_DESCRIPTION_START = re.compile(r"^[\"“”„«»‘’‚'‹›,;)]")


def _is_named_item(name: str, description: str) -> bool:
    """A name that is more than function words ("by: Jane Doe" is a byline) or a signpost
    ("Secondly: …"), and a description that is not a quotation, the rest of a sentence, a
    question (a teaser) or only a date (a calendar entry)."""
    if not name or not description or NOT_A_DESCRIPTION_START.match(description):
        return False
    if description.rstrip().endswith(("?", "？")) or reads_as_date(description):
        return False
    if reads_as_date(name) or BARE_YEAR.match(name):
        return False  # "1 de mayo: Día del Trabajo", "2015: We launched…": a calendar entry
    words = [word.lower() for word in words_of(name)]
    if len(words) == 1 and words[0] in DISCOURSE_MARKERS:
        return False
    if name.strip(LABEL_BRACKETS).lower() in NON_NAME_LABELS:
        return False  # "E-mail: press@…", "Source: Labour Force Survey"
    return any(word not in MINOR_WORDS for word in words)


# A year or a span of years alone ("2015", "2021–22") dates a timeline's entry.
BARE_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?:\s*[-–—/]\s*(?:(?:1[89]|20)?\d\d))?$")

# Words that order an argument, not name a measure: "Erstens: Wir dürfen …".
DISCOURSE_MARKERS = frozenset(entries("discourse_markers"))
# Labels of a contact line or a citation, never a measure's name.
NON_NAME_LABELS = frozenset(entries("non_name_labels"))
LABEL_BRACKETS = " []()*"


def _strip_name_period(name: str) -> str:
    """'<b>Water Fund.</b> Grants…': the period closes the bold run, not an abbreviation."""
    if not name.endswith(".") or re.search(r"(?:\b[A-Z]|\.[A-Za-z])\.$", name):
        return name
    # A bold sentence ("Wir wollen für faire Löhne sorgen.") keeps its full stop.
    if len(words_of(name)) > SHORT_NAME_WORDS or title_case_ratio(name) < MIN_LONG_NAME_TITLE_RATIO:
        return name
    return name[:-1].rstrip()


def _reads_as_name(name: str, in_named_list: bool = False) -> bool:
    """A label, not a clause. Among siblings that are named, a longer name in sentence case
    is still a name; alone it must be capitalised like one."""
    count = len(words_of(name))
    if count == 0 or count > MAX_NAME_WORDS or ends_with_punctuation(name):
        return False
    if SENTENCE_INSIDE.search(name):  # "Prices rose. Then: …" is two sentences, not a name
        return False
    if in_named_list:
        return is_capitalised(name)
    return count <= SHORT_NAME_WORDS or title_case_ratio(name) >= MIN_LONG_NAME_TITLE_RATIO


# A list or table whose descriptions are mostly a few words with no sentence in them is a
# box of labels and values ("Procedure type: Regulation", "England (Group A): 10th
# appearance", a budget scorecard's "Spend" / "Tax"), not measures with what they do.
MIN_VALUE_BOX_ITEMS = 3
MAX_VALUE_WORDS = 3


def is_value_box(descriptions: Sequence[str]) -> bool:
    """Do two thirds or more of the (non-empty) descriptions read as bare values?

    >>> is_value_box(["2024/0258(COD)", "Regulation", "Procedure completed", "EP 59"])
    True
    >>> is_value_box(["Builds new lines.", "Regulation", "Grants for rooftop solar panels"])
    False
    >>> is_value_box(["dredging", "repaving", "signals"])
    False
    """
    filled = [text.split("\n", 1)[0].strip() for text in descriptions if text.strip()]
    if len(filled) < MIN_VALUE_BOX_ITEMS:
        return False
    values = sum(1 for text in filled if _reads_as_value(text))
    return values * 3 >= len(filled) * 2


def _reads_as_value(text: str) -> bool:
    """A few words, no sentence, not opening in lower case: "Regulation", "10th
    appearance", "2024/0258(COD)", "张国华". ("Ports: dredging" names an action: a short
    description in lower case is one.)"""
    return (
        length_in_words(text) <= MAX_VALUE_WORDS
        and not ends_with_punctuation(text)
        and not text[:1].islower()
    )


# "Layoffs. Just over a week after…": a short name closed by a full stop, then sentences.
# A list of bold-lead items reads so once a text dump has lost the bold; a single such
# item is a short sentence, so only whole lists of them are named (see lists._named).
# (No comma in the name: "Hello Yok, that's correct." opens a comment, not a measure.)
PERIOD_NAME = re.compile(
    r"^(?P<name>[^\W\d_][^.!?:;,。，]{0,60}?)\.\s+(?P<rest>[^\W_].*)$", re.DOTALL
)
MAX_PERIOD_NAME_WORDS = 5
MIN_PERIOD_REST_WORDS = 6
# "Mr. Musk said…", "St. Louis…", "U.S. forces…": a full stop after a short capitalised
# word or an initial ends an abbreviation, not a name.
ABBREVIATION_END = re.compile(r"(?:^|\s|\.)[A-Z][a-z]?$")


def period_split(text: str) -> Split | None:
    """'Going private. As part of the deal, the company…' → name and description.

    >>> period_split("Croí Cónaithe Towns Fund. Grants of up to €70,000 for vacant homes.")
    Split(name='Croí Cónaithe Towns Fund', description='Grants of up to €70,000 for vacant homes.')
    >>> period_split("Mr. Musk said the company would form a council.") is None
    True
    """
    match = PERIOD_NAME.match(text.strip())
    if match is None:
        return None
    name, rest = match.group("name").strip(), match.group("rest").strip()
    if not name[:1].isupper() or ABBREVIATION_END.search(name):
        return None
    words = words_of(name)
    if not 1 <= len(words) <= MAX_PERIOD_NAME_WORDS or not _is_named_item(name, rest):
        return None
    if any(word.lower() in MINOR_WORDS for word in words):
        return None  # "Check the preparer's history.", "A swift overhaul.": a clause, no label
    if rest[:1].islower() or length_in_words(rest) < MIN_PERIOD_REST_WORDS:
        return None
    return Split(name, rest, by="period")


def bare_name(text: str) -> Split | None:
    if _reads_as_name(text) and is_capitalised(text):
        return Split(text, "")
    return None
