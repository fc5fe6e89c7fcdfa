"""A title's portfolio, the words after its 'for' or 'of' that say what the office covers: 'Special Envoy for
Yemen', 'Assistant Secretary of State for Near Eastern Affairs', 'Advisor for International Economics'."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from etl.extract.gazetteer import country_of_word
from etl.extract.name_words import CONNECTORS, ORG_NOUNS, PORTFOLIO_HEADS, PORTFOLIO_WORDS, REGIONS
from etl.resolve.titles import TITLE_WORDS

# How far a portfolio of capitalised words runs: 'for Oceans and International Environmental and Scientific Affairs'.
_MAX_PORTFOLIO = 8
_LIST_WORDS = ("and", ",", "&", "the", "of")
_LIST_WORDS_BEFORE = ("and", ",", "&", "the")  # what the backward reading crosses ('for the Global … and Health Security')


def _portfolio_word(text: str) -> bool:
    return text.lower() in PORTFOLIO_WORDS and text.lower() not in CONNECTORS


def complement_after(tokens: list[Token], j: int) -> int:
    """How many tokens from j (just after a title's 'for', 'of' or 'the') name its portfolio or office ('Yemen',
    'North Korea', 'Department', 'Near Eastern Affairs'), leaving the name after them; 0 if none."""
    for size in (3, 2, 1):
        words = " ".join(t.text for t in tokens[j:j + size])
        if j + size < len(tokens) and tokens[j + size].text[:1].isupper() and all(t.text[:1].isupper() for t in tokens[j:j + size]) \
                and (country_of_word(words) or words.lower() in REGIONS or (size == 1 and words.lower() in ORG_NOUNS)):
            return size
    # capitalised words up to the last that heads a portfolio: 'for | South and Central Asian Affairs | Donald Lu'
    end = j
    while end < min(len(tokens), j + _MAX_PORTFOLIO + 2) and (tokens[end].text in _LIST_WORDS or _in_portfolio(tokens[end])):
        end += 1
    last = next((p for p in range(end - 3, j - 1, -1) if tokens[p].text.lower() in PORTFOLIO_HEADS
                 and all(_name_word(t) for t in tokens[p + 1:p + 3])), None)
    return last + 1 - j if last is not None and last + 1 - j <= _MAX_PORTFOLIO else 0


def _in_portfolio(token: Token) -> bool:
    """A capitalised word that may stand in a portfolio: not one that starts another title ('Secretary')."""
    return token.text[:1].isupper() and (token.text.lower() not in TITLE_WORDS or _portfolio_word(token.text))


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.lower() not in TITLE_WORDS and not _portfolio_word(token.text)


def portfolio_before(doc: Doc, i: int, floor: int) -> int | None:
    """The index of the 'for' that opens a portfolio ending at token i ('Secretary of State for | Near Eastern |
    Affairs Joey Hood', read backwards from 'Eastern'), when a title comes before it; None otherwise."""
    k = i
    while k >= max(floor, i - _MAX_PORTFOLIO) and (doc[k].text[:1].isupper() or doc[k].text in _LIST_WORDS_BEFORE):
        k -= 1
    if k - 1 >= floor and k < i and doc[k].text == "for" and doc[k - 1].text[:1].isupper() \
            and doc[k - 1].text.lower() in TITLE_WORDS:
        return k
    return None


def leading_portfolio_words(name: str) -> int:
    """How many leading words of a name read from an entity are its title's portfolio ('for International
    Economics Daleep Singh': three), when at least two name words remain; 0 otherwise."""
    words = name.split()
    if not words or words[0] not in ("for", "of"):
        return 0
    n = 1
    while n < len(words) and (words[n].lower() in PORTFOLIO_WORDS or country_of_word(words[n]) or words[n].lower() in REGIONS):
        n += 1
    return n if n > 1 and len(words) - n >= 2 and words[n - 1].lower() not in ("and", "the", "&") else 0
