select engagement_id, official_a, official_b from store.encounter_mart
