"""The public records: the versioned contract users import, validate and store.

All records are frozen pydantic models that forbid unknown fields, so a record written by
one version and read by another fails loudly instead of silently dropping data.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SCHEMA_VERSION: Literal["1.1"] = "1.1"

# Text fields are already normalised by the pipeline; the constraint guards hand-made records.
CleanText = Annotated[str, StringConstraints(strip_whitespace=True)]


class Record(BaseModel):
    """Shared base: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Origin(Record):
    """Where an initiative came from: the block it was read from and the place in the input."""

    kind: Literal["list", "table"]
    block: int = Field(ge=0, description="Index of the list or table among the body blocks.")
    row: int = Field(ge=0, description="Item index in the list, or row index in the table.")
    lines: tuple[int, int] | None = Field(
        default=None, description="First and last 1-based source line (text and HTML input)."
    )
    path: str | None = Field(
        default=None, description="Element path such as body/div[2]/table[1]/tr[3] (HTML input)."
    )


class Initiative(Record):
    """A named measure with its description."""

    name: CleanText
    description: CleanText
    origin: Origin
    attributes: dict[str, str] = Field(
        default_factory=dict, description="Further table columns by header, e.g. Budget."
    )


class Pillar(Record):
    """A section of the article: its heading, its prose and its initiatives."""

    title: CleanText
    description: str = ""
    initiatives: tuple[Initiative, ...] = ()


class Repair(Record):
    """One change a repair pass made to the input's reading."""

    kind: str
    where: str
    before: str
    after: str


class Dropped(Record):
    """A block left out of the record (boilerplate), kept so nothing vanishes silently."""

    text: str
    reason: str
    where: str


class Source(Record):
    """What was read and how."""

    format: Literal["html", "text"]
    encoding: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    path: str | None = None
    url: str | None = None
    dialect: Literal["html", "markdown", "layout", "plain"] = Field(
        default="html",
        description="How the input was read: HTML, or the dialect of a scraped text "
        "(markdown: html2text, markdownify…; layout: w3m, lynx, inscriptis; plain: get_text…).",
    )


class PolicyDocument(Record):
    """The whole article: title, prose before the first pillar, pillars, and the audit trail."""

    schema_version: Literal["1.1"] = SCHEMA_VERSION
    title: str
    source: Source
    lede: str = ""
    pillars: tuple[Pillar, ...] = ()
    repairs: tuple[Repair, ...] = ()
    dropped: tuple[Dropped, ...] = ()

    @property
    def initiatives(self) -> tuple[Initiative, ...]:
        """Every initiative of every pillar, in document order."""
        return tuple(item for pillar in self.pillars for item in pillar.initiatives)


JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema_text() -> str:
    """The JSON Schema of :class:`PolicyDocument`, as committed in ``schema/`` and printed by
    ``policyparse schema``: for validating records from other languages."""
    schema = {"$schema": JSON_SCHEMA_DIALECT, **PolicyDocument.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
