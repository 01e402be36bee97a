"""The schema check: does a record's JSON validate against the models of this version?"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..models import SCHEMA_VERSION, PolicyDocument

# A record broken everywhere says so in a few lines, not a thousand.
MAX_SCHEMA_PROBLEMS = 20
# pydantic's error types for a field that is absent or null.
ABSENT_TYPES = frozenset({"missing", "model_type", "string_type"})


@dataclass(frozen=True)
class SchemaProblem:
    code: str
    location: str
    message: str


@dataclass(frozen=True)
class SchemaResult:
    document: PolicyDocument | None
    problems: tuple[SchemaProblem, ...]


def check_schema(data: Any, claimed: Iterable[str] = ()) -> SchemaResult:
    """Validate ``data`` as a :class:`PolicyDocument` of this schema version.

    Missing fields at a ``claimed`` location (``pillars.*.title``) are left to the rule that
    claims them, so one fault is reported once, under the rule's code.
    """
    if not isinstance(data, dict):
        problem = SchemaProblem("schema", "", f"a record is a JSON object, not {_kind(data)}")
        return SchemaResult(None, (problem,))
    version_problem = _check_version(data)
    if version_problem:
        return SchemaResult(None, (version_problem,))
    try:
        return SchemaResult(PolicyDocument.model_validate(data), ())
    except ValidationError as exc:
        return SchemaResult(None, _problems_of(exc, frozenset(claimed)))


def _check_version(data: dict[str, Any]) -> SchemaProblem | None:
    version = data.get("schema_version")
    if version == SCHEMA_VERSION:
        return None
    from .. import __version__

    if version is None:
        message = "no schema_version: not a policyparse record"
    elif _version_key(version) < _version_key(SCHEMA_VERSION):
        message = (
            f"schema_version {version!r} is older than {SCHEMA_VERSION!r}, which this "
            f"policyparse ({__version__}) writes: re-extract the input with policyparse "
            f"{__version__} (`policyparse extract INPUT -o OUT`)"
        )
    else:
        message = (
            f"schema_version {version!r} is newer than this policyparse ({__version__}) "
            f"reads ({SCHEMA_VERSION!r}): upgrade policyparse to check it"
        )
    return SchemaProblem("schema-version", "schema_version", message)


def _version_key(version: Any) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in str(version).split("."))
    except ValueError:
        return (0,)


def _problems_of(exc: ValidationError, claimed: frozenset[str]) -> tuple[SchemaProblem, ...]:
    problems = []
    for error in exc.errors(include_url=False):
        location = error["loc"]
        if error["type"] in ABSENT_TYPES and _pattern_of(location) in claimed:
            continue
        problems.append(SchemaProblem("schema", format_location(location), error["msg"]))
    return tuple(problems[:MAX_SCHEMA_PROBLEMS])


def _pattern_of(location: tuple[int | str, ...]) -> str:
    return ".".join("*" if isinstance(part, int) else part for part in location)


def format_location(location: tuple[int | str, ...]) -> str:
    """``("pillars", 1, "title")`` → ``pillars[1].title``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def _kind(data: Any) -> str:
    return {list: "an array", str: "a string", type(None): "null"}.get(
        type(data), type(data).__name__
    )
