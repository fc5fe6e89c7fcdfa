select start_month, end_month, kind, status, source_kinds, engagements
from store.engagement_month_rollup
