"""The error contract: one base class, subclasses that also inherit the builtin they mean.

Every error carries a stable ``code`` so scripts can branch on it without parsing messages,
and ``where`` (a path, line or element) when the input position is known.
"""

from __future__ import annotations


class PolicyParseError(Exception):
    """Base of every error policyparse raises on purpose."""

    code = "policyparse-error"

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        if self.where:
            return f"{self.message} (at {self.where})"
        return self.message


class InputError(PolicyParseError, ValueError):
    """The input is not text or HTML we can read (binary data, undecodable bytes, bad type)."""

    code = "bad-input"


class UnsupportedFormatError(PolicyParseError, ValueError):
    """The caller asked for a format policyparse does not read."""

    code = "unsupported-format"


class TooLargeError(PolicyParseError, ValueError):
    """The input is larger than the configured ``max_bytes``."""

    code = "too-large"


class RepairError(PolicyParseError, ValueError):
    """A repair was needed and the strictness setting says repairs must fail the parse."""

    code = "repair-needed"


class InternalError(PolicyParseError, RuntimeError):
    """A bug in policyparse: an unexpected failure, wrapped so a batch job can go on."""

    code = "internal-error"


class UnknownRuleError(PolicyParseError, ValueError):
    """A validation rule was named that does not exist (a typo would otherwise check nothing)."""

    code = "unknown-rule"


class MissingDependencyError(PolicyParseError, ImportError):
    """An optional feature was used without its extra installed; the message says which."""

    code = "missing-dependency"


class UnknownOptionError(PolicyParseError, ValueError):
    """An option was given a value it does not take (a typo would otherwise pick a default)."""

    code = "unknown-option"
