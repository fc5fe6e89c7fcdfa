select ei.engagement_id, ei.initiative_id, i.name, ei.evidence
from store.engagement_initiative ei
left join store.initiative i using (initiative_id)  -- left: an unknown initiative still fails the contract
