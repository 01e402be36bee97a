"""The command line: thin wrappers over the library. Data on stdout, diagnostics on stderr.

Exit codes: 0 ok, 1 some input (or record) failed, 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import PolicyParseError
from ..evaluation import evaluate
from ..models import json_schema_text
from ..parquet import LEVELS
from .exits import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from .extract import ExtractRequest, run_extract
from .inputs import DEFAULT_GLOBS
from .repair import render_repaired
from .validate import parse_report_target, rules_listing, run_validate
from .writers import FORMATS

# Errors in what the user asked for, not in an input: exit 2 like other usage errors.
# A missing extra (--engine dask without dask) is one too: nothing ran, the call must change.
USAGE_ERROR_CODES = frozenset(
    {"unknown-rule", "unknown-pass", "unsupported-format", "unknown-option", "missing-dependency"}
)

EXTRACT_EXAMPLES = """\
examples:
  policyparse extract page.html                       one record as JSON on stdout
  policyparse extract crawl/ -o records/              records/<same path>.json per input
  policyparse extract crawl/ --format csv -o all.csv  one row per initiative
  policyparse extract crawl/ --glob '*.xhtml' --format jsonl --workers 4 > all.jsonl
  policyparse extract crawl/ --engine dask --format parquet -o initiatives.parquet
  policyparse extract crawl/ --engine dask --scheduler tcp://HOST:8786 -o all.jsonl --format jsonl
  curl -s https://example.org/plan | policyparse extract -
"""
VALIDATE_EXAMPLES = """\
examples:
  policyparse validate records/                       schema and rules, text report
  policyparse validate records/ --golden expected/    and differences from expected records
  policyparse validate all.jsonl --no-rule empty-description --report github
  policyparse validate records/ --report junit=validate.xml
  policyparse validate --list-rules
"""
REPAIR_EXAMPLES = """\
examples:
  policyparse repair page.html > page.repaired.html   diff it against the input
  policyparse repair scraped.txt --format md          tables rebuilt from leaked markup
  policyparse repair page.html --format json          every table and list as JSON
"""
EVAL_EXAMPLES = """\
examples:
  policyparse eval fixtures/gold/dev                  per-page scores and the overall line
  policyparse eval fixtures/gold/dev --format json    the same as JSON
"""
SCHEMA_EXAMPLES = """\
example:
  policyparse schema > schema/policydocument.schema.json
"""


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="policyparse",
        description="Turn scraped policy articles (HTML or text) into typed records.",
    )
    parser.add_argument("--version", action="version", version=f"policyparse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_extract(commands)
    _add_validate(commands)
    _add_repair(commands)
    _add_eval(commands)
    commands.add_parser(
        "schema",
        help="print the JSON Schema of PolicyDocument",
        description="Print the JSON Schema (2020-12) of the records extract writes.",
        epilog=SCHEMA_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _add_extract(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extract = commands.add_parser(
        "extract",
        help="parse pages into records (JSON, JSON Lines, CSV or Markdown)",
        description="Parse HTML or text pages (.gz too) into records. One bad input never "
        "stops the run: it is reported on stderr and the exit code is 1.",
        epilog=EXTRACT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - (stdin)")
    extract.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help=f"file names to take from folders (repeatable; default {' '.join(DEFAULT_GLOBS)})",
    )
    extract.add_argument(
        "--format",
        choices=(*FORMATS, "parquet"),
        default="json",
        help="output format (parquet: --engine dask, -o a folder)",
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="write to FILE, or one file per input under DIR (an existing folder, a path "
        "ending in /, or a new path without a suffix); default stdout",
    )
    extract.add_argument("--workers", type=_positive, metavar="N", help="processes (default: CPUs)")
    extract.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: a process pool; dask: Dask's scheduler (needs policyparse[dask])",
    )
    extract.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running Dask scheduler (tcp://host:8786); default: "
        "Dask's local scheduler with --workers processes",
    )
    extract.add_argument(
        "--level",
        choices=LEVELS,
        help="--format parquet: one row per initiative (the CSV columns; default) or per document",
    )
    extract.add_argument("--input-format", choices=("html", "text"), help="skip format sniffing")
    extract.add_argument("--indent", type=int, default=2, help="JSON indent (0: compact)")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")


def _add_validate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "validate",
        help="check records: schema, rules, and differences from golden records",
        description="Check records (.json or .jsonl files, or folders of them) against the "
        "schema and the rules, and with --golden against expected records. Exit 1 when any "
        "error is found.",
        epilog=VALIDATE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("records", nargs="*", metavar="RECORDS", help="files or folders")
    check.add_argument(
        "--rule", action="append", metavar="CODE", help="run only these rules (repeatable)"
    )
    check.add_argument(
        "--no-rule", action="append", default=[], metavar="CODE", help="skip a rule (repeatable)"
    )
    check.add_argument("--golden", metavar="DIR", help="folder of expected records")
    check.add_argument(
        "--report",
        action="append",
        default=[],
        type=parse_report_target,
        metavar="KIND[=FILE]",
        help="text, json, github or junit; to FILE or stdout (repeatable; default text)",
    )
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--list-rules", action="store_true", help="print the rules and exit")


def _add_repair(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    repair = commands.add_parser(
        "repair",
        help="print the repaired content: HTML, Markdown, or its tables and lists as JSON",
        description="Print the article's content as the records see it: well-formed HTML "
        "with rectangular tables and nested lists (html), the same as Markdown (md), or every "
        "table (layout tables flagged) and list as JSON (json).",
        epilog=REPAIR_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    repair.add_argument("path", metavar="FILE", help="an HTML or text file (.gz too); - for stdin")
    repair.add_argument("--format", choices=("html", "md", "json"), default="html")


def _add_eval(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    evaluate = commands.add_parser(
        "eval",
        help="score extraction against hand-annotated gold files",
        description="Parse the input of each NAME.gold.json (its 'input', relative to the gold "
        "file) and score the record: initiative precision/recall/F1, pillar F1, title "
        "accuracy, leaked markup and surviving boilerplate. Exit 1 when an input fails.",
        epilog=EVAL_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("gold", nargs="+", metavar="GOLD", help="gold files or folders")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    try:
        return _dispatch(args)
    except BrokenPipeError:
        # The reader (head, less) went away: not an error of ours. Silence the flush.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except KeyboardInterrupt:
        print("policyparse: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (PolicyParseError, OSError) as error:
        print(f"policyparse: {error}", file=sys.stderr)
        usage = isinstance(error, PolicyParseError) and error.code in USAGE_ERROR_CODES
        return EXIT_USAGE if usage else EXIT_FAILED


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "schema":
        sys.stdout.write(json_schema_text())
        return EXIT_OK
    if args.command == "extract":
        problem = _extract_usage_problem(args)
        if problem:
            print(f"policyparse extract: {problem}", file=sys.stderr)
            return EXIT_USAGE
        return run_extract(_extract_request(args))
    if args.command == "eval":
        return _evaluate(args.gold, args.format)
    if args.command == "repair":
        source = sys.stdin.buffer.read() if args.path == "-" else Path(args.path)
        sys.stdout.write(render_repaired(source, args.format))
        return EXIT_OK
    return _validate(args)


def _evaluate(gold: list[str], format: str) -> int:
    report = evaluate(gold)
    if format == "json":
        body = {"overall": report.summary(), **report.model_dump(mode="json")}
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report.to_text())
    return EXIT_FAILED if report.summary()["errors"] else EXIT_OK


def _extract_usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with a combination of extract's options, or None."""
    dask = args.engine == "dask"
    if not dask and (args.scheduler or args.format == "parquet"):
        return "--scheduler and --format parquet need --engine dask"
    if args.format == "parquet" and not args.output:
        return "--format parquet needs -o FOLDER (one part file per partition)"
    if args.level and args.format != "parquet":
        return "--level is for --format parquet"
    if dask and args.scheduler and args.workers:
        return "--workers is for the local scheduler; the cluster at --scheduler has its own"
    if dask and "-" in args.paths:
        return "--engine dask reads files by path; stdin (-) needs the local engine"
    return None


def _extract_request(args: argparse.Namespace) -> ExtractRequest:
    return ExtractRequest(
        paths=args.paths,
        globs=tuple(args.glob) if args.glob else DEFAULT_GLOBS,
        format=args.format,
        output=args.output,
        workers=args.workers,
        input_format=args.input_format,
        indent=args.indent or None,
        quiet=args.quiet,
        engine=args.engine,
        scheduler=args.scheduler,
        level=args.level or "initiative",
    )


def _validate(args: argparse.Namespace) -> int:
    if args.list_rules:
        sys.stdout.write(rules_listing())
        return EXIT_OK
    if not args.records:
        print("policyparse validate: give record files or folders (see --help)", file=sys.stderr)
        return EXIT_USAGE
    if args.golden and not Path(args.golden).is_dir():
        print(f"policyparse validate: --golden {args.golden}: not a folder", file=sys.stderr)
        return EXIT_USAGE
    return run_validate(
        args.records,
        rules=args.rule,
        skip_rules=args.no_rule,
        golden=args.golden,
        reports=args.report,
        strict=args.strict,
    )
