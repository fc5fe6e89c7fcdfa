select p.engagement_id, p.country_a, p.country_b, p.start_date, a.country_name as country_a_name,
       b.country_name as country_b_name
from store.country_pair_mart p
left join store.country a on a.country_iso3 = p.country_a
left join store.country b on b.country_iso3 = p.country_b
