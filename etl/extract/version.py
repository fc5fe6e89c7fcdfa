"""Which version of the readers made a source's engagements, so that a better reader reloads old inputs."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

# Raised whenever the extractor reads text differently; engagement_sources.extractor says which made each row.
EXTRACTOR = "parley-rules/19"
REMARKS = "hsg-remarks/4"


@lru_cache(maxsize=1)
def offices_digest() -> str:
    """A short hash of the offices table: who held which office changes what the readers fill in."""
    data = resources.files("etl.resolve").joinpath("offices.tsv").read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def extractor_version() -> str:
    """What engagement_sources.extractor records: the rules' version and the learned models'."""
    from etl.extract.learned import FEATURES, load_model  # reading the artefacts is deferred until a reader asks

    return "+".join([EXTRACTOR, *(load_model(name).version for name in FEATURES)])


def articles_reader() -> str:
    """The version that reads articles: the extractor with its learned model, and the offices table it consults."""
    return f"{extractor_version()}; offices {offices_digest()}"


def travels_reader() -> str:
    """The version that reads Office of the Historian trips: the remarks reader and the offices table."""
    return f"{REMARKS}; offices {offices_digest()}"
