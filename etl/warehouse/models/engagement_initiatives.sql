select engagement_id, initiative_id, evidence from store.engagement_initiative
