select country_a, country_b, start_date, end_date, kind, status, source_kinds, countries, engagements
from store.pair_rollup
