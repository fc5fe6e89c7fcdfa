"""The views as models with contracts: every view is one .sql and one .yml, every column is described, the docs and
the SQL page's schema browser are generated from the contracts, and a broken contract fails the publish."""
from __future__ import annotations

import duckdb
import pytest

from dashboard.schema_doc import view_reference
from etl.load import load
from etl.warehouse import contract_docs
from etl.warehouse.contracts import ContractError, _model, contract_checks, models
from etl.warehouse.publish import PublishError, staged
from tests.conftest import FIXTURES


def test_every_model_and_column_is_described():
    for model in models().values():
        assert model.description, model.name
        for column in model.columns:
            assert column.description and column.type, f"{model.name}.{column.name}"


def test_every_view_in_the_warehouse_is_a_model_and_passes_its_contract(ro):
    views = {v for (v,) in ro.execute("select view_name from duckdb_views() where not internal "
                                      "and database_name = current_database() and schema_name = 'main'").fetchall()}
    assert views == set(models())
    failed = [(check, bad) for check, bad in contract_checks(ro) if bad]
    assert failed == []


def test_the_docs_reference_is_generated_from_the_contracts():
    doc = contract_docs.DOC.read_text("utf-8")
    assert contract_docs.rendered(doc) == doc, "run `make docs` after editing etl/warehouse/models/*.yml"
    assert "| `engagement_id` | varchar | Stable id" in doc


def test_the_sql_pages_schema_browser_reads_the_contracts():
    reference = view_reference()
    assert list(reference) == list(models())
    assert ("official_id", "varchar", "Stable id (`country-name-slug`).") in reference["officials"]["columns"]


@pytest.mark.parametrize("contract, message", [
    ("description: x\ncolumns:\n- name: a\n  type: varchar\n  tests: [unique_ish]\n", "unknown test 'unique_ish'"),
    ("description: x\ncolumns:\n- name: A-b\n  type: varchar\n", "is not a lower-case SQL name"),
    ("description: x\ncolumns:\n- name: a\n  tests:\n  - relationships: {to: b}\n", "relationships needs 'to' and 'field'"),
    ("description: x\ncolumns: []\n", "no columns"),
    ("description: [x\n", "not YAML"),
])
def test_a_contract_that_cannot_be_read_names_its_file_and_fault(contract, message):
    with pytest.raises(ContractError, match=message) as error:
        _model("broken", "select 1 as a", contract)
    assert "etl/warehouse/models/broken.yml" in str(error.value)


@pytest.fixture()
def published(tmp_path):
    db = tmp_path / "w.duckdb"
    with staged(db) as con:
        load(con, "hsg-travels", [FIXTURES / "hsg/obama-barack.xml"])
    return db


def _rows(db) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from participants").fetchone()[0]


def test_a_value_outside_the_contract_fails_the_publish(published):
    before = _rows(published)
    with pytest.raises(PublishError, match=r"participants.role is one of visitor, host, attendee \(1 rows\)"):
        with staged(published) as con:
            con.execute("update store.participant set role = 'spectator' where rowid = (select min(rowid) "
                        "from store.participant)")
    assert _rows(published) == before  # the live warehouse is untouched


def test_a_reference_to_nothing_fails_the_publish(published):
    with pytest.raises(PublishError, match=r"engagement_initiatives.initiative_id refers to initiatives.initiative_id "
                                           r"\(1 rows\)"):
        with staged(published) as con:
            engagement = con.execute("select min(engagement_id) from store.engagement").fetchone()[0]
            con.execute("insert into store.engagement_initiative (engagement_id, initiative_id) values (?, 'nowhere')",
                        [engagement])


def test_a_view_that_drifts_from_its_contract_fails_the_publish(published):
    with pytest.raises(PublishError, match=r"officials: columns as contracted \(no column usual_title"):
        with staged(published) as con:
            con.execute("create or replace view officials as select * exclude (usual_title) from store.official_mart")


def test_the_publish_records_every_contract_check(published):
    with duckdb.connect(str(published), read_only=True) as con:
        recorded = {name for (name,) in con.execute("select check_name from store.check_result").fetchall()}
        assert {check for check, _ in contract_checks(con)} <= recorded


def test_the_countries_view_names_every_code_the_warehouse_uses(ro):
    assert ro.execute("select country_name from countries where country_iso3 = 'IND'").fetchone() == ("India",)
    unnamed = ro.execute("select count(*) from engagement_countries where country_iso3 not in "
                         "(select country_iso3 from countries)").fetchone()[0]
    assert unnamed == 0
