"""A record as a short Markdown report a person can skim (``extract --format md``)."""

from __future__ import annotations

import re

from .models import Initiative, Pillar, PolicyDocument

# Markdown characters that would turn scraped text into markup in a table cell or a list.
LINE_MARKUP = re.compile(r"#|>|[-+] |\d+[.)] ")
_ESCAPES = str.maketrans({"|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`", "<": "&lt;"})


def to_markdown(document: PolicyDocument) -> str:
    """Title, source line, lede, then each pillar with its prose and its initiatives.

    >>> import policyparse
    >>> print(to_markdown(policyparse.parse("Plan\\nParts\\n- Rail: trains.")), end="")
    # Plan
    <BLANKLINE>
    *text, unicode · 1 pillar · 1 initiative · 0 repairs · 0 dropped*
    <BLANKLINE>
    ## Parts
    <BLANKLINE>
    - **Rail** — trains.
    """
    parts = [f"# {_escape(document.title) or '(untitled)'}", _source_line(document)]
    parts += [_paragraph(line) for line in document.lede.splitlines() if line.strip()]
    parts += [_pillar(pillar) for pillar in document.pillars]
    return "\n\n".join(parts) + "\n"


def _source_line(document: PolicyDocument) -> str:
    source = document.source
    where = source.path or source.url
    counts = [
        _count(len(document.pillars), "pillar"),
        _count(len(document.initiatives), "initiative"),
        _count(len(document.repairs), "repair"),
        _count(len(document.dropped), "dropped", plural="dropped"),
    ]
    prefix = f"{_escape(where)}: " if where else ""
    return f"*{prefix}{source.format}, {source.encoding} · {' · '.join(counts)}*"


def _pillar(pillar: Pillar) -> str:
    parts = [f"## {_escape(pillar.title)}"]
    parts += [_paragraph(line) for line in pillar.description.splitlines() if line.strip()]
    if pillar.initiatives:
        parts.append("\n".join(_initiative(item) for item in pillar.initiatives))
    return "\n\n".join(parts)


def _initiative(item: Initiative) -> str:
    line = f"- **{_escape(item.name)}**"
    if item.description:
        line += f" — {_escape(item.description)}"
    if item.attributes:
        pairs = "; ".join(f"{_escape(k)}: {_escape(v)}" for k, v in item.attributes.items())
        line += f" ({pairs})"
    return line


def _paragraph(text: str) -> str:
    # A paragraph that starts like a heading, a quote or a list item must stay prose.
    escaped = _escape(text)
    return "\\" + escaped if LINE_MARKUP.match(escaped) else escaped


def _escape(text: str | None) -> str:
    return (text or "").translate(_ESCAPES)


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
