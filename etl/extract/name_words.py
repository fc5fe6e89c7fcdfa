"""The words that tell a person's name from a title, an organisation, a place or a group in running text: plain
tables that etl/extract/mentions.py reads."""
from __future__ import annotations

import re

CONNECTORS = {"of", "the", "for", "and", "&"}


HONORIFICS = {"shri", "smt", "mr", "mrs", "ms", "dr", "h.e.", "sir", "sheikh", "sheikha",
              "his", "her", "majesty", "highness", "excellency", "royal"}  # 'His Majesty King Abdullah II'


# Nouns that head organisations and mechanisms, never a person's name.
ORG_NOUNS = {"dialogue", "council", "secretariat", "house", "technology", "technologies", "commerce", "affairs",
             "initiative", "ministry", "embassy", "office", "department", "government", "administration", "summit",
             "forum", "partnership", "agreement", "committee", "commission", "assembly", "organisation",
             "organization", "union", "bank", "fund", "court", "cabinet", "parliament", "party", "group",
             "bureau", "agency", "service", "institute", "directorate", "authority", "force", "forces", "army",
             # programmes, fields and institutions that press releases name in title case
             "plan", "program", "programme", "act", "system", "systems", "university", "college", "school",
             "foundation", "board", "engineering", "science", "sciences", "studies", "medal", "prize", "award",
             "professorship", "workforce", "register", "strategy", "framework", "coalition", "alliance",
             "network", "corporation", "company", "association", "society", "academy", "laboratory", "center",
             "centre", "project", "fellowship", "order", "law", "report", "review", "declaration", "charter",
             "official", "officials", "development", "finance",
             # what fact sheets' linked titles end in: 'Gender Policy', 'Neighborhood Partnerships'
             "policy", "policies", "partnerships", "access", "support", "campaign", "lab", "debate",
             "infrastructure", "assistance", "servicemembers", "schools", "grant", "grants", "community",
             "communities", "programs", "programmes", "initiatives", "services", "solutions", "opportunity",
             "opportunities", "equity", "safety", "economy", "growth", "recovery",
             "unit", "units", "advisory",  # 'Chief of the … North America Unit', 'Security Advisory' (a typo)
             # what a readout discusses in title case: 'the Mutual Defense Treaty', 'the Artemis Accords', 'the
             # Keystone XL pipeline', 'the National Security Advisors welcomed', 'U.S. Navy Forces Central Command'
             "treaty", "accord", "accords", "advisors", "advisers", "pipeline", "central"}
# Regions a title's portfolio names: 'Senior Director for the Western Hemisphere', 'Special Envoy for the Horn of Africa'.
REGIONS = {"western hemisphere", "middle east", "indo-pacific", "horn of africa", "great lakes", "sahel", "arctic",
           "europe", "africa", "asia", "americas", "east asia", "south asia", "central asia", "caucasus", "balkans",
           "north africa", "southern africa", "west africa", "east africa", "pacific", "pacific islands", "caribbean",
           "latin america", "central america", "south america", "gulf", "persian gulf", "levant", "eurasia",
           "northern triangle", "western balkans", "southeast asia", "south caucasus", "sub-saharan africa"}


# Titles of those sent to a country or body: 'Ambassador to Uzbekistan', 'Representative to the United Nations'.
ACCREDITED_TITLES = {"ambassador", "envoy", "representative"}
PLURAL_TITLES = ("Ministers", "Presidents", "Secretaries", "Chancellors", "Premiers")
# Lower-case words inside a name, before the rest of it: 'Lula da Silva', 'von der Leyen', 'de la O'.
NAME_PARTICLES = ("e", "da", "de", "do", "dos", "das", "del", "la", "van", "von", "der")


# A thing's name before what it is: 'the Keystone XL pipeline', 'the Moderna vaccine'.
THING_AFTER = {"pipeline", "pipelines", "project", "projects", "vaccine", "vaccines", "facility", "plant", "corridor"}


# Gatherings named like people ('United Nations Food Systems Summit Stocktake').
EVENT_NOUNS = {"summit", "conference", "forum", "stocktake", "expo", "games", "olympics", "congress", "convention",
               "meeting", "session", "ministerial", "ministerials",  # 'the Trilateral Vice Foreign Ministerial'
               "dinner", "luncheon", "banquet", "reception"}  # 'an Official Visit and State Dinner'


# Buildings and venues, named like people ('National Palace', 'Palazzo Chigi', 'Rashtrapati Bhavan').
PLACE_NOUNS = {"palace", "palazzo", "bhavan", "hall", "building", "airport", "station", "villa", "residence",
               "centre", "center", "square", "museum", "hotel", "castle", "chateau", "kremlin", "mansion", "house",
               "airbase", "base", "port", "bridge", "memorial", "cathedral", "mosque", "temple", "stadium",
               # a region a title is of: 'President of the Iraqi Kurdistan Region Nechirvan Barzani'
               "region", "province", "territory", "oblast", "governorate", "prefecture", "emirate",
               "border", "borders"}  # 'Southern Border Coordinator General Vicente Hernandez'


NOT_NAMES = re.compile(r"^(?:the|a|an|his|her|their|twitter|x|facebook|instagram|reuters|xinhua|embassy|ministry|"
                       r"white house|kremlin|pentagon|parliament|congress|senate|january|february|march|april|may|"
                       r"june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|"
                       r"friday|saturday|sunday|states|members|republic|kingdom|federation|emirates)$",
                       re.I)  # 'EU Member States', 'the President of the French Republic'


# Nouns of groups of people that headlines capitalise ('Meeting with Bipartisan Leaders', 'with State
# Legislators'): a name never ends in one.
GROUP_NOUNS = {"leaders", "legislators", "lawmakers", "senators", "representatives", "governors", "mayors",
               "members", "officials", "advocates", "stakeholders", "executives", "experts", "delegates",
               "participants", "partners", "allies", "counterparts", "workers", "students", "farmers", "families",
               "survivors", "veterans", "citizens", "americans", "activists", "entrepreneurs", "investors",
               # bodies of people: 'Senior Administration Delegation Trip to Uzbekistan'
               "delegation", "delegations", "team", "teams",
               "people", "peoples"}  # 'Tigray People’s Liberation Front leaders'


# Words of a title's portfolio after 'for' or 'of' ('Deputy National Security Advisor for International Economics').
PORTFOLIO_WORDS = {"international", "global", "national", "economic", "economics", "political", "strategic", "public",
                   "foreign", "domestic", "regional", "affairs", "security", "policy", "development", "cooperation", "trade",
                   "energy", "climate", "health", "education", "defense", "defence", "intelligence", "communications",
                   "operations", "management", "budget", "strategy", "technology", "innovation", "infrastructure",
                   "planning", "resources", "relations", "issues", "arms", "control", "nonproliferation", "human", "rights",
                   "civilian", "democracy", "labor", "labour", "finance", "economy", "cyber", "cybersecurity", "emerging",
                   "technologies", "counterterrorism", "migration", "humanitarian", "border", "welfare", "industry",
                   "transport", "tourism", "agriculture", "environment", "justice", "change", "and", "the", "&"}
# The nouns that end a portfolio ('for Near Eastern Affairs', 'for Global Energy Security'), not its adjectives.
PORTFOLIO_HEADS = PORTFOLIO_WORDS - {"international", "global", "national", "economic", "political", "strategic",
                                     "public", "foreign", "domestic", "regional", "human", "civilian", "emerging",
                                     "humanitarian", "arms", "and", "the", "&"}


# Capitalised nouns of headlines ('Readout of Vice President Harris Call with …') that follow a name, never part of it.
HEADLINE_NOUNS = frozenset({"Call", "Calls", "Meeting", "Meetings", "Trip", "Travel", "Travels", "Visit", "Visits",
                            "Conversation", "Remarks", "Statement", "Readout", "Phone", "Bilateral", "Virtual"})
# A title-case headline's verbs ('President Biden Signs Executive Order …', 'Johnson Announce Commitment'): a name
# ends before one.
HEADLINE_VERBS = frozenset({"Announces", "Announce", "Signs", "Sign", "Outlines", "Tackles", "Reignites", "Launches",
                            "Launch", "Unveils", "Names", "Nominates", "Appoints", "Delivers", "Marks", "Celebrates",
                            "Highlights", "Urges", "Commits", "Commit", "Issues", "Releases", "Approves", "Declares",
                            "Establishes", "Expands", "Honors", "Awards", "Requests", "Proclaims", "Invests",
                            "Discusses", "Convenes", "Kicks", "Applauds", "Welcomes", "Lays", "Takes", "Leads"})
# 'Executive Order Enabling …', 'Memorandum on Unexpected Urgent Refugee …': a document's name, never a person's.
DOCUMENT_NOUNS = frozenset({"Order", "Orders", "Memorandum", "Memoranda", "Proclamation", "Proclamations"})
