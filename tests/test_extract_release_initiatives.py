"""The initiative names of real government releases: the failure classes seen on them, each on a phrase written
for the rule (not taken from the labelled releases)."""
from __future__ import annotations

import pytest

from etl.extract.initiatives import find_initiatives


def test_relationship_labels_are_not_initiatives_but_named_consensus_documents_are():
    assert find_initiatives("They discussed the United States-Mongolia Strategic Partnership.") == []
    assert find_initiatives("Biden underscored the U.S.-Indonesia Strategic Partnership.") == []
    assert find_initiatives("They backed the ASEAN Five Point Consensus.") == ["ASEAN Five Point Consensus"]


@pytest.mark.parametrize("sentence, expected", [
    ("The leaders affirmed the strength of the U.S.-Japan Alliance, the cornerstone of peace.", []),  # a relationship
    ("He looks forward to strengthening the U.S.-Philippine Alliance.", []),
    ("They launched the Global Alliance for Vaccines and Immunization.", ["Global Alliance for Vaccines and Immunization"]),
    ("She reaffirmed our ironclad commitment to NATO’s Article 5.", ["NATO"]),  # a grouping's possessive names it
    ("He praised Italy's Mattei Plan for Africa.", ["Mattei Plan for Africa"]),  # a country's possessive does not
])
def test_alliances_and_possessives(sentence, expected):
    assert find_initiatives(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("They met at the India-Japan Energy Forum on March 11.", ["India-Japan Energy Forum"]),  # the day is no part
    ("He praised the Plan for Africa on Monday.", ["Plan for Africa"]),
    ("They reviewed the U.S.-China dialogue on Arms Control and Nonproliferation.",
     ["U.S.-China dialogue on Arms Control and Nonproliferation"]),  # a pair's mechanism in lower case
    ("They agreed to a U.S.-China dialogue soon.", []),  # no name of its own
])
def test_initiative_names_stop_before_days_and_pair_mechanisms_are_named(sentence, expected):
    assert find_initiatives(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("At the Partnership for Global Infrastructure and Investment (PGII) event, they spoke.",
     ["Partnership for Global Infrastructure and Investment (PGII)"]),  # no 'the' left from 'At the'
    ("United States-Japan-Korea Joint Statement on Maritime Security", []),  # the release itself
    # a task force and a platform are mechanisms; an air force is not
    ("The U.S.-Japan Task Force on Critical Minerals met to launch the Pacific Supply Platform.",
     ["U.S.-Japan Task Force on Critical Minerals", "Pacific Supply Platform"]),
    ("The Air Force and the Indian Air Force held drills.", []),
    # the parties a statement is between are no initiative
    ("Joint Statement between Canada and the European Commission on Arctic Research", []),
])
def test_initiative_phrases_lose_their_lead_words_and_releases_are_not_initiatives(sentence, expected):
    assert find_initiatives(sentence) == expected


def test_the_chair_of_a_union_names_the_union():
    assert find_initiatives("met President Felix Tshisekedi, Chair of the African Union (AU), on the margins of the "
                            "G20.") == ["African Union (AU)", "G20"]


@pytest.mark.parametrize("sentence, expected", [
    ("with support from USAID and the United States International Development Finance Corporation (DFC).",
     ["United States International Development Finance Corporation (DFC)"]),
    ("at the G20 and the Asia-Pacific Economic Cooperation (APEC)", ["G20", "Asia-Pacific Economic Cooperation (APEC)"]),
    ("the Partnership for Global Infrastructure and Investment (PGII)",
     ["Partnership for Global Infrastructure and Investment (PGII)"]),
    ("the U.S.-India Initiative on Critical and Emerging Technologies (iCET)",
     ["U.S.-India Initiative on Critical and Emerging Technologies (iCET)"]),
    ("joined by Chief Executive Officer of the Fund Ana Ortiz and U.S. Agency for International Development (USAID)",
     ["U.S. Agency for International Development (USAID)"]),
])
def test_an_acronym_after_a_list_names_the_names_it_spells(sentence, expected):
    assert find_initiatives(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Readout of President Joseph R. Biden, Jr. Meeting with President Ana Ortiz of Peru", []),
    ("convened a virtual meeting on January 26 of the U.S.-Peru Strategic Consultative Group (SCG).",
     ["U.S.-Peru Strategic Consultative Group (SCG)"]),
    ("He looked forward to visiting Hiroshima in May for the G7 Leaders’ Summit.", ["G7 Leaders’ Summit"]),
])
def test_a_date_or_a_names_suffix_does_not_start_an_initiative(sentence, expected):
    assert find_initiatives(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a capitalised name before a lower-case head word, after the grouping that leads it
    ("It is consistent with the new G7-led Clean Green initiative.", ["Clean Green Initiative"]),
    ("It reflects the Biden Administration policy on trade.", []),  # a government's own policy, no name
    ("It reflects United States policy on trade.", []),
    # negotiating formats written as numbers
    ("She attended a meeting of the C5+1 diplomatic platform.", ["C5+1"]),
    ("They discussed the P5+1 talks.", ["P5+1"]),
])
def test_lower_case_heads_and_numbered_formats(sentence, expected):
    assert find_initiatives(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("They convened leaders at the Summit of the Americas in Los Angeles.", ["Summit of the Americas"]),
    ("He thanked the U.S.-India Business Council of the U.S. Chamber of Commerce.", []),  # a body, then 'of the'
    ("Participants: Representative Susan Ruiz (D-KS-23), Congresswoman Joyce Beatty (OH-03).", []),  # districts
    ("They met the Chair of the African Union (AU).", ["African Union (AU)"]),
])
def test_of_the_complements_and_legislators_districts(sentence, expected):
    assert find_initiatives(sentence) == expected


def test_a_conference_of_the_parties_is_named_with_or_without_a_space():
    assert find_initiatives("Their climate ambitions from the COP 27 this week and COP26 last year.") == ["COP 27", "COP26"]


@pytest.mark.parametrize("sentence, expected", [
    ("It would invoke commitments under Article IV of the 1951 U.S.-Philippines Mutual Defense Treaty.",
     ["U.S.-Philippines Mutual Defense Treaty"]),  # the article and the year date the treaty; they are no part
    ("He will participate in a U.S.–EU Summit in Brussels.", ["U.S.–EU Summit"]),  # an en dash joins the pair
    ("They reviewed the 2+2 Ministerial Dialogue.", ["2+2 Ministerial Dialogue"]),
    ("It manages competition between the United States and the People’s Republic of China (PRC).", []),
])
def test_articles_years_dashes_and_countries_in_names(sentence, expected):
    assert find_initiatives(sentence) == expected


def test_a_dropped_paragraph_keeps_initiatives_named_at_a_sentences_end():
    from etl.extract.focus import focus
    text = ("Headline\n\nLead paragraph.\n\nThey invoked the 1951 U.S.-Philippines Mutual Defense Treaty. The Vice "
            "President discussed maritime issues.\n\nA further paragraph.")
    assert "U.S.-Philippines Mutual Defense Treaty." in focus(text)


def test_a_lower_case_head_word_names_only_the_last_of_two_initiatives():
    assert find_initiatives("It builds on the Lobito Corridor Partnership and the Clean Seas initiative.") == [
        "Lobito Corridor Partnership", "Clean Seas Initiative"]
    assert find_initiatives("It builds on the PGII and the Clean Seas initiative.") == ["PGII", "Clean Seas Initiative"]
    assert find_initiatives("They discussed the Neighbourhood First policy.") == ["Neighbourhood First Policy"]


@pytest.mark.parametrize("sentence, expected", [
    ("Doses will be shared through COVAX and the Quad.", ["COVAX", "Quad"]),  # a programme known by its short name
    ("The ministers of CARICOM met in Georgetown.", ["CARICOM"]),
    ("They welcomed the Indo-Pacific Strategy of the United States.", ["Indo-Pacific Strategy of the United States"]),
    ("She set out the National Cybersecurity Strategy.", ["National Cybersecurity Strategy"]),
    ("They discussed strategy and the way ahead.", []),  # a word, not a name
])
def test_short_programme_names_and_named_strategies(sentence, expected):
    assert find_initiatives(sentence) == expected
