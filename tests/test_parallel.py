"""Extraction on every core: results in order, the same warehouse with one worker or many, and an article that
raises or kills its worker rejected alone."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from etl.execution import Execution
from etl.extract.parallel import CHUNK, Failed, map_articles
from etl.warehouse.connection import connect
from tests.conftest import ROOT, load_now, view_digest

RELEASES = ROOT / "data" / "sources" / "wh-briefings"


def _square(chunk: list[int]) -> list[int]:
    if any(n == -1 for n in chunk):
        raise ValueError("minus one is not allowed")
    if any(n == -2 for n in chunk):
        os._exit(9)  # the worker dies as the out-of-memory killer would leave it
    return [n * n for n in chunk]


ITEMS = list(range(3 * CHUNK + 5))


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_back_in_order_whatever_the_workers(workers):
    done = []
    assert list(map_articles(_square, ITEMS, workers, progress=done.append)) == [n * n for n in ITEMS]
    assert sum(done) == len(ITEMS)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_item_that_raises_fails_alone(workers):
    items = ITEMS[:40] + [-1] + ITEMS[40:]
    results = list(map_articles(_square, items, workers))
    assert isinstance(results[40], Failed) and "ValueError: minus one is not allowed" in results[40].reason
    assert [r for r in results if not isinstance(r, Failed)] == [n * n for n in ITEMS]


def test_an_item_that_kills_its_worker_fails_alone_and_the_run_goes_on():
    items = ITEMS[:10] + [-2] + ITEMS[10:] + [-2]
    results = list(map_articles(_square, items, 2))
    failed = [i for i, r in enumerate(results) if isinstance(r, Failed)]
    assert failed == [10, len(items) - 1]
    assert "worker process died" in results[10].reason
    assert [r for r in results if not isinstance(r, Failed)] == [n * n for n in ITEMS]


def _slice(tmp_path: Path, count: int) -> Path:
    """The first releases of the bundled White House archive, as a folder of their own."""
    folder = tmp_path / "releases"
    for path in sorted(RELEASES.rglob("*.md"))[:count]:
        target = folder / path.relative_to(RELEASES)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    return folder


def test_a_failing_article_is_rejected_and_the_rest_of_its_input_loads(tmp_path, monkeypatch):
    import etl.sources.articles as articles

    real = articles._extract_chunk

    def fragile(chunk):
        if any("Ukraine" in raw.text for raw, _ in chunk):
            raise RuntimeError("simulated fault")
        return real(chunk)

    monkeypatch.setattr(articles, "_extract_chunk", fragile)
    folder = _slice(tmp_path, 12)
    ukraine = sum("Ukraine" in p.read_text("utf-8") for p in folder.rglob("*.md"))
    assert 0 < ukraine < 12
    con = connect(tmp_path / "w.duckdb")
    summary = load_now(con, "articles", [folder], options={"publisher": "USA"}, execution=Execution(workers=1))
    rows = con.execute("select reason, field, locator from rejects").fetchall()
    assert summary.records_rejected == len(rows) == ukraine
    assert all("extraction failed: RuntimeError: simulated fault" in r[0] and r[1] == "text" and r[2] for r in rows)
    assert con.execute("select count(*) from engagements").fetchone()[0] > 0
    con.close()


@pytest.mark.xdist_group("spacy")
def test_one_worker_and_two_build_the_same_warehouse(tmp_path):
    folder = _slice(tmp_path, 2 * CHUNK + 6)
    digests = []
    for workers in (1, 2):
        con = connect(tmp_path / f"w{workers}.duckdb")
        load_now(con, "articles", [folder], options={"publisher": "USA"}, execution=Execution(workers=workers))
        digests.append(view_digest(con))
        con.close()
    assert digests[0] == digests[1] and digests[0]["engagements"][0] > 0


def test_execution_settings_are_checked():
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        Execution(engine="spark")
    with pytest.raises(ValueError, match="at least 1"):
        Execution(workers=0)
