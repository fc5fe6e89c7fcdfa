with involved as (
    select engagement_id, country_iso3 from store.engagement_country_mart where {engagements:engagement_id}
)
select a.engagement_id, a.country_iso3 as country_a, b.country_iso3 as country_b, e.start_date
from involved a
join involved b on a.engagement_id = b.engagement_id and a.country_iso3 < b.country_iso3
join store.engagement e on e.engagement_id = a.engagement_id
