-- initiative_total_rollup once per country the engagements involve: the initiatives one country's engagements name
select u.country_iso3, r.initiative_id, r.kind, r.status, r.source_kinds, min(r.start_date) as first_start,
       max(r.end_date) as last_end, sum(r.engagements)::bigint as engagements
from store.initiative_rollup r, unnest(r.countries) as u(country_iso3)
where {keys:r}  -- a load recounts the keys it touched: DuckDB would unnest every row first
group by all
