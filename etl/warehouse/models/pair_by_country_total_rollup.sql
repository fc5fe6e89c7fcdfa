select r.country_iso3, r.country_a, r.country_b, a.country_name as country_a_name, b.country_name as country_b_name,
       r.kind, r.status, r.source_kinds, r.engagements
from store.pair_by_country_total_rollup r
left join store.country a on a.country_iso3 = r.country_a
left join store.country b on b.country_iso3 = r.country_b
