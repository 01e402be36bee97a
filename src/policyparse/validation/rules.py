"""The record rules: each a stable code, a severity, and a check over a record's JSON data.

Rules read the raw JSON (not the model), so they still report on a record that fails the
schema for another reason, and a hand-edited record is checked the same as an extracted one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import UnknownRuleError
from ..textutil import comparable_text
from .report import Severity

# What extraction must never leave in a text field. Tags and the fragments a scraper leaks
# when it strips "<" but not the rest ("td >", "< tr"), and Markdown bold markers.
TAG_FRAGMENT = re.compile(
    r"</?\s*(?:a|b|br|div|em|h[1-6]|i|li|ol|p|span|strong|table|tbody|td|th|thead|tr|ul)\b"
    r"[^<>]{0,100}>"
    r"|\b(?:td|tr|th)\s*>|<\s*/?\s*(?:td|tr|th)\b",
    re.IGNORECASE,
)
MARKDOWN_BOLD = re.compile(r"(?<!\*)\*\*[^\s*](?:[^*]*[^\s*])?\*\*(?!\*)")
ENTITY_TEXT = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
# A table cell separator: a pipe with space (or the text's edge) on at least one side.
# "a|b" inside a token (a URL, a code) is not one.
SEPARATOR_PIPE = re.compile(r"(?:^|\s)\|(?:\s|$)|^\||\|$")
# How much of the offending text a message quotes.
QUOTE_CHARS = 80

Location = str
Problem = tuple[Location, str]


@dataclass(frozen=True)
class Rule:
    """A named check. ``claims`` are schema locations whose absence the rule reports itself."""

    code: str
    severity: Severity
    summary: str
    check: Callable[[dict[str, Any]], Iterator[Problem]]
    claims: tuple[str, ...] = ()


def text_fields(record: dict[str, Any]) -> Iterator[tuple[Location, str]]:
    """Every output text of a record with its location: title, lede, pillars, initiatives."""
    yield from _strings({"title": record.get("title"), "lede": record.get("lede")})
    for p, pillar in _items(record, "pillars"):
        yield from _strings(pillar, f"pillars[{p}].", ("title", "description"))
        for i, item in _items(pillar, "initiatives"):
            where = f"pillars[{p}].initiatives[{i}]."
            yield from _strings(item, where, ("name", "description"))
            attributes = item.get("attributes")
            if isinstance(attributes, dict):
                for key, value in attributes.items():
                    yield f"{where}attributes", str(key)
                    if isinstance(value, str):
                        yield f"{where}attributes[{key!r}]", value


def initiatives(record: dict[str, Any]) -> Iterator[tuple[Location, int, dict[str, Any]]]:
    """Every initiative dict with its location and the index of its pillar."""
    for p, pillar in _items(record, "pillars"):
        for i, item in _items(pillar, "initiatives"):
            yield f"pillars[{p}].initiatives[{i}]", p, item


def _items(container: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    values = container.get(key)
    if isinstance(values, list | tuple):
        for index, value in enumerate(values):
            if isinstance(value, dict):
                yield index, value


def _strings(
    container: dict[str, Any], prefix: str = "", keys: tuple[str, ...] = ("title", "lede")
) -> Iterator[tuple[Location, str]]:
    for key in keys:
        value = container.get(key)
        if isinstance(value, str):
            yield prefix + key, value


def _quote(text: str, match: re.Match[str]) -> str:
    start = max(0, match.start() - QUOTE_CHARS // 2)
    excerpt = text[start : start + QUOTE_CHARS]
    return f"{match.group()!r} in {excerpt!r}"


def _blank(value: Any) -> bool:
    return not isinstance(value, str) or not value.strip()


def check_empty_name(record: dict[str, Any]) -> Iterator[Problem]:
    for where, _, item in initiatives(record):
        if _blank(item.get("name")):
            yield f"{where}.name", "initiative has no name"


def check_empty_description(record: dict[str, Any]) -> Iterator[Problem]:
    for where, _, item in initiatives(record):
        if _blank(item.get("description")):
            name = item.get("name")
            yield f"{where}.description", f"initiative {name!r} has no description"


def _pattern_check(pattern: re.Pattern[str], what: str) -> Callable[..., Iterator[Problem]]:
    def check(record: dict[str, Any]) -> Iterator[Problem]:
        for where, text in text_fields(record):
            match = pattern.search(text)
            if match:
                yield where, f"{what}: {_quote(text, match)}"

    return check


def check_leaked_markup(record: dict[str, Any]) -> Iterator[Problem]:
    for pattern, what in ((TAG_FRAGMENT, "tag markup"), (MARKDOWN_BOLD, "Markdown bold")):
        yield from _pattern_check(pattern, what)(record)


def check_duplicate_initiatives(record: dict[str, Any]) -> Iterator[Problem]:
    seen: dict[tuple[int, str], int] = {}
    for where, pillar, item in initiatives(record):
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            continue
        key = (pillar, comparable_text(name))
        index = int(where.rsplit("[", 1)[1].rstrip("]"))
        if key in seen:
            yield where, f"initiative {name!r} repeats initiatives[{seen[key]}] of its pillar"
        else:
            seen[key] = index


def check_missing_origin(record: dict[str, Any]) -> Iterator[Problem]:
    for where, _, item in initiatives(record):
        if not isinstance(item.get("origin"), dict):
            yield f"{where}.origin", f"initiative {item.get('name')!r} has no origin"


def check_untitled_pillar(record: dict[str, Any]) -> Iterator[Problem]:
    for p, pillar in _items(record, "pillars"):
        if _blank(pillar.get("title")):
            yield f"pillars[{p}].title", "pillar has no title"


INITIATIVE_FIELD = "pillars.*.initiatives.*."
RULES: tuple[Rule, ...] = (
    Rule("empty-name", "error", "an initiative with an empty name",
         check_empty_name, (INITIATIVE_FIELD + "name",)),
    Rule("empty-description", "warning",
         "an initiative with an empty description (a bare name in a list; a warning)",
         check_empty_description, (INITIATIVE_FIELD + "description",)),
    Rule("leaked-markup", "error", "tags, leaked tag fragments or Markdown bold in any text",
         check_leaked_markup),
    Rule("leaked-entity", "error", "character references such as &amp; left in any text",
         _pattern_check(ENTITY_TEXT, "entity text")),
    Rule("separator-pipe", "error", "table separator pipes left in any text",
         _pattern_check(SEPARATOR_PIPE, "separator pipe")),
    Rule("duplicate-initiative", "error",
         "two initiatives with the same name (case and spacing aside) in one pillar",
         check_duplicate_initiatives),
    Rule("missing-origin", "error", "an initiative without an origin",
         check_missing_origin, (INITIATIVE_FIELD + "origin",)),
    Rule("untitled-pillar", "error", "a pillar without a title",
         check_untitled_pillar, ("pillars.*.title",)),
)  # fmt: skip
RULE_CODES = tuple(rule.code for rule in RULES)


def select_rules(
    enabled: frozenset[str] | None = None, disabled: frozenset[str] = frozenset()
) -> tuple[Rule, ...]:
    """The rules to run: ``enabled`` (all when None) minus ``disabled``; unknown codes raise."""
    unknown = sorted(((enabled or frozenset()) | disabled) - set(RULE_CODES))
    if unknown:
        known = ", ".join(RULE_CODES)
        raise UnknownRuleError(f"unknown rule code(s) {', '.join(unknown)}; known: {known}")
    chosen = set(RULE_CODES) if enabled is None else enabled
    return tuple(rule for rule in RULES if rule.code in chosen - disabled)
