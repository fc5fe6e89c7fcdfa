"""Words that signal each kind of engagement, and whether it is planned."""
from __future__ import annotations

import re

CALL = re.compile(r"\b(phone call|telephone (?:call|conversation|talks?)|(?:by|over the|on the) (?:tele)?phone|"
                  r"video (?:call|conference|link)|videoconference|phoned|dialled|dialed|spoke (?:by|over the) phone|"
                  r"met virtually|virtual(?:ly)? (?:meeting|met|convened)|"  # a video meeting is a call: nobody travels
                  r"call with|"
                  # 'Joining President Biden on the call were Prime Minister Trudeau of Canada, …'
                  r"join(?:ing|ed) (?:[\w.,’'-]+ ){1,6}?on the call)\b", re.I)
# Lowercase on purpose: a capitalised 'Dialogue' is usually an initiative's name, not the event.
DIALOGUE = re.compile(r"\b([Cc]o-?chair(?:ed|s|ing)?|dialogue|consultations|2\+2|two-plus-two|strategic talks|"
                      r"joint commission|round of talks|ministerial (?:meeting|talks|dialogue))\b")
# When or how a trip happened, between 'traveled' and 'to': 'traveled this week to', 'travelled separately to'.
TRAVEL_WHEN = r"(?: (?:this|last|next) (?:week|weekend|month)| today| yesterday| recently| separately| together)?"
# 'to meet the global goal', 'meets the needs of': meeting a target, not a person.
_MET_TARGET = (r"(?!\s+(?:(?:the|their|our|its|his|her|a|an|these|this|all|every|shared)\s+)?(?:[\w-]+\s+){0,3}?"
               r"(?:goals?|targets?|needs?|demands?|challenges?|threats?|obligations?|commitments?|standards?|deadlines?|"
               r"expectations?|requirements?|criteria|conditions|benchmarks?|objectives?|moment|pledges?)\b)")
# 'welcomed President Rivas's stated openness', 'welcome Japan's decision': what someone did or said, not them.
_NOT_WHOSE = r"(?!\s+(?:(?-i:[A-Z])[\w.-]*\s+){0,4}?(?-i:[A-Z])[\w-]*['’]s\s+(?-i:[a-z]))"
MEETING = re.compile(r"\b(met|meets?" + _MET_TARGET + r"|meeting|(?:held|for|during|in) (?:(?:his|her|their|separate|bilateral) )?meetings with|met with|held (?:[\w-]+ )?(?:talks|discussions|a meeting|delegation-level talks)|"
                     r"holds? (?:talks|discussions)|hold(?:ing)? talks|talks with|(?:talks|discussions) (?:held|between)|(?:after|following|during) (?:their |the )?talks|hosted|hosts|host|hosting|"
                     r"(?:received|receives|receiving)(?!\s+(?:(?:his|her|their|a|an|the)\s+)?(?:[\w.]+\s+){0,2}?"
                     # 'received the 2016 Charles E. Cobb, Jr. Award for …': what is received may have a long name
                     r"(?:(?-i:[A-Z0-9])[\w.,’'-]*\s+(?:(?:of|for|and|in|on)\s+)?){0,8}?"
                     r"(?:degree|ph\.?d|b\.?[as]\.?|m\.?[as]\.?|m\.?b\.?a|j\.?d|bachelor|master|doctorate|awards?|medals?|"
                     r"prizes?|honou?rs?|fellowship|grant|funding|training|diploma|certificate|letters?|reports?|support|"
                     r"star|badge|scholarship|citizenship|commission|commendation|recognition|discharge|accolades?)\b)|(?:welcomed|welcomes)" + _NOT_WHOSE +
                     r"(?!\s+(?:the|a|an|this|these|its|their|our|recent|continued|ongoing|new|further)\s+"
                     r"(?!visiting\b)(?-i:[a-z]))(?!\s+(?:progress|efforts|news|steps|plans|commitments?|cooperation|"
                     r"opportunit(?:y|ies))\b)|"
                     # 'will welcome Prime Minister Ardern to the White House', not 'welcome Japan's decision'
                     r"welcom(?:e|ing)(?=\s+(?-i:[A-Z]))" + _NOT_WHOSE + r"|greeted|called on|calls on|sat down with|lunch|dinner|"
                     r"visit(?:ed|s|ing)? with(?=\s+(?-i:[A-Z]))|"  # 'In her visit with UAE President …' (met)
                     r"breakfast|"
                     # 'a bilateral meeting', 'held a bilateral with', not 'our bilateral agenda' or 'bilateral ties'
                     r"bilateral(?:s|\s+(?:meetings?|talks|discussions?|sessions?|consultations?|conversations?)|"
                     r"(?=\s+(?:with|on|at|in)\b|\s*[,.;]))|one-on-one|jointly|joint (?:statement|press conference)|signed|"
                     r"discussed .{0,60} with|conferred|audience|welcome (?:was|were) (?:led|given|extended|accorded) by)\b", re.I)
# 'a Visiting Professor at Kyoto University', 'the most visited venue in Chicago': a title or a rank, not a trip.
_NOT_A_TRIP = (r"(?<!most )(?<!widely )(?<!frequently )(?<!least )"
               r"visit(?:s|ed|ing)?(?!\s+(?:(?:assistant|associate|senior|distinguished)\s+)?(?:professor|scholar|fellow|"
               r"lecturer|researcher|critic|faculty|committee|instructor|artist|scientist|program|programme|moms|nurses?|"
               r"hours)\b)")
VISIT = re.compile(r"\b(" + _NOT_A_TRIP + r"|trip to|tour of|(?:led|lead|leads|leading) (?:a|an|the) (?:[\w.-]+ )?delegation(?: (?:with|of|including|comprising) [^.;:]{1,160}?)? to|travel(?:l)?ed" + TRAVEL_WHEN + r" to|travels to|travel(?:ling|ing)? to|arriv(?:ed|es|ing) in|"
                   r"landed in|lands in|(?<!who )(?<!which )(?:was|were) in (?=(?-i:[A-Z])[a-z])|touched down|(?:left|leaves|leaving) for|(?:has|have|had) been to|(?:came|went|returned) to (?:the|this) (?:city|country|capital)|in .{0,30} for talks|stop of|stop in|state visit|official visit|"
                   r"working visit|chief guest)\b", re.I)
# 'spoke with' is how readouts report a call ('President Biden spoke today with Prime Minister Modi'); beside a
# meeting word it is the conversation at that meeting, so it counts only when no other kind does.
SPOKE_WITH = re.compile(r"\b[Ss]po(?:ke|ken)\s+(?:(?:today|yesterday|again|separately|this \w+|on \w+(?: \d{1,2})?|"
                        r"by (?:tele)?phone)\s+)?(?:with|to)\s+(?:(?:the\s+)?[A-Z]|(?:his|her|their) [A-Z]\w+ counterparts?\b)")
SUMMIT = re.compile(r"\b(summit|leaders'? meeting|general assembly|G-?20 meeting|G-?7 meeting|"
                    # 'convened the U.S.-led Major Economies Forum on Energy and Climate': a forum's meeting
                    r"(?-i:convened (?:the |a |an )?(?:[\w.’'-]+ ){0,4}?(?:[A-Z][\w-]* )+Forum))\b", re.I)
PLANNED = re.compile(r"\b(will|to (?:visit|meet" + _MET_TARGET + r"|hold|travel|host|attend|co-chair|make|pay|begin|undertake|embark)|is (?:scheduled|expected|due|set|slated) to|"
                     r"are (?:scheduled|expected|due|set|slated) to|plans to|planning to|plan to (?:visit|meet|travel|hold|host|attend)|"
                     r"planned|invit(?:ed|ation)|would|"
                     r"is to|are to|upcoming|later (?:this|on|in(?! the (?:day|morning|afternoon|evening)\b))|next (?:week|month|year)|"
                     r"tomorrow|"
                     r"look(?:s|ed|ing)? forward to)\b", re.I)
# 'had the opportunity to meet with' and 'was able to meet' report what happened, though they read 'to meet'.
HELD_OVERRIDE = re.compile(r"\b(had (?:been )?(?:scheduled|planned)|was (?:scheduled|expected) to .{0,40} (?:met|held)|"
                           r"(?:had|took) (?:the|an|a) (?:opportunity|chance|occasion) to|(?:was|were) able to)\b", re.I)


PATTERNS = {"call": CALL, "dialogue": DIALOGUE, "meeting": MEETING, "summit": SUMMIT, "visit": VISIT}


def trigger_words(sentence: str, kind: str) -> str:
    """The words that signalled this kind in the sentence ('met with', 'travel to'), for --explain."""
    found = PATTERNS[kind].search(sentence) or (SPOKE_WITH.search(sentence) if kind == "call" else None) \
        or (WE_TOGETHER.search(sentence) if kind == "meeting" else None)
    return found[0] if found else ""


# 'discussed the U.S.-Russia dialogue on Strategic Stability': a dialogue talked about is a subject, not the event.
_TALKED_ABOUT = re.compile(r"\b(?:discuss(?:ed|es|ing)?|review(?:ed|s|ing)?|not(?:ed|es|ing)|"
                           r"prais(?:ed|es|ing)|support(?:ed|s|ing)?|commitment to|progress (?:in|on)|the importance of)"
                           r"\s+(?:the\s+|their\s+|our\s+|a\s+)?(?:[\w.'’-]+\s+){0,3}$", re.I)


def _dialogue_held(sentence: str) -> bool:
    found = DIALOGUE.search(sentence)
    return bool(found) and not _TALKED_ABOUT.search(sentence[:found.start()])


# A headline naming its own document type: 'Joint Statement by President Biden and President von der Leyen on …' is
# a statement they issued, not a meeting (what it says may still name one: '… on the Phone Call between …').
_DOCUMENT_TYPE = re.compile(r"^\s*(?:(?:[A-Z][\w.’'-]*|and|of|the)\s+){0,6}?Joint Statement\b")


# 'We, President Biden, Prime Minister Albanese, and Prime Minister Kishida, today reaffirmed …': leaders who speak
# as one of what they did together today were together, in a meeting or on a call the rest of the text may name.
WE_TOGETHER = re.compile(r"(?:^|(?<=[.!?\n]))\s*We,\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,6}[A-Z][\w.’'-]*(?:(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?"
                         r"(?:[A-Z][\w.’'-]*\s+){1,6}[A-Z][\w.’'-]*)+,\s+(?:today|this week|on \w+ \d{1,2})\b")


def kinds_in(sentence: str) -> list[str]:
    """The engagement kinds a sentence signals: at most one kind of encounter, and 'visit'."""
    sentence = _DOCUMENT_TYPE.sub("", sentence)
    kinds = []
    if CALL.search(sentence):
        kinds.append("call")
    elif _dialogue_held(sentence):
        kinds.append("dialogue")
    elif MEETING.search(sentence):
        kinds.append("meeting")
    elif SUMMIT.search(sentence):
        kinds.append("summit")
    elif SPOKE_WITH.search(sentence):
        kinds.append("call")
    elif WE_TOGETHER.search(sentence):
        kinds.append("meeting")
    if VISIT.search(sentence):
        kinds.append("visit")
    return kinds


# 'at Lavrov's invitation', 'on the invitation of': why a trip happened, not that it is yet to happen.
# 'delivered President Biden's invitation to meet at the White House': the invitation's errand is not this one.
_INVITED_BY = re.compile(r"\b(?:at|on|upon) (?:the )?(?:[\w.'’-]+\s+){0,6}?invitation\b|"
                         r"\b(?:extended|delivered|accepted|issued|handed|conveyed)\s+(?:[\w.'’-]+\s+){0,3}?invitation\b"
                         r"(?:\s+to\s+(?:visit|meet|travel|come)\b(?:\s+(?:at|in|to)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)?)?|"
                         r"\binvitation (?:was|had been) (?:delivered|extended|handed|conveyed|accepted)\b", re.I)


def without_invitations(sentence: str) -> str:
    """The sentence without its invitations and their errands ('delivered Biden's invitation to meet at the White
    House'), which say where a later engagement is to be, not this one."""
    return _INVITED_BY.sub(" ", sentence)


# 'arrived on Tuesday for the consultations, which are due to take place on Wednesday': the arrival is not planned.
_WHICH_CLAUSE = re.compile(r",\s*(?:which|where)\b[^;]*$")
_PAST_ARRIVAL = re.compile(r"\b(?:arrived|landed|touched down|flew into|reached)\b", re.I)


# 'a call … in which he previewed upcoming plans': what was said, not when the engagement is.
_CONTENT_CLAUSE = re.compile(r"\b(?:in|during) which\b[^.;]*", re.I)
# 'spoke today with Suga to discuss the challenges the two countries will face', 'spoke today with Modi, committing
# that the two will work together': after a held verb, the agenda or what was said.
_HELD_VERB = re.compile(r"\b(?:spoke|met|talked|conferred)\b", re.I)
_AGENDA = re.compile(r"\b(?:to discuss|discussing|regarding|\w+(?:ing|ed) that)\b[^;]*$", re.I)


def first_trigger(sentence: str) -> int:
    """Where the first word signalling an engagement is; the sentence's length when none is."""
    found = [m.start() for m in (pattern.search(sentence) for pattern in (MEETING, VISIT, CALL, DIALOGUE, SUMMIT)) if m]
    return min(found, default=len(sentence))


# 'is honored to welcome President Moon to Washington to begin a new chapter': the welcome is now (a statement of the
# day), and what follows its guest and place is its purpose, not a plan.
_WELCOMES_NOW = re.compile(r"\b(?:is|are|am) (?:honou?red|pleased|delighted|proud|glad|happy|thrilled) to "
                           r"(?:welcome|host|receive)\b")
_PURPOSE = re.compile(r"\bto (?!(?:the|a|an|his|her|their|our)\b)(?-i:[a-z])")


def _without_welcome_now(main: str) -> str:
    if (welcome := _WELCOMES_NOW.search(main)) is None:
        return main
    rest = main[welcome.end():]
    purpose = _PURPOSE.search(rest)
    return main[:welcome.start()] + " " + (rest[:purpose.start()] if purpose else rest)


def is_planned(sentence: str) -> bool:
    """True when the sentence speaks of the engagement as future or announced."""
    main = _without_welcome_now(_CONTENT_CLAUSE.sub(" ", without_invitations(sentence)))
    if (held := _HELD_VERB.search(main)) and (agenda := _AGENDA.search(main, held.end())):
        main = main[:agenda.start()]
    if _PAST_ARRIVAL.search(main):
        main = _WHICH_CLAUSE.sub("", main)
    return bool(PLANNED.search(main)) and not HELD_OVERRIDE.search(sentence)
