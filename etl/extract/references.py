"""Who a sentence is about: the people it names, and those it only refers to ('he', 'the two presidents',
'the Indian adviser'), with what earlier sentences established."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from etl.extract.dates import DateSpan
from etl.extract.gazetteer import country_of_word
from etl.extract.model import Person
from etl.extract.spans import first_at, mention_chars


# 'the President', 'the Indian minister': a title standing for a person; 'The meetings follow President Biden's
# call' is a titled name (a capital follows), not a reference back.
_TITLE_REFERENCE = (r"the (?:\w+ ){0,2}(?:minister|secretary|president|leader|adviser|advisor|chief|emir|premier|"
                    r"chancellor|envoy|king|visitor|guest|diplomat)\b(?!\s+(?-i:[A-Z]))")
_PRONOUN_START = re.compile(r"^\s*(?:[A-Z]\w+\s+){0,3}?(?:[^,.]{1,40},\s*){0,2}?(?:(?:he|she|his|her)\b|"
                            + _TITLE_REFERENCE + ")", re.I)


_REFERS_BACK = re.compile(r"\b(?:(?:he|she|his|her|him)\b|" + _TITLE_REFERENCE + ")", re.I)


_HE_SHE_START = re.compile(r"^\s*(?:[A-Z]\w+\s+){0,3}?(?:[^,.]{1,40},\s*){0,2}?(?:he|she)\b", re.I)


_OBJECT_PRONOUN = re.compile(r"\b(?:met|meet|meets|meeting|received|receive|receives|welcomed|welcomes|welcome|greeted|"
                             r"greet|called on|host|hosted|hosts|hosting|accompanied|joined)\s+(?:him|her)"
                             r"(?=\s*(?:[,.;]|$|at|in|on|to|and|before|after|for|with|during|as|when|upon)\b|\s*[,.;])")


# The longer forms come first so that 'the two presidents' is read whole, not as 'the two'.
_THE_TWO = re.compile(r"^\s*They (?:had |have |also |last |first )?(?:met|spoke|spoken|talked|held)\b|"
                      r"\b(the two (?:leaders|sides|ministers|men|women|advisers|presidents|prime ministers|"
                      r"foreign ministers)|the two|both (?:leaders|sides|ministers|men|women)|the leaders|the ministers|"
                      r"the presidents|the prime ministers|the foreign ministers)\b", re.I)


@dataclass
class Context:
    """What earlier sentences established: the salient person, the last meeting, the last date."""

    salient: Person | None = None
    last_subject: Person | None = None
    last_group: list[Person] = field(default_factory=list)
    last_date: DateSpan | None = None
    paragraph: int = -1
    everyone: list[Person] = field(default_factory=list)  # in order of first mention
    authors: list[Person] = field(default_factory=list)  # who a 'Statement by …' headline says speaks as 'I' or 'we'
    trip_party: list[Person] = field(default_factory=list)  # who travels on the latest held visit reported


# 'The delegation also met with Indian Minister of External Affairs Jaishankar', 'In Niamey, they met with …', 'In
# West Africa, the delegation travelled to Niger': the party of the trip just reported ('they' when it is several).
_DELEGATION_SUBJECT = re.compile(r"\s*(?:[A-Z][\w ]{0,30},\s+)?(?:[Tt]he (?:[\w.-]+ )?delegation|(?P<they>[Tt]hey)) "
                                 r"(?:also |then |later )?(?:(?:met|held|called on|sat down)|"
                                 r"(?P<went>travell?ed|visited|arrived|went|flew|continued))\b")


# Words after a name that make it the owner of something passed on, not someone present: 'hands Khamenei message to'.
_ONLY_MENTIONED = {"message", "letter", "note", "greetings", "regards", "invitation", "condolences", "administration",
                   "government", "era", "doctrine"}


# What is told of the dead, before their name ('the passing of Queen Elizabeth II') or after it ('President Moise's
# assassination'): they are not at the engagement.
_OF_THE_DEAD_WORDS = ("passing", "death", "funeral", "assassination", "murder", "killing", "memory", "legacy")
_OF_THE_DEAD = re.compile(r"\b(?:" + "|".join(_OF_THE_DEAD_WORDS) + r"|"
                          r"release|return|detention|imprisonment) of"  # and hostages: 'the return of Mark Frerichs'
                          r"(?:\s+(?:the|late|former|then|[A-Z][\w.-]*)){0,4}\s*$")


_ACCOMPANYING = re.compile(r",\s*who\s+(?:is|was|has been)\s+(?:accompanying|travell?ing with)"
                           r"(?:\s+[A-Z][\w.-]*){0,4}\s*$")


_OWNED_ROLES = {"deputy", "wife", "husband", "spouse", "son", "daughter", "spokesman", "spokeswoman", "spokesperson",
                "aide", "aides", "envoy", "predecessor", "successor", "office", "government", "administration",
                "ministry", "party", "cabinet", "team", "representative", "chief",
                # what a person wages or says, not where they are: 'a response to President Putin's war of choice'
                "war", "invasion", "aggression", "regime", "forces", "troops", "military", "decision", "policy",
                "policies", "efforts", "remarks", "speech", "statement", "comments", "leadership", "attacks",
                *_OF_THE_DEAD_WORDS}


_SENDER = re.compile(r"\b(?:message|letter|note|greetings|invitation) from(?:\s+[A-Z][\w.-]*){0,4}\s*$|"
                     # 'implementation of the March 25 Joint Statement by Presidents Biden and von der Leyen'
                     r"\b(?:the|a|an|their|its|our)\s+(?:[\w.’'-]+\s+){0,4}?(?:[Ss]tatement|[Dd]eclaration|"
                     r"[Cc]ommuniqu[ée]|[Ll]etter) (?:by|from)"
                     r"(?:\s+(?:[A-Z][\w.’'-]*|and|of|the|,))*?\s*$|"
                     r"\bon behalf of(?:\s+[A-Z][\w.-]*){0,4}\s*$")


def people_in(sentence: Span, by_token: dict[int, Person]) -> list[Person]:
    """The people named in a sentence, in order, leaving out those only mentioned as a message's sender."""
    doc = sentence.doc
    ordered: list[Person] = []
    for i in range(sentence.start, sentence.end):
        person = by_token.get(i)
        if person is None or person in ordered or by_token.get(i + 1) is person:
            continue
        after = doc[i + 1:i + 3]
        words = [t.text.lower() for t in after if t.text not in ("'s", "’s")]
        if words and words[0] in _ONLY_MENTIONED:
            continue
        if len(after) == 2 and after[0].text in ("'s", "’s") and after[1].text.lower() in _OWNED_ROLES:
            continue  # 'held talks with Blinken's deputy, Kurt Campbell': Blinken is not there
        if after and after[0].text in ("'s", "’s") and _owns_titled_name(doc, i + 2, person, by_token):
            continue  # 'President Biden's National Security Advisor Jake Sullivan traveled': Biden stayed home
        start = next(s for s, e in person.mentions if s <= i < e) if person.mentions else i
        if _OF_THE_DEAD.search(doc[max(sentence.start, start - 6):start].text):
            continue  # 'condolences on the passing of Queen Elizabeth II', 'the release of X from Iran'
        if _SENDER.search(doc[sentence.start:start].text):
            continue  # 'a written message from Supreme Leader Ali Khamenei'
        if _ACCOMPANYING.search(doc[sentence.start:start].text):
            continue  # 'Kamikawa, who is accompanying Kishida, held talks with …': Kishida is elsewhere
        ordered.append(person)
    return ordered


def _owns_titled_name(doc, start: int, owner: Person, by_token: dict[int, Person]) -> bool:
    """True when the tokens from start are a capitalised title leading straight into someone else's name."""
    for j in range(start, min(start + 10, len(doc))):
        if j in by_token:
            return j > start and by_token[j] is not owner
        if not doc[j].text[:1].isupper():
            return False
    return False


# 'Statement by Vice President Kamala Harris on Her Trip to France', 'Joint Statement by the President of France
# Emmanuel Macron, …, and President of the United States Joseph R. Biden, Jr. on Iran': who the body's 'I' or 'we' is.
_AUTHORED = re.compile(r"^\s*(?:Joint\s+)?Statement\s+(?:by|from)\s+(?P<authors>.+?)(?:\s+(?:on|regarding|after|"
                       r"following|at|in)\s+(?-i:[A-Z]|the|her|his|their)|$)", re.I)
# 'Tonight, I will travel to France', 'We, the President of France, …, met in Rome today': the release's authors.
_FIRST_PERSON = re.compile(r"^\s*(?:[A-Z][\w’']*,?\s+){0,3}?(?:(?P<we>We)\b|(?P<i>I)\b(?![.’']))")
# Only an encounter the authors report of themselves: 'we met', 'I will travel', not 'we are jointly committed' nor
# 'we look forward to meeting again' (narrowed to these verbs: with 'meet' and 'meeting' the untouched silver noise
# rose from 0.172 to 0.176 engagements per release).
_ENCOUNTER = re.compile(r"\b(?:met|spoke|talked|convened|gathered|hosted|travel(?:l?ed)?|visit(?:ed)?|arrived|"
                        r"depart(?:ed|ing))\b", re.I)


def statement_authors(headline: Span, by_token: dict[int, Person]) -> list[Person]:
    """The people a 'Statement by …' headline names as the release's authors; none for any other headline."""
    match = _AUTHORED.match(headline.text.rstrip())  # the sentence keeps its paragraph break, which '$' won't pass
    if not match:
        return []
    end = headline.start_char + match.end("authors")
    named = {id(p): p for i in range(headline.start, headline.end) if (p := by_token.get(i))}
    return [p for p in named.values() if p.mentions and headline.doc[p.mentions[0][0]].idx < end]


# 'Statement by Vice President Kamala Harris on Her Trip to France': the authors' own engagement.
_ABOUT_THEMSELVES = re.compile(r"\b(?:on|regarding|after|following)\s+(?:her|his|their|our|my)\b", re.I)


def headline_issuers(headline: str, people: list[Person], authors: list[Person]) -> list[Person]:
    """The headline's people who only issue its statement, on someone else's engagement ('Statement by Press
    Secretary Jen Psaki on the President's Travel to Spain'); none when the authors speak of their own."""
    return [] if _ABOUT_THEMSELVES.search(headline) else [p for p in people if p in authors]


def _first_person(text: str, authors: list[Person]) -> list[Person]:
    """The authors a sentence opening with 'I' (one author) or 'We' (several) speaks for."""
    found = _FIRST_PERSON.match(text) if authors and _ENCOUNTER.search(text) else None
    if not found or (found["we"] and len(authors) < 2) or (found["i"] and len(authors) != 1):
        return []
    return authors


def participants(sentence: Span, by_token: dict[int, Person], context: Context) -> list[Person]:
    people = people_in(sentence, by_token)
    text = sentence.text
    party = _DELEGATION_SUBJECT.match(text) if context.trip_party else None
    if party and (len(context.trip_party) > 1 or not party["they"]) \
            and (party["went"] or any(p not in context.trip_party for p in people)):
        return [*context.trip_party, *[p for p in people if p not in context.trip_party]]
    if speakers := _first_person(text, context.authors):
        return [*speakers, *[p for p in people if p not in speakers]]
    the_two = _THE_TWO.search(text)
    if the_two and len(context.last_group) >= 2 and (
            len(people) < 2 or the_two.start() < min((first_at(p, sentence) for p in people), default=0)):
        # 'The two men met one-on-one and then held a session joined by A, B and C'
        pair = _the_two(the_two[0].lower(), context.last_group, context.everyone)
        people = [*pair, *[p for p in people if p not in pair]]
    if not people and context.salient and _REFERS_BACK.search(text):
        return [context.salient]  # 'a tour that took the Pentagon chief to Japan': the article's protagonist
    if len(people) == 1 and context.salient and context.salient not in people and _OBJECT_PRONOUN.search(text):
        return [*people, context.salient]  # 'Singh met him at the airport': the article's protagonist
    described = _described(sentence, by_token)
    if described:
        return people if described in people else [described, *people]  # 'the Indian adviser held talks with …'
    referent = (context.last_subject if _HE_SHE_START.match(text) else None) or context.salient
    if _PRONOUN_START.match(text) and referent and referent not in people and _same_side(text, referent):
        first_person_token = next((i for i in range(sentence.start, sentence.end) if i in by_token), sentence.end)
        if first_person_token - sentence.start > 2 or not people:
            people = [referent, *people]
    return people


DESCRIBED = re.compile(r"\b[Tt]he (?:(?P<adj>[A-Z][a-z]+) )?(?P<noun>adviser|advisor|minister|secretary|president|"
                       r"prime minister|foreign minister|leader|envoy|premier|chancellor|king|emir|diplomat)\b")


# 'The Vice President met with Prime Minister Holness': a ranked title names one office, so the person an earlier
# sentence gave that title (capitalised or not; a bare 'The President' may be either side's, and is left alone).
_RANKED = re.compile(r"\b[Tt]he (?P<noun>(?i:vice|deputy|under|assistant) (?i:president|secretary|prime minister|"
                     r"minister|national security advis[eo]r))\b")


def _named_before(sentence: Span, by_token: dict[int, Person]) -> list[Person]:
    """The people named before the sentence, the nearest first (once per name token)."""
    return [p for _, p in sorted(((i, p) for i, p in by_token.items() if i < sentence.start), key=lambda item: -item[0])]


def _described(sentence: Span, by_token: dict[int, Person]) -> Person | None:
    """The person an earlier sentence named and this one describes: 'the Indian adviser' -> Ajit Doval."""
    if ranked := _RANKED.search(sentence.text):
        office = " ".join(ranked["noun"].lower().split())
        return next((p for p in _named_before(sentence, by_token) if office in (p.title or "").lower()), None)
    match = DESCRIBED.search(sentence.text)
    if not match or (match["adj"] and not country_of_word(match["adj"])):
        return None
    country = country_of_word(match["adj"]) if match["adj"] else None
    nouns = _TITLE_SYNONYMS.get(match["noun"].lower(), (match["noun"].lower().split()[-1],))
    for person in _named_before(sentence, by_token):
        title = (person.title or "").lower()
        if any(noun in title for noun in nouns) and (country is None or person.country == country):
            return person
    return None


_TITLE_SYNONYMS = {"envoy": ("envoy", "ambassador"), "diplomat": ("ambassador", "envoy", "minister", "secretary"),
                   "leader": ("president", "prime minister", "chancellor", "premier", "king", "emir")}


_DEMONYM_BEFORE_NOUN = re.compile(r"^\s*(?:\w+\s+){0,3}?[Tt]he (?:\w+ )?(?P<adj>[A-Z][a-z]+) (?:\w+ )?"
                                  r"(?:leader|minister|president|envoy|diplomat|visitor|guest)")


def _same_side(text: str, referent: Person) -> bool:
    """False when the sentence opens on someone of another nationality ('The last Brazilian leader …' is not Biden)."""
    match = _DEMONYM_BEFORE_NOUN.match(text)
    country = country_of_word(match["adj"]) if match else None
    return country is None or referent.country in (None, country)


def _the_two(phrase: str, group: list[Person], everyone: list[Person]) -> list[Person]:
    """Whom 'the two presidents' or 'the leaders' means among the people of the last encounter (or, when it names
    fewer than two with that title, among everyone in the article)."""
    noun = next((n for n in ("president", "prime minister", "foreign minister", "minister") if n in phrase), None)
    titled = [p for p in group if p.title and (noun is None or noun in p.title.lower())]
    if noun and not titled:  # the last encounter had no one of that rank: the article's two, if it has just two
        named = [p for p in everyone if p.title and p.title.lower().endswith(noun)
                 and not re.search(r"\b(?:vice|deputy|former)\b", p.title.lower())]
        titled = named if len(named) == 2 else titled
    chosen = titled if len(titled) >= 2 else group
    return chosen[:2] if re.search(r"\b(?:two|both)\b", phrase) else chosen


def subject(sentence: Span, by_token: dict[int, Person], people: list[Person]) -> Person | None:
    """The person the sentence is about: the first named before its first verb, or the referent of a leading "he"/"she"."""
    for token in sentence:
        if token.tag_.startswith("VB"):
            break  # the subject is a person named before the first verb
        if token.i in by_token:
            owner = by_token[token.i]
            doc = sentence.doc
            if token.i + 1 < sentence.end and doc[token.i + 1].text in ("'s", "’s") \
                    and _owns_titled_name(doc, token.i + 2, owner, by_token):
                continue  # 'President Biden's National Security Advisor Jake Sullivan traveled': Sullivan
            if by_token.get(token.i + 1) is owner:
                continue  # the subject is read at its mention's last word, where the possessive shows
            return owner
    if _HE_SHE_START.match(sentence.text) and people and not mention_chars(people[0], sentence):
        return people[0]  # the referent participants put first
    return None


def person_named(word: str, people: list[Person]) -> Person | None:
    return next((p for p in people if word.lower() in p.name.lower().split()), None)
