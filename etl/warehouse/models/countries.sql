select country_iso3, country_name from store.country
