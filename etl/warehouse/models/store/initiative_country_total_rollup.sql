-- each initiative's engagements counted per country they involve, over all time
select ei.initiative_id, c.country_iso3, count(distinct ei.engagement_id)::bigint as engagements
from store.engagement_initiative ei
join store.engagement_country_mart c using (engagement_id)
where {initiatives:ei.initiative_id}
group by all
