select engagement_id, country_a, country_b, start_date from store.country_pair_mart
