"""The extractor's rules for a government welcoming a guest: 'will welcome X to the White House', 'is honored to
welcome X to Washington', a meeting on the margins of a body with a fixed seat, each on a text written for the rule
(not taken from the labelled releases)."""
from __future__ import annotations

import pytest

from tests.extraction_cases import release as _release, visitors as _visitors

pytestmark = pytest.mark.xdist_group("spacy")  # one model load per worker


def _kinds(events, status: str) -> list[tuple[str, str | None]]:
    return sorted((e.kind, e.country) for e in events if e.status == status)


@pytest.mark.parametrize("sentence, kinds", [
    ("President Biden will welcome President Gabriel Boric of Chile to the White House.", ["meeting"]),
    ("The leaders welcome Chile’s decision to join the partnership.", []),  # a decision, not a guest
    ("We welcome the progress made since last year.", []),
])
def test_welcome_before_a_guest_is_a_meeting(sentence, kinds):
    from etl.extract.triggers import kinds_in

    assert kinds_in(sentence) == kinds


def test_a_guest_welcomed_to_the_white_house_on_a_later_day_is_a_planned_meeting_and_visit():
    events = _release("On Thursday, June 2, President Biden will welcome President Gabriel Boric of Chile to the "
                      "White House. The leaders will discuss migration.", published="2022-05-25")
    assert _kinds(events, "planned") == [("meeting", "USA"), ("visit", "USA")]
    (visit,) = [e for e in events if e.kind == "visit"]
    assert [p.name for p in visit.participants] == ["Gabriel Boric"] and visit.date.iso_start() == "2022-06-02"


def test_honored_to_welcome_is_a_welcome_now_and_its_purpose_no_plan():
    events = _release("President Joseph R. Biden, Jr. is honored to welcome President Gabriel Boric of Chile to "
                      "Washington to open a new chapter in our partnership.", published="2022-06-02")
    assert _kinds(events, "held") == [("meeting", "USA"), ("visit", "USA")]
    assert _visitors(events) == {("Gabriel Boric", "USA")}


def test_pleased_to_welcome_with_future_words_stays_a_plan():
    events = _release("The President is pleased to welcome President Gabriel Boric of Chile to the White House next "
                      "week.", published="2022-05-25")
    assert _kinds(events, "held") == []


def test_a_guest_welcomed_with_no_place_was_welcomed_in_the_hosts_country():
    events = _release("President Joseph R. Biden is honored to welcome Prime Minister Mark Rutte of the Netherlands "
                      "for his first visit to the new Administration.", published="2022-06-02")
    assert _visitors(events) == {("Mark Rutte", "USA")}


def test_the_margins_of_the_general_assembly_are_in_new_york():
    events = _release("President Biden met today with Prime Minister Mark Rutte of the Netherlands on the margins of "
                      "the United Nations General Assembly.", published="2022-09-21")
    (meeting,) = [e for e in events if e.kind == "meeting"]
    assert meeting.country == "USA" and _visitors(events) == {("Mark Rutte", "USA")}


def test_a_documents_date_is_not_the_meetings():
    events = _release("President Biden and Prime Minister Rutte met today. President Biden and Prime Minister Rutte "
                      "endorsed the March 2021 Joint Statement of the Security Consultative Committee.",
                      published="2022-06-02")
    assert {e.date.iso_start() for e in events if e.kind == "meeting"} == {"2022-06-02"}


def test_the_rest_of_a_titled_name_the_ner_read_as_places_is_the_name():
    events = _release("President Biden met with President Andry Nirina Rajoelina of Madagascar and President Julius "
                      "Maada Bio of Sierra Leone.", published="2022-12-15")
    names = {p.name for e in events for p in e.participants}
    assert "Andry Nirina Rajoelina" in names and "Andry" not in names
