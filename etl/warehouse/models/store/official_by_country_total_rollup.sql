-- official_total_rollup once per country the engagements involve: who took part in one country's engagements
select u.country_iso3, r.official_id, r.seniority, r.kind, r.status, r.source_kinds,
       sum(r.engagements)::bigint as engagements
from store.official_rollup r, unnest(r.countries) as u(country_iso3)
where {keys:r}  -- a load recounts the keys it touched: DuckDB would unnest every row first
group by all
