-- encounters counted per pair of officials over all time: the network of who met whom when no filter is chosen
select official_a, official_b, count(*)::bigint as engagements
from store.encounter_mart
group by all
