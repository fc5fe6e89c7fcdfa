-- each initiative's engagements counted per official taking part, over all time
select ei.initiative_id, p.official_id, count(distinct ei.engagement_id)::bigint as engagements
from store.engagement_initiative ei
join store.participant p using (engagement_id)
where {initiatives:ei.initiative_id}
group by all
