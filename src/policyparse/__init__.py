"""policyparse: scraped policy articles (broken HTML or text) → typed, validated records."""

from .api import parse, parse_file
from .errors import (
    InputError,
    InternalError,
    PolicyParseError,
    RepairError,
    TooLargeError,
    UnsupportedFormatError,
)
from .models import Dropped, Initiative, Origin, Pillar, PolicyDocument, Repair, Source
from .options import ParseOptions

__all__ = [
    "Dropped",
    "Initiative",
    "InputError",
    "InternalError",
    "Origin",
    "ParseOptions",
    "Pillar",
    "PolicyDocument",
    "PolicyParseError",
    "Repair",
    "RepairError",
    "Source",
    "TooLargeError",
    "UnsupportedFormatError",
    "parse",
    "parse_file",
]
__version__ = "0.1.0"
