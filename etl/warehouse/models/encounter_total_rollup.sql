select official_a, official_b, engagements
from store.encounter_total_rollup
