"""Which inputs changed since the warehouse loaded them: their bytes, or the version of the reader that read them.
The one place `parley load`, `parley refresh` and backfills decide what to read again."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.sources.files import file_sha256
from etl.warehouse.queries import QUERIES


@dataclass(frozen=True)
class InputFile:
    """One input of a load with its content identity."""

    path: str
    sha256: str
    size_bytes: int
    read_with: str = ""  # the source kind's reader version (SourceKind.version)


def loaded_inputs(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """path -> (sha256, reader version) of every input the warehouse holds."""
    return {path: (digest, reader) for path, digest, reader in con.execute(QUERIES["loaded_inputs"]).fetchall()}


def identify(path: Path, reader: str) -> InputFile:
    """The input's identity as a load records it: resolved path, content hash, size and reader."""
    return InputFile(str(path.resolve()), file_sha256(path), path.stat().st_size, reader)


def split_changed(files: list[Path], reader: str, loaded: dict[str, tuple[str, str]]) \
        -> tuple[dict[str, InputFile], list[str]]:
    """Inputs whose bytes, or the reader that read them, differ from what was loaded (by path); and the rest."""
    changed: dict[str, InputFile] = {}
    unchanged: list[str] = []
    for path in files:
        found = identify(path, reader)
        if loaded.get(found.path) == (found.sha256, reader):
            unchanged.append(found.path)
        else:
            changed[found.path] = found
    return changed, unchanged
