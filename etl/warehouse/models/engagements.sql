select * from store.engagement_mart
