select * from store.initiative_mart
