"""Which version of the readers made a source's engagements, so that a better reader reloads old inputs."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

# Raised whenever the extractor reads text differently; engagement_sources.extractor says which made each row.
EXTRACTOR = "parley-rules/2"
REMARKS = "hsg-remarks/2"


@lru_cache(maxsize=1)
def offices_digest() -> str:
    """A short hash of the offices table: who held which office changes what the readers fill in."""
    data = resources.files("etl.resolve").joinpath("offices.tsv").read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def articles_reader() -> str:
    """The version that reads articles: the extractor and the offices table it consults."""
    return f"{EXTRACTOR}; offices {offices_digest()}"


def travels_reader() -> str:
    """The version that reads Office of the Historian trips: the remarks reader and the offices table."""
    return f"{REMARKS}; offices {offices_digest()}"
