"""Fetching new GDELT 2.0 event exports listed in GDELT's file list, with timeouts, retries and checksums.

The file list (masterfilelist.txt or lastupdate.txt) has one line per file: size, MD5 and URL. Only event
exports (`*.export.CSV.zip`) newer than the newest one already in the target directory are fetched; the loader
then skips any it has loaded before, so a run with nothing new is a no-op.
"""
from __future__ import annotations

import hashlib
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MASTER_LIST_URL = "http://data.gdeltproject.org/gdeltv2/masterfilelist.txt"
LAST_UPDATE_URL = "http://data.gdeltproject.org/gdeltv2/lastupdate.txt"
EXPORTS_PER_DAY = 96
_EXPORT = re.compile(r"/(\d{14})\.export\.CSV\.zip$", re.IGNORECASE)


class FetchError(Exception):
    """A download that failed after every retry; the message names the URL."""


@dataclass(frozen=True)
class ListedExport:
    """One event export named in GDELT's file list."""

    size: int
    md5: str
    url: str

    @property
    def stamp(self) -> str:
        """The 15-minute slot it covers, YYYYMMDDHHMMSS."""
        return _EXPORT.search(self.url)[1]

    @property
    def name(self) -> str:
        return self.url.rsplit("/", 1)[-1]


@dataclass
class FetchResult:
    """What one fetch did."""

    downloaded: list[Path] = field(default_factory=list)
    already_present: int = 0
    failed: list[str] = field(default_factory=list)


def _get(url: str, timeout: float, retries: int, sleep: Callable[[float], None]) -> bytes:
    """The body at url, retrying transient failures with exponential backoff."""
    last: Exception | None = None
    for attempt in range(retries + 1):
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - http(s)/file URLs from config
                return response.read()
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            last = exc
            if attempt < retries:
                sleep(min(2.0 ** attempt, 30.0))
    raise FetchError(f"{url}: failed after {retries + 1} attempt(s): {last}")


def parse_file_list(text: str) -> list[ListedExport]:
    """The event exports named in a GDELT file list, oldest first; other files and malformed lines are ignored."""
    exports = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].isdigit() and _EXPORT.search(parts[2]):
            exports.append(ListedExport(int(parts[0]), parts[1].lower(), parts[2]))
    return sorted(exports, key=lambda e: e.stamp)


def _newest_present(directory: Path) -> str | None:
    stamps = [m[1] for p in directory.glob("*") if (m := re.match(r"(\d{14})\.export\.CSV", p.name, re.IGNORECASE))]
    return max(stamps, default=None)


def wanted(exports: list[ListedExport], directory: Path, since: str | None = None,
           limit: int = EXPORTS_PER_DAY) -> list[ListedExport]:
    """Exports to fetch: after `since` (default: the newest already in directory), at most the newest `limit`."""
    since = since or _newest_present(directory)
    newer = [e for e in exports if since is None or e.stamp > since]
    return newer[-limit:] if limit else newer


def fetch_new_exports(list_url: str, directory: Path, since: str | None = None, limit: int = EXPORTS_PER_DAY,
                      timeout: float = 30.0, retries: int = 3,
                      sleep: Callable[[float], None] | None = None) -> FetchResult:
    """Download the exports in list_url not yet in directory, verifying size and MD5; a failed file is reported."""
    sleep = sleep or time.sleep
    directory.mkdir(parents=True, exist_ok=True)
    result = FetchResult()
    listing = _get(list_url, timeout, retries, sleep).decode("utf-8", errors="replace")
    for export in wanted(parse_file_list(listing), directory, since, limit):
        target = directory / export.name
        if target.exists():
            result.already_present += 1
            continue
        try:
            body = _get(export.url, timeout, retries, sleep)
            if len(body) != export.size or hashlib.md5(body).hexdigest() != export.md5:  # noqa: S324 - GDELT's checksum
                raise FetchError(f"{export.url}: size or MD5 differs from the file list")
        except FetchError as exc:
            result.failed.append(str(exc))
            continue
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(body)
        os.replace(partial, target)  # the loader never sees half a file
        result.downloaded.append(target)
    return result
