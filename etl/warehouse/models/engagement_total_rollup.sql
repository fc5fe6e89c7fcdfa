select kind, status, source_kinds, engagements
from store.engagement_total_rollup
