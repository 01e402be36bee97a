"""How records are named after their inputs: ``plan.html.gz`` → ``plan.json``.

``extract -o DIR`` writes these names and ``validate --golden`` looks them up, so the two
must agree; they share this module.
"""

from __future__ import annotations

from pathlib import Path

# Suffixes an input's name loses to become its record's name (``a.html.gz`` → ``a``).
INPUT_SUFFIXES = (".gz", ".html", ".htm", ".xhtml", ".txt", ".text", ".md")


def record_names_of(input_path: str) -> list[str]:
    """Names a record of ``input_path`` may have, the most specific first.

    >>> record_names_of("crawl/gov/plan.html.gz")
    ['crawl/gov/plan', 'gov/plan', 'plan']
    """
    parts = Path(input_path.replace("\\", "/")).parts
    if not parts:
        return []
    stem = strip_input_suffixes(parts[-1])
    names = ["/".join([*parts[start:-1], stem]) for start in range(len(parts))]
    return [name for name in names if not name.startswith("/")]


def strip_input_suffixes(name: str) -> str:
    """``plan.html.gz`` → ``plan``; an unknown suffix is kept (``plan.v2`` stays)."""
    changed = True
    while changed:
        changed = False
        for suffix in INPUT_SUFFIXES:
            if name.lower().endswith(suffix) and len(name) > len(suffix):
                name, changed = name[: -len(suffix)], True
    return name
