-- initiative_country_total_rollup once per country the engagements involve: the countries of an initiative's
-- engagements with one country (that country among them)
select ei.initiative_id, c.country_iso3 as involving, other.country_iso3,
       count(distinct ei.engagement_id)::bigint as engagements
from store.engagement_initiative ei
join store.engagement_country_mart c using (engagement_id)
join store.engagement_country_mart other using (engagement_id)
where {initiatives:ei.initiative_id}
group by all
