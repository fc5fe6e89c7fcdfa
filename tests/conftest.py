"""Shared fixtures: real sample files and one warehouse built by the real ETL."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.load import load
from etl.sources.gdelt import LAYOUTS
from etl.warehouse.connection import connect
from etl.warehouse.marts import update_marts
from etl.warehouse.safe_sql import connect_read_only

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BUNDLED = ROOT / "data" / "sources"
SHARED_DATA = ROOT.parent / "shared" / "data"


def load_now(con: duckdb.DuckDBPyConnection, kind: str, paths: list[Path], **options):
    """Load into a connection that is not published, and bring its derived tables up to date as a publish does."""
    summary = load(con, kind, paths, **options)
    update_marts(con)
    return summary


def build_warehouse(path: Path) -> Path:
    """A warehouse holding every bundled source, loaded the way `parley refresh` does."""
    with connect(path) as con:
        load_now(con, "hsg-travels", [BUNDLED / "hsg-travels"])
        load_now(con, "hsg-visits", [BUNDLED / "hsg-visits"])
        load_now(con, "table", [BUNDLED / "curated"])
        load_now(con, "articles", [BUNDLED / "articles"])
        load_now(con, "gdelt", [BUNDLED / "gdelt"])
        load_now(con, "icews", [BUNDLED / "icews"])
    return path


@pytest.fixture(scope="session")
def warehouse_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's fixture warehouse (read it, never write it)."""
    return build_warehouse(tmp_path_factory.mktemp("warehouse") / "parley.duckdb")


@pytest.fixture()
def ro(warehouse_path: Path):
    """A read-only connection to the fixture warehouse, configured as the dashboard's (DuckDB requires one config per file per process)."""
    con = connect_read_only(warehouse_path)
    yield con
    con.close()


@pytest.fixture()
def fresh_db(tmp_path: Path):
    """An empty writable warehouse."""
    con = connect(tmp_path / "parley.duckdb")
    yield con
    con.close()


@pytest.fixture()
def hsg_copy(tmp_path: Path):
    """A function copying a real HSG fixture into tmp_path, optionally rewriting its text."""
    def make(name: str, old: str | None = None, new: str = "", target: str | None = None) -> Path:
        text = (FIXTURES / "hsg" / name).read_text("utf-8")
        if old is not None:
            assert old in text, f"fixture {name} has no {old!r}"
            text = text.replace(old, new, 1)
        path = tmp_path / (target or name)
        path.write_text(text, "utf-8")
        return path
    return make


def view_digest(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """A content hash of every contract view (order-independent), for idempotency checks."""
    views = ["engagements", "participants", "officials", "initiatives", "engagement_initiatives",
             "engagement_topics", "engagement_parties", "coded_events", "sources", "engagement_sources", "country_pairs", "encounters", "rejects",
             "engagement_rollup", "country_rollup", "pair_rollup", "official_rollup", "initiative_rollup",
             "engagement_month_rollup", "country_month_rollup", "pair_month_rollup", "official_month_rollup",
             "initiative_month_rollup", "engagement_total_rollup", "country_total_rollup", "pair_total_rollup",
             "official_total_rollup", "initiative_total_rollup", "encounter_total_rollup",
             "initiative_country_total_rollup", "initiative_official_total_rollup", "pair_by_country_total_rollup",
             "official_by_country_total_rollup", "initiative_by_country_total_rollup",
             "encounter_by_country_total_rollup", "initiative_official_by_country_total_rollup",
             "initiative_country_by_country_total_rollup"]
    digest = {}
    for view in views:
        columns = [c for (c,) in con.execute(
            "select column_name from information_schema.columns where table_name = ? and column_name <> 'loaded_at'",
            [view]).fetchall()]
        expr = ", ".join(f'"{c}"' for c in columns)
        digest[view] = con.execute(f"select count(*), bit_xor(hash(({expr}))) from {view}").fetchone()
    return digest


def broken_export_line(line: str, column: str | None, value: str, cut: int | None = None) -> str:
    """A GDELT 2.0 export line with one column set to a bad value, or cut to its first `cut` columns."""
    values = line.split("\t")
    if column:
        values[LAYOUTS[61][column]] = value
    if cut:
        values = values[:cut]
    return "\t".join(values)
