"""Language cues: the words that mark page furniture, one table per language.

Each ``<language>.json`` (ISO 639-1) holds lists under the keys below; a page's language
is not known before it is read, so every rule uses the union of all tables. The rules
live in the modules that use them (``boilerplate``, ``html.chrome``, ``text.furniture``);
this package only loads the data, once. ``README.md`` here says what each key means.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources

# Entries of these keys are literal lower-case phrases.
PHRASE_KEYS = (
    "end_lines",
    "end_prefixes",
    "share_lines",
    "share_prefixes",
    "share_buttons",
    "chrome_lines",
    "chrome_phrases",
    "discourse_markers",
    "edit_marks",
    "non_name_labels",
)
# Entries of these keys are regular-expression fragments (lower case; a rule joins them
# into one alternation).
PATTERN_KEYS = (
    "related_headings",
    "teaser_labels",
    "furniture_starts",
    "share_labels",
    "legal_notice_lines",
    "control_labels",
    "reprint_notes",
    "advertisement_words",
    "furniture_phrases",
    "picture_credit_words",
    "caption_openings",
    "publication_notes",
    "comment_count_words",
    "byline_labels",
    "byline_patterns",
    "author_labels",
    "contact_labels",
    "chrome_class_names",
    "chrome_class_substrings",
    "screen_reader_classes",
    "content_class_words",
    "noncontent_class_words",
    "citation_marks",
    "total_labels",
    "describing_headers",
    "objective_headers",
    "naming_headers",
)
KNOWN_KEYS = frozenset(("language", "why", *PHRASE_KEYS, *PATTERN_KEYS))
# English first: where two entries could match at the same place, the English one names
# the reason, as it did when the lists were code.
FIRST_LANGUAGE = "en"


class CueTableError(ValueError):
    """A cue table is malformed (unknown key, or a list that is not of strings)."""


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[str]], ...]:
    entries = [e for e in resources.files(__package__).iterdir() if e.name.endswith(".json")]
    entries.sort(key=lambda entry: (entry.name != f"{FIRST_LANGUAGE}.json", entry.name))
    return tuple(_checked(entry.name, json.loads(entry.read_text("utf-8"))) for entry in entries)


def _checked(name: str, table: dict[str, object]) -> dict[str, list[str]]:
    unknown = set(table) - KNOWN_KEYS
    if unknown:
        raise CueTableError(f"{name}: unknown keys {sorted(unknown)}")
    lists = {key: value for key, value in table.items() if key not in ("language", "why")}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise CueTableError(f"{name}: {key} must be a list of strings")
    return lists  # type: ignore[return-value]


@cache
def entries(key: str) -> tuple[str, ...]:
    """Every language's entries for ``key``, each once, in table order (English first).

    >>> "teilen" in entries("share_labels"), "share" == entries("share_labels")[0]
    (True, True)
    """
    if key not in PHRASE_KEYS and key not in PATTERN_KEYS:
        raise KeyError(key)
    seen: dict[str, None] = {}
    for table in _tables():
        seen.update(dict.fromkeys(table.get(key, [])))
    return tuple(seen)


def alternation(key: str) -> str:
    """The pattern entries of ``key`` as one non-capturing group, for a rule's regex.

    >>> alternation("legal_notice_lines")
    '(?:imprint|impressum|aviso legal|mentions légales|impresum)'
    """
    return "(?:" + "|".join(entries(key)) + ")"
