"""The command line: thin wrappers over the library. Data on stdout, diagnostics on stderr.

Exit codes: 0 ok, 1 some input failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .api import parse, parse_file
from .errors import PolicyParseError
from .models import PolicyDocument

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policyparse",
        description="Turn scraped policy articles (HTML or text) into typed records.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="parse files and print their records as JSON")
    extract.add_argument("paths", nargs="+", help="HTML or text files (.gz too); - reads stdin")
    extract.add_argument("--format", choices=("html", "text"), help="skip format sniffing")
    extract.add_argument("--indent", type=int, default=2, help="JSON indent (0: compact)")
    commands.add_parser("schema", help="print the JSON Schema of PolicyDocument")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    if args.command == "schema":
        print(json.dumps(PolicyDocument.model_json_schema(), indent=2))
        return EXIT_OK
    try:
        return _extract(args.paths, args.format, args.indent or None)
    except BrokenPipeError:
        # The reader (head, less) went away: not an error of ours. Silence the flush.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK


def _extract(paths: list[str], format: str | None, indent: int | None) -> int:
    records: list[object] = []
    failures = 0
    for name in paths:
        try:
            document = _parse_one(name, format)
        except PolicyParseError as error:
            failures += 1
            print(f"policyparse: {name}: {error} [{error.code}]", file=sys.stderr)
            continue
        records.append(document.model_dump(mode="json"))
    output = records[0] if len(paths) == 1 and records else records
    if records or len(paths) > 1:
        json.dump(output, sys.stdout, ensure_ascii=False, indent=indent)
        sys.stdout.write("\n")
    return EXIT_FAILED if failures else EXIT_OK


def _parse_one(name: str, format: str | None) -> PolicyDocument:
    if name == "-":
        return parse(sys.stdin.buffer.read(), format=format)
    if format is None:
        return parse_file(Path(name))
    return parse(Path(name), format=format)
