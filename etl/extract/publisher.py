"""Article-level passes over people: the offices they held at the date, the publisher's officials, its spokespeople."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from etl.extract.document import Article
from etl.extract.gazetteer import country_of_word
from etl.extract.model import Event, Person
from etl.extract.venues import seats
from etl.resolve.offices import Holder, offices, written_like

# Offices a release's own government holds: unqualified, 'Secretary Blinken' in a State Department release is its own.
# Heads of government, monarchs and ministers are left out: in any release those are as often foreign as not.
GOVERNMENT_TITLE = re.compile(
    r"\b(?:president|secretary|advis[eo]r|envoy|representative|counsel(?:l)?or|ambassador|first lady|"
    r"second gentleman|administrator|senator|governor|chief of staff|coordinator|director|joint chiefs|"
    # the publisher's own legislators and mayors: 'Speaker Pelosi, Leader Schumer'
    r"speaker|leader|congress(?:man|woman|member)|mayor|legislator)\b", re.I)
FOREIGN_TITLE = re.compile(r"\b(?:prime minister|minister|king|queen|chancellor|emir|amir|prince|premier|sultan|"
                           r"supreme leader|opposition leader|"
                           r"taoiseach|secretary[- ]general|director[- ]general)\b", re.I)


# Who speaks for the publisher: 'The below is attributable to Spokesperson Ned Price' issues the release.
ISSUER_TITLE = re.compile(r"\b(?:spokes(?:person|man|woman)|press secretary|communications director|"
                          r"director of communications)\b", re.I)


# A release's headline leads with its own official, titled the way a government titles its own, with no nationality:
# 'Readout of President Biden's Call with …', 'Secretary Blinken's Travel to …', 'Statement by NSA Jake Sullivan on …'.
_RELEASE_KIND = re.compile(r"^(?:(?:Joint\s+)?(?:Readout|Statement|Remarks|Press\s+Statement|Readout\s+and\s+Statement)"
                           r"\s+(?:of|by|from)\s+(?:the\s+)?)?")
# The lead ends at a possessive or at the first lower-case word that is not part of an office ('for Yemen').
_LEAD_END = re.compile(r"['’]s?\b|\s+(?!(?:for|of|the|and)\s)[a-z][\w-]*|[,:;]|\s+[-–—]\s")
_MAX_NAME_WORDS = 3


@dataclass(frozen=True)
class InferredPublisher:
    """Whose release an unlabelled document is, and the official in its headline that says so."""

    country: str
    holder: Holder
    where: str  # 'headline names Secretary Blinken'

    def reason(self) -> str:
        """Why: the official the text leads with, and the office the knowledge base says they held."""
        return f"{self.where}, {self.country}'s {self.holder.office} ({self.holder.source})"


def headline_lead(headline: str) -> str:
    """The words a headline opens with before its verb or possessive: 'Secretary Blinken' of 'Secretary Blinken's
    Call with …'; 'President Joe Biden' of 'Statement by President Joe Biden on …'."""
    rest = _RELEASE_KIND.sub("", " ".join(headline.split()))
    end = _LEAD_END.search(rest)
    return (rest[:end.start()] if end else rest).strip()


def _official_leading(words: list[str], published: dt.date) -> tuple[Holder, str] | None:
    """The office holder the words open with ('Secretary Blinken …'), unqualified by any country; and those words."""
    # Title-case headlines run the verb into the lead ('Deputy Secretary Sherman Travels To …'): try each end.
    for end in range(len(words), 1, -1):
        for size in range(min(_MAX_NAME_WORDS, end - 1), 0, -1):
            name, title = " ".join(words[end - size:end]), " ".join(words[:end - size])
            # 'Indian Foreign Secretary Kwatra', 'Prime Minister Modi of India': a country's, said as news says it.
            qualified = any(country_of_word(w.strip(".,")) for w in words[:end - size]) \
                or words[end:end + 1] == ["of"]
            if not qualified and all(w[:1].isupper() for w in words[end - size:end]) \
                    and (holder := offices().holder(name, title, published)) is not None:
                return holder, " ".join(words[:end])
    return None


def publisher_from_headline(headline: str | None, published: dt.date | None) -> InferredPublisher | None:
    """The government whose release this is, when its headline leads with an official of it by office and name,
    unqualified by any country, and the office holders say who held that office at the date. News headlines name
    people bare ('Blinken meets Tinubu') or qualified ('Indian Foreign Secretary Kwatra'), and infer nothing."""
    if not headline or published is None:
        return None
    lead = headline_lead(headline)
    if _RELEASE_KIND.match(headline)[0] and (seat := _seat_leading(lead)):
        # 'Readout of White House Roundtable with …': a release of the government that sits there
        return InferredPublisher(seats()[seat], Holder(seat, "seat of government", seats()[seat], published, None,
                                                       "etl/extract/data/seats.tsv"), f"headline names {seat}")
    words = lead.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    if found := _official_leading(words, published):
        return InferredPublisher(found[0].country, found[0], f"headline names {found[1]}")
    return None


def _seat_leading(lead: str) -> str | None:
    """The seat of government a release headline's lead names ('White House Meeting on …', 'Meeting Between Senior
    White House Officials and …'), or None."""
    return next((seat for seat in seats() if re.search(rf"(?:^|\s){re.escape(seat)}(?:\s|$)", lead)), None)


# A release's body opens on its principal, after at most a time ('Today, National Security Advisor Jake Sullivan
# met …'); an issuer's line ('The below is attributable to Spokesperson Ned Price:') comes before it.
_OPENING_TIME = re.compile(r"^(?:Today|Yesterday|Earlier today|This (?:morning|afternoon|evening|week)|"
                           r"(?:On|From|In|Last) [^,]{3,40}),\s+")
_ISSUER_LINE = re.compile(r"^[^\n]{0,120}(?:attributable to|statement (?:by|from))[^\n]*:\s*$", re.I | re.M)


def publisher_from_opening(body: str, published: dt.date | None) -> InferredPublisher | None:
    """The government whose release this is, when a body with no dateline opens on an official of it by office and
    name, unqualified: 'President Joseph R. Biden, Jr. spoke today with …'. News opens on a dateline."""
    if published is None:
        return None
    body = _ISSUER_LINE.sub("", body, count=1).lstrip()
    # The lead stops at the first comma or lower-case word, so the opening line is enough.
    words = headline_lead(_OPENING_TIME.sub("", body.partition("\n")[0])).split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    if found := _official_leading(words, published):
        return InferredPublisher(found[0].country, found[0], f"the release opens on {found[1]}")
    return None


def publisher_from_officials(article: Article, people: list[Person], uncountried: set[int]) -> Article:
    """The article with the publisher its officials imply, when neither source, headline nor opening said: a text
    with no dateline whose people of the government's offices, named with no country ('Secretary Blinken'), the
    office table puts in one country. `uncountried` holds the ids of the people the text gave no country."""
    if article.publisher or article.dateline or article.published is None:
        return article
    found = {}
    for person in people:
        if id(person) in uncountried and person.country and person.title and GOVERNMENT_TITLE.search(person.title) \
                and not FOREIGN_TITLE.search(person.title) and any(r.startswith("offices:") for r in person.rules):
            found.setdefault(person.country, person)
    if len(found) != 1:
        return article
    (country, person), = found.items()
    why = (f"publisher.inferred: the text names {person.title} {person.name} with no country, "
           f"{country}'s by the office table")
    return replace(article, publisher=country, publisher_inferred=why)


def apply_offices(people: list[Person], published: dt.date | None) -> None:
    """Fill what the text leaves out from who held which office at the date: 'Secretary Blinken' in 2022 is
    Antony John Blinken, of the USA. A name the text gives in full, a title or a country it states, stays."""
    for person in people:
        if person.country and len(person.name.split()) > 1:
            continue  # nothing to fill
        holder = offices().holder(person.name, person.title, published, person.country)
        if holder is None and not person.country and person.title \
                and (holder := offices().misspelt_holder(person.name, person.title, published)):
            person.aliases.append(person.name)
            person.name = holder.name  # 'Naftali Bennet': the office holder of that name, spelt as the table has it
            person.rules.append(f"offices.spelling: {holder.name}")
        if holder is None:
            if not person.country and (earlier := offices().nationality(person.name, published)):
                person.country = earlier.country
                person.rules.append(f"offices.nationality: {earlier.name} was {earlier.office}, {earlier.country} "
                                    f"({earlier.source}, from {earlier.start})")
            continue
        if len(person.name.split()) == 1:
            person.aliases.append(person.name)
            person.name = written_like(holder, person.name)
        person.country = person.country or holder.country
        person.title = person.title or holder.office
        person.rules.append(f"offices: {holder.name}, {holder.office}, {holder.country} "
                            f"({holder.source}, {holder.start}–{holder.end or 'now'})")


def with_publisher(article: Article) -> Article:
    """The article with the publisher its headline, or the opening of a body with no dateline, implies when its
    source names none (rule publisher.inferred)."""
    if article.publisher:
        return article
    found = publisher_from_headline(article.headline, article.published)
    if found is None and article.dateline is None:
        body = article.text.partition("\n")[2] if article.headline else article.text
        found = publisher_from_opening(body, article.published)
    if found is None:
        return article
    return replace(article, publisher=found.country, publisher_inferred=f"publisher.inferred: {found.reason()}")


# Offices one person holds at a time: another name under them is another country's ('President Guillermo Lasso').
_SOLE_OFFICES = {"president", "vice president"}


def apply_publisher(people: list[Person], article: Article) -> None:
    """People with no country whose title is one of the publishing government's offices are that government's."""
    publisher = article.publisher
    if not publisher:
        return
    why = f" ({article.publisher_inferred})" if article.publisher_inferred else ""
    for person in people:
        if not person.country and person.title and GOVERNMENT_TITLE.search(person.title) \
                and not FOREIGN_TITLE.search(person.title) \
                and not (person.title.lower() in _SOLE_OFFICES
                         and offices().someone_else_holds(person.name, person.title, publisher, article.published)):
            person.country = publisher
            person.rules.append(f"publisher: a {person.title} in a {publisher} release is {publisher}'s{why}")


def _issuer(person: Person) -> bool:
    """A spokesperson by the title the text gives, a title the name swallowed ('NSC Spokesperson Adrienne Watson'),
    or the office the offices table says they held ('Press Secretary Jen Psaki' read as 'Secretary')."""
    return bool(ISSUER_TITLE.search(person.title or "") or ISSUER_TITLE.search(person.name)
                or any(rule.startswith("offices:") and ISSUER_TITLE.search(rule) for rule in person.rules))


def drop_issuers(events: list[Event]) -> list[Event]:
    """Spokespeople who issue a release are not in the engagements it reports; events left with nobody go too."""
    kept = []
    for event in events:
        issuers = [p for p in event.participants if _issuer(p)]
        if issuers:
            event.rules.append(f"pass.issuer-dropped: {', '.join(p.name for p in issuers)} issued the release")
            dropped = {id(p) for p in issuers}
            event.participants = [p for p in event.participants if id(p) not in dropped]
        if len(event.participants) >= (1 if event.kind == "visit" else 2):
            kept.append(event)
    return kept
