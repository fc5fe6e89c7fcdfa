"""Where things are in a parsed article: sentences, entities and the character offsets of people's mentions.

Each lookup is computed once per doc and kept in doc.user_data: spaCy's own properties (Doc.sents, Span.ents,
Token.sent) walk the whole doc on every call.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from etl.extract.model import Person


def _per_doc(doc: Doc, key: str, compute: Callable[[], Any]) -> Any:
    """compute(doc's value for key), once per doc."""
    if key not in doc.user_data:
        doc.user_data[key] = compute()
    return doc.user_data[key]


def sentences_of(doc: Doc) -> list[Span]:
    """The doc's sentences."""
    return _per_doc(doc, "sents", lambda: list(doc.sents))


class SentenceBounds:
    """The sentence bounds of a doc, looked up by token."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in sentences_of(doc)]
        self.ends = self.starts[1:] + [len(doc)]

    def of(self, i: int) -> tuple[int, int]:
        """(start, end) token offsets of the sentence holding token i."""
        n = bisect.bisect_right(self.starts, i) - 1
        return self.starts[n], self.ends[n]


def ents_in(sentence: Span) -> list[Span]:
    """The sentence's entities."""
    ents = _per_doc(sentence.doc, "ents", lambda: list(sentence.doc.ents))
    return [e for e in ents if sentence.start <= e.start and e.end <= sentence.end]


def token_offsets(doc: Doc) -> list[int]:
    """Each token's character offset."""
    return _per_doc(doc, "token_offsets", lambda: doc.to_array(IDX).tolist())


def mention_chars(person: Person, sentence: Span) -> list[int]:
    """Character offsets (in the sentence) where the person is named."""
    idx = token_offsets(sentence.doc)
    return [idx[s] - sentence.start_char for s, _ in person.mentions if sentence.start <= s < sentence.end]


def first_at(person: Person, sentence: Span) -> int:
    """Where the person is first named in the sentence; -1 when only implied (a pronoun's referent)."""
    return min(mention_chars(person, sentence), default=-1)


def last_mention_before(person: Person, sentence: Span, limit: int) -> int:
    """Character offset of the person's last mention before limit; -1 when none."""
    return max((at for at in mention_chars(person, sentence) if at < limit), default=-1)
