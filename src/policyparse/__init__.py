"""policyparse: scraped policy articles (broken HTML or text) → typed, validated records."""

from .api import parse, parse_file
from .errors import (
    InputError,
    InternalError,
    MissingDependencyError,
    PolicyParseError,
    RepairError,
    TooLargeError,
    UnsupportedFormatError,
)
from .evaluation import EvaluationReport, evaluate
from .grids import ListBlock, ListItem, Table, read_lists, read_tables
from .models import Dropped, Initiative, Origin, Pillar, PolicyDocument, Repair, Source
from .options import ParseOptions
from .repaired import repair_html, repair_markdown
from .rows import to_dataframe, to_rows
from .validation import Finding, ValidationReport, validate

__all__ = [
    "Dropped",
    "EvaluationReport",
    "Finding",
    "Initiative",
    "InputError",
    "InternalError",
    "ListBlock",
    "ListItem",
    "MissingDependencyError",
    "Origin",
    "ParseOptions",
    "Pillar",
    "PolicyDocument",
    "PolicyParseError",
    "Repair",
    "RepairError",
    "Source",
    "Table",
    "TooLargeError",
    "UnsupportedFormatError",
    "ValidationReport",
    "evaluate",
    "parse",
    "parse_file",
    "read_lists",
    "read_tables",
    "repair_html",
    "repair_markdown",
    "to_dataframe",
    "to_rows",
    "validate",
]
__version__ = "0.1.0"
