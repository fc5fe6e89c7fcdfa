select country_iso3, official_a, official_b, engagements
from store.encounter_by_country_total_rollup
