-- Who met whom: one row per pair of officials in a non-visit engagement (a < b), for the network and counterparts.
select a.engagement_id, a.official_id as official_a, b.official_id as official_b
from store.participant a
join store.participant b on a.engagement_id = b.engagement_id and a.official_id < b.official_id
join store.engagement e on e.engagement_id = a.engagement_id and e.kind <> 'visit'
