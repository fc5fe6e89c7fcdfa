-- pair_total_rollup once per country the engagements involve: the pairs among one country's engagements (a pair
-- not of that country among them too), which a page reads with that one country chosen and no dates
select u.country_iso3, r.country_a, r.country_b, r.kind, r.status, r.source_kinds,
       sum(r.engagements)::bigint as engagements
from store.pair_rollup r, unnest(r.countries) as u(country_iso3)
where {keys:r}  -- a load recounts the keys it touched: DuckDB would unnest every row first
group by all
