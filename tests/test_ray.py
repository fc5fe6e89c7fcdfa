"""Ray for clusters: Ray local mode on a slice of the White House archive builds the warehouse the default engine
builds, through Parquet partitions; the default path never imports Ray."""
from __future__ import annotations

import subprocess
import sys

import pytest

from etl.execution import Execution
from etl.extract.parallel import CHUNK
from etl.warehouse.connection import connect
from tests.conftest import ROOT, load_now, view_digest
from tests.test_parallel import _slice

pytestmark = pytest.mark.xdist_group("ray")  # one local Ray per test process


def test_ray_local_mode_builds_the_same_warehouse_as_the_default_engine(tmp_path):
    pytest.importorskip("ray", reason="the ray extra: pip install 'parley[ray]' (make install brings it)")
    folder = _slice(tmp_path, 2 * CHUNK + 6)
    digests = []
    for execution in (Execution(workers=2), Execution(engine="ray", workers=2)):
        con = connect(tmp_path / f"{execution.engine}.duckdb")
        load_now(con, "articles", [folder], options={"publisher": "USA"}, execution=execution)
        digests.append(view_digest(con))
        con.close()
    assert digests[0] == digests[1] and digests[0]["engagements"][0] > 0


def test_ray_writes_the_records_as_parquet_partitions(tmp_path):
    pytest.importorskip("ray")
    import pyarrow.parquet as pq

    from etl.extract.ray_engine import extract_on_ray
    from etl.sources.articles import _extract_chunk, _readable
    from etl.records import Batch

    folder = _slice(tmp_path, 8)
    raws = [raw for path in sorted(folder.rglob("*.md")) for raw in _readable(path, Batch(path=str(path)))]
    out = tmp_path / "parquet"
    results = extract_on_ray(_extract_chunk, [(raw, "USA") for raw in raws], Execution(engine="ray", workers=2),
                             parquet_dir=out)
    table = pq.read_table(out)
    assert len(results) == table.num_rows == len(raws) and list(out.glob("*.parquet"))
    assert set(table.column_names) >= {"index", "records", "failed"}


def test_the_default_engine_never_imports_ray(tmp_path):
    folder = _slice(tmp_path, 3)
    script = (f"import sys; from pathlib import Path; from etl.load import load; "
              f"from etl.warehouse.connection import connect; "
              f"load(connect(Path(r'{tmp_path / 'w.duckdb'}')), 'articles', [Path(r'{folder}')]); "
              f"print('ray' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
