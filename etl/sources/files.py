"""Reading input files safely: size, encoding and content identity."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from etl.records import Reject


class InputError(Exception):
    """A whole input could not be read; carries the reject that says why."""

    def __init__(self, reject: Reject) -> None:
        super().__init__(reject.message())
        self.reject = reject


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_text(path: Path, source_kind: str, max_bytes: int = 200 * 1024 * 1024) -> str:
    """A file's text as UTF-8, or an InputError naming the file and the fault."""
    def fail(reason: str) -> InputError:
        return InputError(Reject(source_kind=source_kind, locator=str(path), reason=reason))

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror}") from exc
    if size == 0:
        raise fail("empty file")
    if size > max_bytes:
        raise fail(f"file is {size} bytes, over the {max_bytes}-byte limit")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(f"line {line}: bytes are not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from exc
    if not text.strip():
        raise fail("file holds only whitespace")
    return text


def iter_files(paths: list[Path], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Each given file, and the files with one of the suffixes (any case) under each given directory, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        else:
            yield path
