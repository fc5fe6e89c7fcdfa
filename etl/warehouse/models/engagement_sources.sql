select es.engagement_id, es.source_id, s.kind as source_kind, s.uri, s.title, s.locator, s.published_at, es.evidence,
       es.extractor, es.confidence
from store.engagement_source es
join store.source s using (source_id)
