-- initiative_official_total_rollup once per country the engagements involve: who took part in an initiative's
-- engagements with one country
select ei.initiative_id, c.country_iso3, p.official_id, count(distinct ei.engagement_id)::bigint as engagements
from store.engagement_initiative ei
join store.participant p using (engagement_id)
join store.engagement_country_mart c using (engagement_id)
where {initiatives:ei.initiative_id}
group by all
