"""How extraction runs: on this machine's cores (the default) or on a Ray cluster, and with how many workers."""
from __future__ import annotations

from dataclasses import dataclass

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class Execution:
    """Where and on how many workers text is extracted; every engine gives the same warehouse."""

    engine: str = "local"
    workers: int | None = None  # None: PARLEY_WORKERS, else every core this process may use
    ray_address: str | None = None  # None with engine 'ray': a local Ray on this machine

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine '{self.engine}' (known: {', '.join(ENGINES)})")
        if self.workers is not None and self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
