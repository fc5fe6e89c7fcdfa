select engagement_id, topic from store.engagement_topic
