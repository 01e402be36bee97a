"""Coverage-guided fuzzing of policyparse.parse with atheris (libFuzzer for Python).

Contract under test: any bytes give a PolicyDocument or a PolicyParseError that is not an
InternalError (an InternalError is a bug in policyparse, wrapped). A crash prints the input;
copy it to fixtures/hostile/ so tests/test_hostile.py keeps it as a regression case.

Run:  pip install atheris
      python fuzz/fuzz_parse.py -max_total_time=600 -max_len=20000 -rss_limit_mb=4096 fuzz/corpus
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import policyparse
    from policyparse.errors import InternalError, PolicyParseError


def test_one_input(data: bytes) -> None:
    try:
        document = policyparse.parse(data)
    except InternalError:
        raise
    except PolicyParseError:
        return
    document.model_dump_json()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
