-- encounter_total_rollup once per country the engagements involve: who met whom in one country's engagements
select c.country_iso3, m.official_a, m.official_b, count(*)::bigint as engagements
from store.encounter_mart m
join store.engagement_country_mart c using (engagement_id)
group by all
