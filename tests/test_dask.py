"""policyparse.dask and ``extract --engine dask``: the same records as sequential ``parse``.

Inputs: the fixture documents (written by hand), the first 100 real news pages of
../shared/corpus/article-extraction-benchmark (sorted by name), and one bad input made here
(PNG bytes named .html). Every record is compared with ``policyparse.parse`` run in this
process, as JSON text, byte for byte.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import pandas
import pytest
from distributed import Client, LocalCluster
from golden import SHARED

import policyparse.dask
from policyparse import InputError, MissingDependencyError, parse
from policyparse.cli import dask_engine, main
from policyparse.cli.inputs import discover
from policyparse.dask import expand_inputs, extract_bag, extract_to_parquet, is_error_record
from policyparse.errors import UnknownOptionError
from policyparse.parquet import import_pyarrow
from policyparse.rows import DOCUMENT_COLUMNS, ROW_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "fixtures" / "documents"
PAGES = sorted((SHARED / "corpus" / "article-extraction-benchmark" / "html").glob("*.html.gz"))
PAGE_COUNT = 100
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def json_text(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def sequential_json(path: str) -> str:
    return json_text(parse(Path(path)).model_dump(mode="json"))


@pytest.fixture(autouse=True)
def keep_hash_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask's process scheduler sets PYTHONHASHSEED in os.environ when it is unset; set it
    here so the change is undone after each test instead of leaking into later tests."""
    monkeypatch.setenv("PYTHONHASHSEED", os.environ.get("PYTHONHASHSEED") or "random")


@pytest.fixture(scope="module")
def bad_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bad") / "scan.html"
    path.write_bytes(PNG)
    return path


@pytest.fixture(scope="module")
def inputs(bad_input: Path) -> list[str]:
    """The fixtures folder, 100 corpus pages and the bad input, as given to extract_bag."""
    assert len(PAGES) >= PAGE_COUNT, "../shared/corpus/article-extraction-benchmark is missing"
    return [str(DOCUMENTS), *map(str, PAGES[:PAGE_COUNT]), str(bad_input)]


@pytest.fixture(scope="module")
def expected(inputs: list[str], bad_input: Path) -> dict[str, str]:
    """Path → the JSON of sequential ``parse``, for every good input."""
    paths = expand_inputs(inputs)
    return {path: sequential_json(path) for path in paths if path != str(bad_input)}


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def assert_records_match(
    records: list[dict[str, Any]], expected: dict[str, str], bad_input: Path
) -> None:
    paths = [
        record["path"] if is_error_record(record) else record["source"]["path"]
        for record in records
    ]
    assert paths == [*expected, str(bad_input)]  # one record per input, in input order
    for record in records[:-1]:
        assert json_text(record) == expected[record["source"]["path"]]
    assert records[-1] == {
        "path": str(bad_input),
        "error": {
            "type": "InputError",
            "code": "bad-input",
            "message": "input is a PNG image, not HTML or text",
        },
    }


# -- the library -------------------------------------------------------------------------


@pytest.mark.cluster
@pytest.mark.timeout(180)
def test_local_cluster_gives_the_records_of_sequential_parse(
    cluster: LocalCluster, inputs: list[str], expected: dict[str, str], bad_input: Path
) -> None:
    assert len(expected) == len(list(DOCUMENTS.glob("*.expected.json"))) + PAGE_COUNT
    with Client(cluster):
        records = extract_bag(inputs).compute()
    assert_records_match(records, expected, bad_input)


@pytest.mark.cluster
@pytest.mark.timeout(180)
def test_a_client_by_address_writes_parquet_rows_in_input_order(
    cluster: LocalCluster, inputs: list[str], expected: dict[str, str], tmp_path: Path
) -> None:
    with Client(cluster.scheduler_address):  # a real tcp:// address, as for a cluster
        summary = extract_to_parquet(inputs, tmp_path)
    table = pandas.read_parquet(tmp_path)
    records = [json.loads(text) for text in expected.values()]
    initiatives = [i for r in records for p in r["pillars"] for i in p["initiatives"]]
    assert tuple(table.columns) == ROW_COLUMNS
    assert len(table) == summary.rows == len(initiatives) > 900
    assert table["name"].tolist() == [i["name"] for i in initiatives]
    assert table["description"].tolist() == [i["description"] for i in initiatives]
    assert summary.inputs == len(expected) + 1 and summary.documents == len(expected)
    assert [error["path"] for error in summary.errors] == [inputs[-1]]
    assert len(summary.files) == len(list(tmp_path.glob("part.*.parquet")))


def test_the_local_scheduler_gives_the_records_of_sequential_parse(
    expected: dict[str, str], bad_input: Path
) -> None:
    """Dask's default for bags: a pool of processes on this machine."""
    fixtures = {path: text for path, text in expected.items() if path.startswith(str(DOCUMENTS))}
    records = extract_bag([DOCUMENTS, bad_input]).compute()
    assert_records_match(records, fixtures, bad_input)


def test_document_level_parquet_holds_each_whole_record(
    expected: dict[str, str], tmp_path: Path, bad_input: Path
) -> None:
    pages = list(map(str, PAGES[:10]))
    with dask.config.set(scheduler="threads"):
        summary = extract_to_parquet([*pages, bad_input], tmp_path, level="document")
    table = pandas.read_parquet(tmp_path)
    assert tuple(table.columns) == DOCUMENT_COLUMNS
    assert table["path"].tolist() == pages and summary.documents == 10
    assert table["record"].tolist() == [expected[page] for page in pages]
    records = [json.loads(expected[page]) for page in pages]
    assert table["pillars"].tolist() == [len(r["pillars"]) for r in records]
    counts = [sum(len(p["initiatives"]) for p in r["pillars"]) for r in records]
    assert table["initiatives"].tolist() == counts
    assert str(table["initiatives"].dtype) == "int64"


def test_parquet_of_no_input_is_an_empty_table_with_the_columns(tmp_path: Path) -> None:
    (tmp_path / "part.00007.parquet").write_bytes(b"left by an earlier run")
    summary = extract_to_parquet([], tmp_path, level="initiative")
    table = pandas.read_parquet(tmp_path)
    assert summary.inputs == summary.rows == len(table) == 0
    assert tuple(table.columns) == ROW_COLUMNS


def test_errors_raise_stops_at_the_first_bad_input(bad_input: Path, tmp_path: Path) -> None:
    good = str(PAGES[0])
    bag = extract_bag([good, bad_input], errors="raise")
    with pytest.raises(InputError, match="PNG image"):
        bag.compute()  # the process scheduler: the worker's exception, as raised
    with pytest.raises(InputError, match="PNG image"):
        extract_to_parquet([good, bad_input], tmp_path, errors="raise")


def test_a_missing_path_and_an_empty_glob_become_error_records() -> None:
    records = extract_bag(["no/such/page.html", "no/such/*.html"]).compute(scheduler="sync")
    assert [record["path"] for record in records] == ["no/such/page.html", "no/such/*.html"]
    assert {record["error"]["code"] for record in records} == {"bad-input"}
    assert "No such file" in records[0]["error"]["message"]


def test_globs_and_folders_expand_like_the_cli(tmp_path: Path) -> None:
    local = [item.path for item in discover([str(DOCUMENTS)]).inputs]
    assert expand_inputs(DOCUMENTS) == local  # a folder: default globs, sorted
    html = sorted(str(p) for p in DOCUMENTS.glob("*.html"))
    assert expand_inputs(f"{DOCUMENTS}/*.html") == html
    assert expand_inputs(f"{DOCUMENTS.parent}/**/html2_*.html") == [
        p for p in html if Path(p).name.startswith("html2_")
    ]
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.htm").write_text("<p>x</p>")
    (tmp_path / "b" / "x.json").write_text("{}")
    assert expand_inputs([str(PAGES[1]), f"{tmp_path}/*", str(PAGES[0])]) == [
        str(PAGES[1]),
        str(tmp_path / "b" / "x.htm"),  # a matched folder is searched with the globs
        str(PAGES[0]),
    ]
    with pytest.raises(InputError, match="stdin"):
        expand_inputs("-")


@pytest.mark.parametrize("blocksize", [None, 1, "200 kB", "1 GiB"])
def test_order_and_records_do_not_depend_on_partitioning(
    blocksize: int | str | None, expected: dict[str, str]
) -> None:
    pages = list(map(str, PAGES[20:32]))
    bag = extract_bag(pages, blocksize=blocksize)
    assert [json_text(record) for record in bag.compute(scheduler="threads")] == [
        expected[page] for page in pages
    ]
    if blocksize == 1:  # every input is past one byte: one input per partition
        assert bag.npartitions == len(pages)
    if blocksize == "1 GiB":
        assert bag.npartitions == 1


def test_unknown_options_are_errors_not_defaults(tmp_path: Path) -> None:
    with pytest.raises(UnknownOptionError, match="errors mode"):
        extract_bag(DOCUMENTS, errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(UnknownOptionError, match="Parquet level"):
        extract_to_parquet(DOCUMENTS, tmp_path, level="pillar")  # type: ignore[arg-type]
    with pytest.raises(UnknownOptionError, match="blocksize"):
        extract_bag(DOCUMENTS, blocksize=0)


def test_without_dask_the_import_error_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)  # what `import dask` sees when missing
    monkeypatch.delitem(sys.modules, "policyparse.dask")
    with pytest.raises(MissingDependencyError) as caught:
        importlib.import_module("policyparse.dask")
    assert str(caught.value) == "policyparse.dask needs dask: pip install 'policyparse[dask]'"
    assert isinstance(caught.value, ImportError)
    assert main(["extract", str(PAGES[0]), "--engine", "dask"]) == 2
    assert "pip install 'policyparse[dask]'" in capsys.readouterr().err


def test_without_pyarrow_parquet_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'policyparse\[dask\]'"):
        import_pyarrow()


# -- the command line --------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "policyparse", "extract", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def crawl(bad_input: Path) -> list[str]:
    """Paths for the CLI: the fixtures folder, 20 pages and the bad input."""
    return [str(DOCUMENTS), *map(str, PAGES[40:60]), str(bad_input)]


@pytest.fixture(scope="module")
def local_run(crawl: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The local engine's JSON Lines and stderr for ``crawl``."""
    out = tmp_path_factory.mktemp("local") / "all.jsonl"
    result = run(*crawl, "--format", "jsonl", "-o", str(out), "--workers", "2")
    assert result.returncode == 1
    return out.read_text(encoding="utf-8"), result.stderr


def test_cli_dask_engine_writes_the_local_engines_bytes_and_summary(
    crawl: list[str], local_run: tuple[str, str], tmp_path: Path, bad_input: Path
) -> None:
    out = tmp_path / "all.jsonl"
    result = run(*crawl, "--engine", "dask", "--format", "jsonl", "-o", str(out), "--workers", "2")
    assert result.returncode == 1
    assert out.read_text(encoding="utf-8") == local_run[0]
    assert result.stderr == local_run[1]
    total = len(local_run[0].splitlines()) + 1
    assert result.stderr.splitlines() == [
        f"policyparse: {bad_input}: input is a PNG image, not HTML or text [bad-input]",
        f"policyparse: {total} inputs, {total - 1} extracted, 1 failed: {bad_input}",
    ]


def test_cli_parquet_has_the_csv_rows(crawl: list[str], tmp_path: Path, bad_input: Path) -> None:
    result = run(*crawl, "--engine", "dask", "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].endswith("[bad-input]")
    csv_text = run(*crawl, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    table = pandas.read_parquet(tmp_path / "pq")
    assert tuple(table.columns) == ROW_COLUMNS
    assert table.to_dict("records") == rows


def test_cli_parquet_per_document(tmp_path: Path) -> None:
    pages = list(map(str, PAGES[60:64]))
    out = tmp_path / "documents.parquet"
    result = run(
        *pages,
        "--engine",
        "dask",
        "--format",
        "parquet",
        "--level",
        "document",
        "-o",
        str(out),
        "-q",
    )
    assert result.returncode == 0 and result.stderr == ""
    table = pandas.read_parquet(out)
    assert tuple(table.columns) == DOCUMENT_COLUMNS
    assert table["record"].tolist() == [sequential_json(page) for page in pages]


@pytest.mark.cluster
@pytest.mark.timeout(180)
def test_cli_scheduler_address(
    cluster: LocalCluster, crawl: list[str], local_run: tuple[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "all.jsonl"
    address = cluster.scheduler_address
    result = run(
        *crawl, "--engine", "dask", "--scheduler", address, "--format", "jsonl", "-o", str(out)
    )
    assert result.returncode == 1
    assert out.read_text(encoding="utf-8") == local_run[0]
    assert result.stderr == local_run[1]


@pytest.mark.parametrize(
    "args",
    [
        ["page", "--format", "parquet", "-o", "out"],  # parquet without --engine dask
        ["page", "--scheduler", "tcp://127.0.0.1:8786"],  # a scheduler without --engine dask
        ["page", "--engine", "dask", "--format", "parquet"],  # parquet without a folder
        ["page", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"],
        ["-", "--engine", "dask"],  # workers cannot read stdin
        ["page", "--engine", "dask", "--level", "document"],  # a level without parquet
    ],
)
def test_cli_dask_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    given = [str(PAGES[0]) if arg == "page" else arg for arg in args]
    assert main(["extract", *given]) == 2
    assert capsys.readouterr().err.startswith("policyparse extract: ")


@pytest.mark.parametrize("address", ["foo", "tcp://127.0.0.1:notaport", "tcp://127.0.0.1"])
def test_cli_malformed_scheduler_address_is_a_usage_error(
    address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["extract", str(PAGES[0]), "--engine", "dask", "--scheduler", address]
    assert main(args) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"policyparse: --scheduler {address}: not an address like tcp://")
    assert len(error.splitlines()) == 1


def test_cli_unreachable_scheduler_is_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    # Port 9 (discard) on loopback: nothing listens there, nothing leaves the machine.
    args = ["extract", str(PAGES[0]), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    assert main(args) == 1
    error = capsys.readouterr().err
    assert error.startswith("policyparse: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(error.splitlines()) == 1


def test_the_module_lists_its_api() -> None:
    assert set(policyparse.dask.__all__) >= {"extract_bag", "extract_to_parquet"}
