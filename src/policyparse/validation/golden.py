"""Golden comparison: find the expected record for a record, and say what changed.

A record is matched to the golden file named after its input — ``NAME.json`` for
``NAME.html`` — the names ``policyparse extract -o DIR`` writes. The comparison covers what
a reader sees (title, lede, pillars, initiatives with every field, origin included), not the
audit trail (source, repairs, dropped), which changes whenever the input bytes do.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..models import Initiative, PolicyDocument
from ..names import record_names_of
from ..textutil import comparable_text

# How much of a changed text a message quotes.
QUOTE_CHARS = 60


@dataclass(frozen=True)
class Difference:
    code: str
    location: str
    message: str


@dataclass(frozen=True)
class GoldenIndex:
    """The ``.json`` files of a golden folder, by path relative to it without the suffix."""

    folder: Path
    by_relative: dict[str, Path]
    loaded: dict[Path, PolicyDocument | str] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, folder: Path) -> GoldenIndex:
        from .records import record_files

        files = [file for file in record_files(folder) if file.suffix == ".json"]
        return cls(folder, {f.relative_to(folder).with_suffix("").as_posix(): f for f in files})

    def find(self, relative: str | None, input_path: str | None) -> Path | None:
        """The golden for a record file at ``relative``, or for a record of ``input_path``."""
        candidates = [relative] if relative else []
        candidates += record_names_of(input_path) if input_path else []
        return next((self.by_relative[c] for c in candidates if c in self.by_relative), None)

    def load(self, path: Path) -> PolicyDocument | str:
        """The golden record at ``path`` (read once per run), or why it cannot be used."""
        if path not in self.loaded:
            self.loaded[path] = _read_golden(path)
        return self.loaded[path]


def _read_golden(path: Path) -> PolicyDocument | str:
    try:
        return PolicyDocument.model_validate_json(path.read_bytes())
    except OSError as exc:
        return f"cannot read: {exc}"
    except ValidationError as exc:
        return f"not a valid record: {exc.errors(include_url=False)[0]['msg']}"


def diff_documents(actual: PolicyDocument, expected: PolicyDocument) -> list[Difference]:
    """What changed from ``expected`` (the golden) to ``actual``, field by field."""
    differences = list(_document_fields(actual, expected))
    differences += _pillars(actual, expected)
    differences += _initiatives(actual, expected)
    return differences


def _document_fields(actual: PolicyDocument, expected: PolicyDocument) -> Iterator[Difference]:
    for field in ("title", "lede"):
        before, after = getattr(expected, field), getattr(actual, field)
        if before != after:
            yield Difference("document-changed", field, f"{field} {_change(before, after)}")


def _pillars(actual: PolicyDocument, expected: PolicyDocument) -> list[Difference]:
    differences = []
    pairs, removed, added = _match_in_order(
        [comparable_text(p.title) for p in expected.pillars],
        [comparable_text(p.title) for p in actual.pillars],
    )
    for old, new in pairs:
        before, after = expected.pillars[old], actual.pillars[new]
        for field in ("title", "description"):
            if getattr(before, field) != getattr(after, field):
                change = _change(getattr(before, field), getattr(after, field))
                differences.append(
                    Difference("pillar-changed", f"pillars[{new}].{field}", f"{field} {change}")
                )
    for old in removed:
        pillar = expected.pillars[old]
        message = f"pillar {_quote(pillar.title)} ({len(pillar.initiatives)} initiatives) is gone"
        differences.append(Difference("pillar-removed", f"golden pillars[{old}]", message))
    for new in added:
        pillar = actual.pillars[new]
        message = f"new pillar {_quote(pillar.title)} ({len(pillar.initiatives)} initiatives)"
        differences.append(Difference("pillar-added", f"pillars[{new}]", message))
    return differences


@dataclass(frozen=True)
class _Placed:
    location: str
    pillar: str
    item: Initiative


def _placed(document: PolicyDocument) -> list[_Placed]:
    return [
        _Placed(f"pillars[{p}].initiatives[{i}]", pillar.title, item)
        for p, pillar in enumerate(document.pillars)
        for i, item in enumerate(pillar.initiatives)
    ]


def _initiatives(actual: PolicyDocument, expected: PolicyDocument) -> list[Difference]:
    old, new = _placed(expected), _placed(actual)
    # First pair initiatives with the same name in the same pillar, then the same name in
    # another pillar (a moved initiative is a change of its pillar, not a loss and a gain).
    in_place, old_left, new_left = _match_in_order(
        [_key(x, with_pillar=True) for x in old], [_key(x, with_pillar=True) for x in new]
    )
    moved, old_gone, new_only = _match_in_order(
        [_key(old[i]) for i in old_left], [_key(new[i]) for i in new_left]
    )
    pairs = in_place + [(old_left[a], new_left[b]) for a, b in moved]
    differences = [_changed(old[a], new[b]) for a, b in sorted(pairs, key=lambda pair: pair[1])]
    differences += [_gone(old[old_left[a]]) for a in old_gone]
    differences += [_new(new[new_left[b]]) for b in new_only]
    return [difference for difference in differences if difference is not None]


def _key(placed: _Placed, with_pillar: bool = False) -> str:
    name = comparable_text(placed.item.name)
    return f"{comparable_text(placed.pillar)}\x00{name}" if with_pillar else name


def _changed(before: _Placed, after: _Placed) -> Difference | None:
    changes = list(_field_changes(before, after))
    if not changes:
        return None
    message = f"initiative {_quote(after.item.name)}: " + "; ".join(changes)
    return Difference("initiative-changed", after.location, message)


def _field_changes(before: _Placed, after: _Placed) -> Iterator[str]:
    if before.pillar != after.pillar:
        yield f"pillar {_change(before.pillar, after.pillar)}"
    for field in ("name", "description"):
        old, new = getattr(before.item, field), getattr(after.item, field)
        if old != new:
            yield f"{field} {_change(old, new)}"
    yield from _mapping_changes("attributes", before.item.attributes, after.item.attributes)
    old_origin = before.item.origin.model_dump()
    yield from _mapping_changes("origin", old_origin, after.item.origin.model_dump())


def _mapping_changes(name: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[str]:
    for key in sorted(old.keys() | new.keys()):
        if old.get(key) != new.get(key):
            yield f"{name}.{key} {_change(old.get(key), new.get(key))}"


def _gone(placed: _Placed) -> Difference:
    message = f"initiative {_quote(placed.item.name)} of pillar {_quote(placed.pillar)} is gone"
    return Difference("initiative-removed", f"golden {placed.location}", message)


def _new(placed: _Placed) -> Difference:
    message = f"new initiative {_quote(placed.item.name)} in pillar {_quote(placed.pillar)}"
    return Difference("initiative-added", placed.location, message)


def _match_in_order(
    old: list[str], new: list[str]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair equal keys, the n-th occurrence in ``old`` with the n-th in ``new``."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(old):
        waiting[key].append(index)
    pairs, added = [], []
    for index, key in enumerate(new):
        if waiting[key]:
            pairs.append((waiting[key].pop(0), index))
        else:
            added.append(index)
    paired = {a for a, _ in pairs}
    return pairs, [index for index in range(len(old)) if index not in paired], added


def _change(before: Any, after: Any) -> str:
    return f"{_quote(before)} → {_quote(after)}"


def _quote(value: Any) -> str:
    if isinstance(value, str) and len(value) > QUOTE_CHARS:
        value = value[: QUOTE_CHARS - 1] + "…"
    return repr(value)
