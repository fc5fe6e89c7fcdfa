select distinct engagement_id, country_iso3
from (
    select engagement_id, country_iso3 from store.engagement where country_iso3 is not null
    union all
    select p.engagement_id, coalesce(p.country_iso3, o.country_iso3)
    from store.participant p join store.official o using (official_id)
    where coalesce(p.country_iso3, o.country_iso3) is not null
    union all
    select engagement_id, country_iso3 from store.engagement_party
)
