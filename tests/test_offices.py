"""Who held which office when: lookups at a date, and the table rebuilt from ../shared/data byte for byte."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.resolve.build_offices import build, write
from etl.resolve.offices import Holder, Offices, offices
from tests.conftest import SHARED_DATA

D = dt.date


@pytest.mark.parametrize("name, title, day, country, expected", [
    ("Blinken", "Secretary", D(2022, 3, 1), None, ("Antony John Blinken", "Secretary of State", "USA")),
    ("Blinken", "Deputy Secretary", D(2016, 3, 1), None, ("Antony John Blinken", "Deputy Secretary of State", "USA")),
    ("Blinken", "Secretary", D(2016, 3, 1), None, None),  # then Deputy Secretary: a plain 'Secretary' is not him
    ("Blinken", None, None, None, None),  # no date: no answer
    ("Biden", "President", D(2022, 3, 1), None, ("Joseph R. Biden", "President", "USA")),
    ("Modi", "Prime Minister", D(2022, 3, 1), None, ("Narendra Modi", "Prime Minister", "IND")),
    ("Modi", "Prime Minister", D(2022, 3, 1), "PAK", None),  # the text's country wins
    ("Kerry", "Secretary", D(2014, 6, 1), None, ("John Forbes Kerry", "Secretary of State", "USA")),
])
def test_holder_at_a_date(name, title, day, country, expected):
    holder = offices().holder(name, title, day, country)
    assert (holder and (holder.name, holder.office, holder.country)) == (expected or None)


def test_two_people_who_fit_are_no_answer():
    table = Offices([Holder("Alan John Blinken", "Ambassador", "USA", D(1993, 1, 1), D(1998, 1, 1), "hsg-pocom"),
                     Holder("Donald M. Blinken", "Ambassador", "USA", D(1994, 1, 1), D(1997, 1, 1), "hsg-pocom")])
    assert table.holder("Blinken", "Ambassador", D(1995, 1, 1)) is None
    assert table.holder("Alan Blinken", "Ambassador", D(1995, 1, 1)).name == "Alan John Blinken"


def test_a_sighting_holds_a_year_either_side():
    table = Offices([Holder("Narendra Modi", "Prime Minister", "IND", D(2021, 2, 8), D(2021, 2, 8), "wh-briefings")])
    assert table.holder("Modi", "Prime Minister", D(2022, 1, 1)) is not None
    assert table.holder("Modi", "Prime Minister", D(2023, 6, 1)) is None


@pytest.mark.skipif(not (SHARED_DATA / "hsg-pocom").exists(), reason="../shared/data is not beside the checkout")
def test_make_offices_reproduces_the_committed_table(tmp_path: Path):
    out = tmp_path / "offices.tsv"
    write(build(SHARED_DATA), out)
    committed = Path(__file__).resolve().parent.parent / "etl" / "resolve" / "offices.tsv"
    assert out.read_bytes() == committed.read_bytes()
