select engagement_id, country_iso3, role, name from store.engagement_party
