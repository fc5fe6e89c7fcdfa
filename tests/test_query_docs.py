"""The examples in docs/query.md run as written, and the DuckDB CLI the README names reads the warehouse."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl.warehouse.connection import STORAGE_VERSION

ROOT = Path(__file__).resolve().parent.parent
QUERY_DOC = ROOT / "docs" / "query.md"
BIN = Path(sys.executable).parent
CLI = BIN / "duckdb"
_BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```", re.M | re.S)

pytestmark = pytest.mark.skipif(not CLI.exists(), reason="the DuckDB CLI (duckdb-cli) is not installed in this venv")


def doc_blocks(language: str) -> list[str]:
    """The code blocks of one language in docs/query.md, in order."""
    return [body for lang, body in _BLOCK.findall(QUERY_DOC.read_text("utf-8")) if lang == language]


@pytest.fixture()
def workdir(warehouse_path: Path, tmp_path: Path) -> Path:
    """A folder laid out like the repository root: .venv/bin and data/parley.duckdb (a copy of the fixture)."""
    (tmp_path / "data").mkdir()
    shutil.copyfile(warehouse_path, tmp_path / "data" / "parley.duckdb")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "bin").symlink_to(BIN)
    return tmp_path


def _run(command: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARLEY_CONFIG": str(cwd / "no-config.toml"), "PARLEY_DB": str(cwd / "data" / "parley.duckdb")}
    return subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120, env=env)


def test_the_doc_has_examples_of_each_kind():
    assert len(doc_blocks("sh")) >= 3 and len(doc_blocks("python")) >= 3


@pytest.mark.parametrize("index", range(len(doc_blocks("sh"))))
def test_shell_examples_run(workdir: Path, index: int):
    result = _run(["bash", "-euo", "pipefail", "-c", doc_blocks("sh")[index]], workdir)
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr


def test_python_examples_run_in_order(workdir: Path):
    # The Parquet block reads the file the shell example before it exports.
    for block in doc_blocks("sh"):
        assert _run(["bash", "-euo", "pipefail", "-c", block], workdir).returncode == 0
    for block in doc_blocks("python"):
        result = _run([sys.executable, "-c", block], workdir)
        assert result.returncode == 0, f"{block}\n{result.stderr}"


def test_readme_duckdb_line_returns_rows(workdir: Path):
    line = next(x for x in (ROOT / "README.md").read_text("utf-8").splitlines() if x.lstrip().startswith(".venv/bin/duckdb"))
    result = _run(["bash", "-c", line.strip()], workdir)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) >= 3


def test_cli_reads_every_contract_view(workdir: Path):
    with duckdb.connect(str(workdir / "data" / "parley.duckdb"), read_only=True) as con:
        views = [v for (v,) in con.execute("select view_name from duckdb_views() where not internal "
                                           "and schema_name = 'main' order by 1").fetchall()]
    assert "engagements" in views
    sql = " union all ".join(f"select '{v}', count(*) from {v}" for v in views)
    result = _run([str(CLI), "-readonly", "-csv", "-noheader", "data/parley.duckdb", sql], workdir)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == len(views)


def test_warehouse_is_written_in_the_compatible_format(warehouse_path: Path, workdir: Path):
    with duckdb.connect(str(workdir / "data" / "parley.duckdb"), read_only=True) as con:
        tags = con.execute("select tags['storage_version'] from duckdb_databases() where database_name = 'parley'").fetchone()
    assert tags[0].startswith(STORAGE_VERSION)


def test_parley_shell_is_read_only(workdir: Path):
    result = _run([str(BIN / "parley"), "shell"], workdir, stdin="insert into store.meta values ('k', 'v');\n")
    assert "read-only" in result.stderr and "INSERT" in result.stderr
    assert "docs/warehouse.md" in result.stdout  # the hint
    with duckdb.connect(str(workdir / "data" / "parley.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from store.meta where key = 'k'").fetchone()[0] == 0


def test_parley_shell_runs_a_query(workdir: Path):
    result = _run([str(BIN / "parley"), "shell", "--", "-csv", "-noheader", "select count(*) > 0 from engagements"], workdir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "true"  # no hint when the CLI is given a query: the output stays machine-readable


def test_parley_shell_without_a_warehouse(tmp_path: Path):
    result = _run([str(BIN / "parley"), "shell", "--db", str(tmp_path / "none.duckdb")], tmp_path)
    assert result.returncode == 2 and "parley refresh" in result.stderr
