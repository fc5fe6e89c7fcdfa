"""The warehouse's views as models with contracts, in the way of dbt: `models/<view>.sql` is the view's query and
`models/<view>.yml` its contract (a description, each column's type and description, and tests). Every publish
creates the views from the models and checks each contract: the view has exactly the contracted columns and types,
and every test finds no offending row."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import duckdb
import yaml

# Column tests, as in dbt; a model's own tests are SQL conditions every row meets.
COLUMN_TESTS = ("not_null", "unique", "accepted_values", "relationships")
MODEL_TESTS = ("expression_is_true",)
# The order docs/warehouse.md and exports list the views in; a view not named here follows, by name.
ORDER = ("engagements", "participants", "officials", "initiatives", "engagement_initiatives", "engagement_parties",
         "coded_events", "engagement_topics", "sources", "engagement_sources", "engagement_countries", "country_pairs",
         "encounters", "engagement_rollup", "country_rollup", "pair_rollup", "official_rollup", "initiative_rollup",
         "engagement_month_rollup", "country_month_rollup", "pair_month_rollup", "official_month_rollup",
         "initiative_month_rollup", "engagement_total_rollup", "country_total_rollup", "pair_total_rollup",
         "official_total_rollup", "initiative_total_rollup", "encounter_total_rollup", "initiative_country_total_rollup",
         "initiative_official_total_rollup", "pair_by_country_total_rollup", "official_by_country_total_rollup",
         "initiative_by_country_total_rollup", "encounter_by_country_total_rollup",
         "initiative_official_by_country_total_rollup", "initiative_country_by_country_total_rollup", "countries", "etl_runs",
         "rejects", "input_files")
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


class ContractError(ValueError):
    """A model file that cannot be read as a contract: the file and what is wrong with it."""


@dataclass(frozen=True)
class Column:
    """One contracted column: its name, DuckDB type, meaning and tests."""

    name: str
    type: str
    description: str
    tests: tuple = ()


@dataclass(frozen=True)
class Model:
    """One view: its query and its contract."""

    name: str
    sql: str
    description: str
    columns: tuple[Column, ...]
    tests: tuple = field(default=())


def _identifier(value: object, where: str) -> str:
    if not isinstance(value, str) or not _IDENTIFIER.match(value):
        raise ContractError(f"{where}: {value!r} is not a lower-case SQL name")
    return value


def _test(test: object, where: str, known: tuple[str, ...]) -> object:
    """A test as the contract writes it ('unique', or {'accepted_values': [...]}), checked for its shape."""
    name = test if isinstance(test, str) else next(iter(test), None) if isinstance(test, dict) and len(test) == 1 else None
    if name not in known:
        raise ContractError(f"{where}: unknown test {test!r} (known: {', '.join(known)})")
    if name == "accepted_values" and not (isinstance(test[name], list) and test[name]):
        raise ContractError(f"{where}: accepted_values needs a list of values")
    if name == "relationships":
        spec = test[name]
        if not isinstance(spec, dict) or set(spec) - {"to", "field", "where"} or not {"to", "field"} <= set(spec):
            raise ContractError(f"{where}: relationships needs 'to' and 'field' (and optionally 'where')")
        _identifier(spec["to"], where)
        _identifier(spec["field"], where)
    if name == "expression_is_true" and not isinstance(test[name], str):
        raise ContractError(f"{where}: expression_is_true needs a SQL condition")
    return test


def _model(name: str, sql: str, contract_text: str) -> Model:
    where = f"etl/warehouse/models/{name}.yml"
    try:
        contract = yaml.safe_load(contract_text)
    except yaml.YAMLError as exc:
        raise ContractError(f"{where}: not YAML: {exc}") from None
    if not isinstance(contract, dict) or set(contract) - {"description", "columns", "tests"}:
        raise ContractError(f"{where}: a contract has description, columns and tests")
    columns = []
    for n, spec in enumerate(contract.get("columns") or [], start=1):
        if not isinstance(spec, dict) or set(spec) - {"name", "type", "description", "tests"}:
            raise ContractError(f"{where}: column {n}: a column has name, type, description and tests")
        column = _identifier(spec.get("name"), f"{where}: column {n}")
        tests = tuple(_test(t, f"{where}: column {column}", COLUMN_TESTS) for t in spec.get("tests") or ())
        columns.append(Column(column, str(spec.get("type") or ""), str(spec.get("description") or "").strip(), tests))
    if not columns:
        raise ContractError(f"{where}: no columns")
    tests = tuple(_test(t, where, MODEL_TESTS) for t in contract.get("tests") or ())
    return Model(name, sql.strip(), str(contract.get("description") or "").strip(), tuple(columns), tests)


@lru_cache(maxsize=1)
def models() -> dict[str, Model]:
    """Every view model shipped with Parley, by name, in ORDER."""
    folder = resources.files(__package__).joinpath("models")
    files = {entry.name for entry in folder.iterdir()}
    names = {f.removesuffix(".sql") for f in files if f.endswith(".sql")}
    contracts = {f.removesuffix(".yml") for f in files if f.endswith(".yml")}
    if names != contracts:
        raise ContractError(f"etl/warehouse/models: every view is one .sql and one .yml; unpaired: "
                            f"{', '.join(sorted(names ^ contracts))}")
    ordered = [n for n in ORDER if n in names] + sorted(names - set(ORDER))
    return {n: _model(_identifier(n, "etl/warehouse/models"), folder.joinpath(f"{n}.sql").read_text("utf-8"),
                      folder.joinpath(f"{n}.yml").read_text("utf-8")) for n in ordered}


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every view from its model."""
    for model in models().values():
        con.execute(f"create or replace view {model.name} as\n{model.sql}")  # names checked as identifiers


def _column_mismatches(con: duckdb.DuckDBPyConnection, model: Model) -> list[str]:
    """How the view's columns differ from its contract: missing, extra, or of another type."""
    actual = {name: kind.lower() for name, kind in con.execute(
        "select column_name, data_type from duckdb_columns() where database_name = current_database() "
        "and schema_name = 'main' and table_name = ? "
        "order by column_index", [model.name]).fetchall()}
    wanted = {c.name: c.type.lower() for c in model.columns}
    problems = [f"no column {c}" for c in wanted if c not in actual]
    problems += [f"uncontracted column {c}" for c in actual if c not in wanted]
    problems += [f"{c} is {actual[c]}, not {t}" for c, t in wanted.items() if c in actual and actual[c] != t]
    return problems


def _test_sql(model: Model, column: str | None, test: object,
              keys: dict[tuple, str] | None = None) -> tuple[str, str, list]:
    """(check name, SQL counting offending rows, parameters) of one test; relationships read their target's keys
    from the temp table `keys` names for it, where given."""
    name = test if isinstance(test, str) else next(iter(test))
    view = model.name
    if name == "not_null":
        return f"{view}.{column} is never null", f"select count(*) from {view} where {column} is null", []
    if name == "unique":
        return f"{view}.{column} is unique", f"select count({column}) - count(distinct {column}) from {view}", []
    if name == "accepted_values":
        values = test[name]
        return (f"{view}.{column} is one of {', '.join(map(str, values))}",
                f"select count(*) from {view} where {column} is not null and not list_contains(?, {column})", [values])
    if name == "relationships":
        spec = test[name]
        label = f"{spec['to']}.{spec['field']}" + (f" where {spec['where']}" if spec.get("where") else "")
        target = (keys or {}).get(_target(spec)) or f"({_target_sql(spec)})"
        # an anti join: half the time of 'not in' over a million rows, and no null-list semantics to reason about
        return (f"{view}.{column} refers to {label}",
                f"select count(*) from {view} v anti join {target} t on v.{column} = t.{spec['field']} "
                f"where v.{column} is not null", [])
    condition = test[name]
    return f"{view}: {condition}", f"select count(*) from {view} where not ({condition})", []


def _target(spec: dict) -> tuple:
    return spec["to"], spec["field"], spec.get("where")


def _target_sql(spec: dict) -> str:
    return f"select {spec['field']} from {spec['to']}" + (f" where {spec['where']}" if spec.get("where") else "")


def _key_tables(con: duckdb.DuckDBPyConnection) -> dict[tuple, str]:
    """The keys every relationships test refers to, each read once into a temp table: nine tests refer to
    `engagements`, a view that joins two tables, which is then read once instead of once a test."""
    specs = {_target(t["relationships"]): t["relationships"] for m in models().values() for c in m.columns
             for t in c.tests if isinstance(t, dict) and "relationships" in t}
    tables = {}
    for i, (target, spec) in enumerate(specs.items()):
        tables[target] = f"parley_contract_keys_{i}"
        con.execute(f"create or replace temp table {tables[target]} as select distinct * from ({_target_sql(spec)})")
    return tables


def contract_checks(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    """(check, offending rows) for every model: its columns as contracted, then each test; 0 passes."""
    found = []
    keys = _key_tables(con)
    for model in models().values():
        mismatches = _column_mismatches(con, model)
        found.append((f"{model.name}: columns as contracted" + (f" ({'; '.join(mismatches)})" if mismatches else ""),
                      len(mismatches)))
        if mismatches:
            continue  # its tests may name the missing columns
        tests = [(c.name, t) for c in model.columns for t in c.tests] + [(None, t) for t in model.tests]
        for column, test in tests:
            check, sql, params = _test_sql(model, column, test, keys)
            found.append((check, con.execute(sql, params).fetchone()[0]))
    for table in keys.values():
        con.execute(f"drop table {table}")
    return found
