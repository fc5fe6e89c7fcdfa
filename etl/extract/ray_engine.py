"""Text extraction on Ray (`--engine ray`): Ray Data over the input documents, one spaCy load per actor.

The actors' output streams back to this process, which writes it as Parquet partitions (one file per block
received, so no storage need be shared with the cluster) that the same single writer then loads: a warehouse
built on a cluster is the one built on this machine's cores. Ray is the `ray` extra (`pip install
'parley[ray]'`); nothing else imports this module.
"""
from __future__ import annotations

import json
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

from etl.execution import Execution
from etl.extract.parallel import CHUNK, Failed, worker_count


class RayMissing(RuntimeError):
    """--engine ray without Ray installed."""


class _Extractor:
    """One Ray actor: loads spaCy once, then extracts batch after batch of documents."""

    def __init__(self, task: Callable[[list], list]):
        from etl.extract.pipeline import load_nlp

        load_nlp()
        self.task = task

    def __call__(self, batch: dict) -> dict:
        from etl.extract.parallel import map_articles

        items = [pickle.loads(payload) for payload in batch["payload"]]
        records, failures = [], []
        for result in map_articles(self.task, items, workers=1):  # in this actor; a failing article fails alone
            failed = isinstance(result, Failed)
            records.append(None if failed else json.dumps([r.model_dump(mode="json") for r in result]))
            failures.append(result.reason if failed else None)
        return {"index": list(batch["index"]), "records": records, "failed": failures}


def _start(execution: Execution, workers: int) -> None:
    import ray

    if ray.is_initialized():
        return
    if execution.ray_address:
        ray.init(address=execution.ray_address, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False


def extract_on_ray(task: Callable[[list], list], work: list, execution: Execution,
                   progress: Callable[[int], None] | None = None, parquet_dir: Path | None = None) -> list:
    """task over every item of work on Ray actors, one result per item in order (a Failed for an item that
    failed); the records pass through Parquet files in parquet_dir (a temporary directory unless given)."""
    try:
        import pyarrow.parquet as pq
        import ray
    except ImportError:
        raise RayMissing("--engine ray needs Ray: pip install 'parley[ray]'") from None
    from etl.records import SourceRecord

    if not work:
        return []
    workers = worker_count(execution.workers)
    _start(execution, workers)
    rows = [{"index": i, "payload": pickle.dumps(item)} for i, item in enumerate(work)]
    blocks = max(1, min(len(rows) // CHUNK, workers * 4))
    dataset = ray.data.from_items(rows, override_num_blocks=blocks)
    extracted = dataset.map_batches(_Extractor, fn_constructor_args=(task,), batch_size=CHUNK,
                                    concurrency=min(workers, blocks), num_cpus=1, batch_format="numpy")
    with tempfile.TemporaryDirectory(prefix="parley-ray-") as scratch:
        out = parquet_dir or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        for part, block in enumerate(extracted.iter_batches(batch_size=None, batch_format="pyarrow")):
            pq.write_table(block, out / f"part-{part:05d}.parquet")
            if progress:
                progress(block.num_rows)
        table = pq.read_table(str(out)).sort_by("index")
    results: list = []
    for records, failed in zip(table.column("records").to_pylist(), table.column("failed").to_pylist()):
        if failed is not None:
            results.append(Failed(failed))
        else:
            results.append([SourceRecord.model_validate(r) for r in json.loads(records)])
    if len(results) != len(work):
        raise RuntimeError(f"Ray returned {len(results)} results for {len(work)} documents")
    return results
