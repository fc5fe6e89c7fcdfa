select * from store.official_mart
