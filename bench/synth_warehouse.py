"""Build a synthetic warehouse with realistic skew (a few countries and officials dominate), for benchmarks.

    .venv/bin/python bench/synth_warehouse.py --engagements 1000000 --out bench/out/synth-1m.duckdb

Everything is generated inside DuckDB (no rows pass through Python). Prints JSON with the build time and sizes.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import duckdb

from etl.warehouse.connection import STORAGE_VERSION, ensure_schema
from etl.warehouse.checks import record_checks, run_checks
from etl.warehouse.marts import rebuild_marts

# Power-law draws: floor(n * random() ^ SKEW) favours low ids, so id 0..few dominate as in real event data.
SYNTH_SQL = """
select setseed(0.42);
create temp table synth_countries as
    select row_number() over () - 1 as n, alpha3
    from (select distinct country_iso3 as alpha3 from (values {countries}) t(country_iso3));
create temp table synth_officials as
    select o.n, 'syn-' || o.n as official_id, 'Official ' || o.n as name, c.alpha3 as country_iso3, o.seniority
    from (select i as n, floor(pow(random(), 3) * {n_countries})::int as c, 1 + floor(random() * 6)::int as seniority
          from range({officials}) r(i)) o
    join synth_countries c on c.n = o.c;
insert into store.official select official_id, name, country_iso3 from synth_officials;
insert into store.official_alias select official_id, name from synth_officials;
insert into store.initiative select 'init-' || i, 'Initiative ' || i, null from range({initiatives}) r(i);
create temp table synth_engagements as
    select e.*, c.alpha3 as country_iso3
    from (select i as n, 'e' || i as engagement_id,
                 (['visit','visit','visit','visit','visit','meeting','meeting','meeting','call','summit','dialogue'])[1 + floor(random() * 11)::int] as kind,
                 case when random() < 0.05 then 'planned' else 'held' end as status,
                 (date '2025-12-31' - floor(pow(random(), 2) * 27000)::int) as start_date,
                 floor(pow(random(), 3) * {officials})::int as a,
                 floor(pow(random(), 3) * {officials})::int as b,
                 floor(pow(random(), 3) * {n_countries})::int as c
          from range({engagements}) r(i)) e
    join synth_countries c on c.n = e.c;
insert into store.engagement
    select engagement_id, kind, status, start_date, start_date + floor(random() * 3)::int, 'day',
           'City ' || (n % 500), country_iso3, kind || ' ' || n, 'synthetic engagement ' || n, 'syn', 1.0
    from synth_engagements;
insert or ignore into store.participant
    select e.engagement_id, o.official_id, o.name, 'Minister', o.country_iso3, 'visitor', o.seniority
    from synth_engagements e join synth_officials o on o.n = e.a;
insert or ignore into store.participant
    select e.engagement_id, o.official_id, o.name, 'Minister', o.country_iso3, 'host', o.seniority
    from synth_engagements e join synth_officials o on o.n = e.b
    where e.kind <> 'visit' and e.a <> e.b;
insert into store.source
    select 's' || n, (['gdelt','gdelt','articles','hsg-travels','table'])[1 + (n % 5)], 'https://example.org/' || n,
           'synth#' || n, 'Source ' || n, start_date, now()::timestamp, 'synthetic', null
    from synth_engagements;
insert into store.engagement_source select engagement_id, 's' || n, 'Evidence sentence ' || n, 'synthetic', 0.9
    from synth_engagements;
insert or ignore into store.engagement_initiative
    select engagement_id, 'init-' || floor(pow(random(), 2) * {initiatives})::int, 'Evidence ' || n
    from synth_engagements where random() < 0.1;
insert or ignore into store.engagement_topic
    select engagement_id, (['trade','defence','energy','technology','climate'])[1 + (n % 5)]
    from synth_engagements where random() < 0.2;
"""


def build(out: Path, engagements: int, storage_version: str = STORAGE_VERSION) -> dict:
    """Write a synthetic warehouse of the given size; returns what was built."""
    import pycountry

    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    codes = [c.alpha_3 for c in pycountry.countries]
    started = time.perf_counter()
    with duckdb.connect(str(out), config={"storage_compatibility_version": storage_version}) as con:
        ensure_schema(con)
        sql = SYNTH_SQL.format(
            countries=", ".join(f"('{code}')" for code in codes), n_countries=len(codes),
            officials=max(1000, engagements // 50), initiatives=300, engagements=engagements)
        con.execute(sql)
        rebuild_marts(con)
        record_checks(con, run_checks(con))  # as a publish does: the Data page shows them
        counts = dict(con.execute("select 'engagements', count(*) from store.engagement union all "
                                  "select 'participants', count(*) from store.participant union all "
                                  "select 'officials', count(*) from store.official").fetchall())
        con.execute("checkpoint")
    return {"path": str(out), "storage_version": storage_version, "seconds": round(time.perf_counter() - started, 1),
            "size_mb": round(out.stat().st_size / 2**20, 1), **counts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engagements", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("bench/out/synth-1m.duckdb"))
    parser.add_argument("--storage-version", default=STORAGE_VERSION,
                        help="DuckDB storage format to write (Parley's default, or e.g. 'latest' to compare)")
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.engagements, args.storage_version), indent=1))


if __name__ == "__main__":
    main()
