"""Dashboard speed on a (synthetic) warehouse: each page's queries through the dashboard vs straight DuckDB (best of three),
page render times (AppTest, p50/p95, cold caches), the same run's plain aggregate (engagements by month and kind)
and each page's SQL time as a multiple of it, and the process's peak memory. Prints JSON.

    .venv/bin/python bench/synth_warehouse.py --engagements 1000000 --out bench/out/synth-1m.duckdb
    .venv/bin/python bench/dashboard_bench.py --db bench/out/synth-1m.duckdb --runs 5 [--country USA]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The yardstick: the plainest aggregate a page could ask for, run straight in DuckDB in the same process.
PLAIN_AGGREGATE = "select date_trunc('month', start_date) as month, kind, count(*) from engagements group by all"
PAGES = ["overview", "countries", "officials", "initiatives", "engagements", "sql", "data"]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _query_name(sql: str) -> str:
    """The name of the dashboard query a statement ends with (its page query), from dashboard/sql/*.sql."""
    from dashboard.queries import ROLLUP_SQL, SQL

    for source, named in (("rollups", ROLLUP_SQL), ("detail", SQL)):
        for name, body in named.items():
            if sql.rstrip().endswith(body.rstrip()):
                return f"{name} ({source})"
    return sql[:40]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--country", help="render every page with this one country chosen in the sidebar")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=PAGES, help="the pages to render (all by default)")
    parser.add_argument("--slowest", type=int, default=3,
                        help="name each page's N slowest queries with their time straight in DuckDB")
    args = parser.parse_args()
    os.environ["PARLEY_DB"] = str(args.db.resolve())
    os.environ["PARLEY_CONFIG"] = str(args.db.resolve()) + ".no-config.toml"
    os.chdir(ROOT)

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from dashboard import db
    from etl.warehouse.safe_sql import connect_read_only

    recorded: list[tuple[str, dict, float]] = []
    real_query = db.query

    def timed_query(sql, params=None):
        started = time.perf_counter()
        result = real_query(sql, params)
        recorded.append((sql, dict(params or {}), time.perf_counter() - started))
        return result

    db.query = timed_query
    report = {"warehouse": str(args.db), "machine": f"{platform.machine()} {os.cpu_count()} cores",
              "country_filter": args.country, "pages": {}}
    direct = connect_read_only(args.db)
    plain = []
    for _ in range(5):
        started = time.perf_counter()
        direct.execute(PLAIN_AGGREGATE).fetchall()
        plain.append(time.perf_counter() - started)
    report["plain_aggregate_s"] = round(min(plain), 4)
    # One untimed run first: module imports happen once per server process, not on every page render.
    AppTest.from_file(str(ROOT / "dashboard" / "pages" / "overview.py"), default_timeout=120).run()
    for page in args.pages:
        renders, query_sets = [], []
        for _ in range(args.runs):
            st.cache_data.clear()
            recorded.clear()
            app = AppTest.from_file(str(ROOT / "dashboard" / "pages" / f"{page}.py"), default_timeout=120)
            if args.country:
                app.query_params["country"] = args.country
            started = time.perf_counter()
            app.run()
            renders.append(time.perf_counter() - started)
            if app.exception:
                raise SystemExit(f"{page}: {app.exception[0].value}")
            query_sets.append(list(recorded))
        queries = query_sets[-1]
        via_dashboard = sum(t for *_, t in queries)
        timed = []
        for sql, params, _ in queries:
            runs = []
            for _ in range(3):  # the best of three, as the plain aggregate is the best of five
                started = time.perf_counter()
                direct.execute(sql, params).fetchall()
                runs.append(time.perf_counter() - started)
            timed.append((min(runs), _query_name(sql)))
        straight = sum(t for t, _ in timed)
        report["pages"][page] = {
            "render_p50_s": round(statistics.median(renders), 3), "render_p95_s": round(_percentile(renders, 0.95), 3),
            "queries": len(queries), "queries_via_dashboard_s": round(via_dashboard, 3),
            "queries_direct_duckdb_s": round(straight, 3),
            "ratio": round(via_dashboard / straight, 2) if straight else None,
            "sql_over_plain_aggregate": round(straight / report["plain_aggregate_s"], 1) if queries else None,
            "slowest_queries_s": [[name, round(t, 3)] for t, name in sorted(timed, reverse=True)[:args.slowest]],
        }
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
