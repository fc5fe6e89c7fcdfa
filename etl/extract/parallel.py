"""The extractor over many articles on every core: chunks of work to worker processes, each loading spaCy once."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

CHUNK = 32  # articles per task: large enough to batch through spaCy, small enough to spread over the workers


def worker_count(requested: int | None = None) -> int:
    """The workers to use: the request, else PARLEY_WORKERS, else the cores this process may run on."""
    if requested:
        return max(1, requested)
    if os.environ.get("PARLEY_WORKERS"):
        return max(1, int(os.environ["PARLEY_WORKERS"]))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def map_articles(task: Callable[[list], list], items: Iterable, workers: int | None = None) -> Iterator:
    """task(chunk) for each chunk of items (articles to extract), yielding one result per item in order, on
    `workers` processes (in this one when one is enough). task must be a module-level function."""
    items = list(items)
    workers = min(worker_count(workers), max(1, len(items) // CHUNK))
    if workers == 1:
        for chunk in _chunks(items, CHUNK):
            yield from task(chunk)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(task, _chunks(items, CHUNK)):
            yield from results
