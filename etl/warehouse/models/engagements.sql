select m.*, pm.parent_engagement_id
from store.engagement_mart m
left join store.engagement_parent_mart pm using (engagement_id)
