"""The extractor over many articles on every core: chunks of work to worker processes, each loading spaCy once.

Results come back in input order whatever the number of workers, so a warehouse built with one worker and with
many is the same. An article whose extraction raises, or kills its worker process outright (a segfault, the
out-of-memory killer), comes back as a Failed with the reason, for the caller to reject; the others are kept.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

CHUNK = 32  # articles per task: large enough to batch through spaCy, small enough to spread over the workers


@dataclass(frozen=True)
class Failed:
    """An article that could not be extracted, and why."""

    reason: str


def worker_count(requested: int | None = None) -> int:
    """The workers to use: the request, else PARLEY_WORKERS, else the cores this process may run on."""
    if requested:
        return max(1, requested)
    if os.environ.get("PARLEY_WORKERS"):
        return max(1, int(os.environ["PARLEY_WORKERS"]))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _chunks(items: list, size: int) -> list[list]:
    return [items[start:start + size] for start in range(0, len(items), size)]


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _one_by_one(task: Callable[[list], list], chunk: list) -> list:
    """Each item of a chunk alone, in this process: a failing item fails alone."""
    results = []
    for item in chunk:
        try:
            results.append(task([item])[0])
        except Exception as error:  # noqa: BLE001 - one article must not lose the others
            results.append(Failed(f"extraction failed: {_describe(error)}"))
    return results


def _isolate_crash(task: Callable[[list], list], chunk: list) -> list:
    """A chunk whose worker died, each item in a worker of its own turn, to find the item that kills it."""
    results = []
    pool = ProcessPoolExecutor(max_workers=1)
    try:
        for item in chunk:
            try:
                results.append(pool.submit(task, [item]).result()[0])
            except BrokenProcessPool:
                results.append(Failed("the worker process died while extracting this article "
                                      "(killed, out of memory or crashed)"))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=1)
            except Exception as error:  # noqa: BLE001 - one article must not lose the others
                results.append(Failed(f"extraction failed: {_describe(error)}"))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return results


def map_articles(task: Callable[[list], list], items: Iterable, workers: int | None = None,
                 progress: Callable[[int], None] | None = None) -> Iterator:
    """task(chunk) for each chunk of items (articles to extract), yielding one result per item in order, on
    `workers` processes (in this one when one is enough); an item that fails yields a Failed instead. task must
    be a module-level function. progress(n) is called as each chunk of n items is done."""
    items = list(items)
    chunks = _chunks(items, CHUNK)
    workers = min(worker_count(workers), max(1, len(items) // CHUNK))
    if workers == 1:
        for chunk in chunks:
            try:
                results = task(chunk)
            except Exception:  # noqa: BLE001 - find the article at fault
                results = _one_by_one(task, chunk)
            if progress:
                progress(len(chunk))
            yield from results
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        futures: list[Future] = [pool.submit(task, chunk) for chunk in chunks]
        for index, (chunk, future) in enumerate(zip(chunks, futures)):
            try:
                results = future.result()
            except BrokenProcessPool:
                # A dead worker breaks the whole pool: find the article that killed it, then go on in a new pool.
                results = _isolate_crash(task, chunk)
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=workers)
                futures[index + 1:] = [pool.submit(task, c) for c in chunks[index + 1:]]
            except Exception:  # noqa: BLE001 - find the article at fault
                results = _one_by_one(task, chunk)
            if progress:
                progress(len(chunk))
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # every future is done by now: this only reaps the workers
