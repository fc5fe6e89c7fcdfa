select es.engagement_id, c.source_id, s.kind as source_kind, s.uri, c.event_id, c.event_code, c.actor1, c.actor1_code,
       c.actor2, c.actor2_code, c.place, c.goldstein, c.num_mentions, c.num_sources, c.num_articles, c.avg_tone,
       c.publisher
from store.coded_event c
join store.source s using (source_id)
join store.engagement_source es using (source_id)
