-- Page queries answered from the rollups (docs/warehouse.md: engagement_rollup, country_rollup, pair_rollup,
-- official_rollup, initiative_rollup and their monthly twins) when the sidebar filters name no official or initiative
-- (dashboard/queries.py). Each gives exactly what its namesake in queries.sql gives over `f`; a test runs both on
-- random filters. The rollup rows the filters keep: `r` engagement counts, `rc` per country, `rp` per country pair,
-- `ro` per official, `ri` per initiative. Each has a variant per scope of the country filters (dashboard/queries.py
-- picks one): `_all` with no country or pair chosen, `_one` with one country and no pair, `_many` otherwise, and
-- `_all_total` and `_one_total` when no dates are chosen either and the query needs none; a scope with no variant of
-- its own reads the next one that has (`_one_total`, `_one`, `_many`).
--
-- `_many` reads the daily rollups, as `filtered` reads engagements: a country filter keeps the rows whose engagements
-- involve any chosen country, a pair those involving both. `_all` and `_one` read the monthly rollups, which hold no
-- list of countries (an equality on a column is far cheaper than a test on a list, and a month holds far fewer rows
-- than its days): a month row is kept when the date range takes all of its engagements, and the first and last months
-- of a range that does not start or end on a month's bounds come from the daily rows instead ({edge}). `_total`
-- reads the totals over all time, far fewer rows again for countries, pairs and initiatives.

-- The conditions on a daily rollup row `r`, written once and put where a query says {kept} (the dates, kinds,
-- statuses and source kinds the sidebar keeps) and {involved} (the countries and pair), as `filtered` does for
-- engagements.
-- name: kept
($start is null or coalesce(r.end_date, r.start_date) >= $start::date)
  and ($end is null or r.start_date <= $end::date)
  and {kinds_kept}

-- name: kinds_kept
(len($kinds::varchar[]) = 0 or list_contains($kinds::varchar[], r.kind))
  and (len($statuses::varchar[]) = 0 or list_contains($statuses::varchar[], r.status))
  and (len($source_kinds::varchar[]) = 0 or len(list_intersect(r.source_kinds, $source_kinds::varchar[])) > 0)

-- name: involved
case len($countries::varchar[]) when 0 then true
     when 1 then list_contains(r.countries, ($countries::varchar[])[1])  -- three times list_has_any's speed
     else list_has_any(r.countries, $countries::varchar[]) end
  and ($pair_a is null or (list_contains(r.countries, $pair_a) and list_contains(r.countries, $pair_b)))

-- name: month_kept
-- A monthly row `r` whose engagements the date range keeps whole: its end month starts on or after
-- the range's first day, and its start month ends on or before the range's last day. With the kinds, statuses and
-- source kinds the sidebar keeps.
($start is null or r.end_month >= $start::date)
  and ($end is null or r.start_month < date_trunc('month', $end::date + 1))
  and {kinds_kept}

-- name: edge
-- A daily row `r` in a month that month_kept cannot decide: one that ends in the range's first month when the
-- range starts after that month's first day, or starts in its last month when the range ends before that month's
-- last day. Put beside the kept conditions, which decide them.
(date_trunc('month', $start::date) < $start::date
     and coalesce(r.end_date, r.start_date) < date_trunc('month', $start::date) + interval 1 month)
  or (last_day($end::date) > $end::date and r.start_date >= date_trunc('month', $end::date))

-- name: r_many
select r.start_date, r.end_date, r.kind, r.status, r.engagements
from engagement_rollup r
where {kept} and {involved}

-- name: r_all
select r.start_month as start_date, r.end_month as end_date, r.kind, r.status, r.engagements
from engagement_month_rollup r
where {month_kept}
union all
select r.start_date, r.end_date, r.kind, r.status, r.engagements
from engagement_rollup r
where {kept} and {edge}

-- name: r_one
select r.start_month as start_date, r.end_month as end_date, r.kind, r.status, r.engagements
from country_month_rollup r
where r.country_iso3 = ($countries::varchar[])[1] and {month_kept}
union all
select r.start_date, r.end_date, r.kind, r.status, r.engagements
from country_rollup r
where r.country_iso3 = ($countries::varchar[])[1] and {kept} and {edge}

-- name: rc_many
select r.country_iso3, r.country_name, r.start_date, r.kind, r.engagements
from country_rollup r
where {kept} and {involved}

-- name: rc_all
select r.country_iso3, r.country_name, r.start_month as start_date, r.kind, r.engagements
from country_month_rollup r
where {month_kept}
union all
select r.country_iso3, r.country_name, r.start_date, r.kind, r.engagements
from country_rollup r
where {kept} and {edge}

-- name: rc_one
-- one country X: X's own engagements, and each partner's engagements with X
select r.country_iso3, r.country_name, r.start_month as start_date, r.kind, r.engagements
from country_month_rollup r
where r.country_iso3 = ($countries::varchar[])[1] and {month_kept}
union all
select case when r.country_a = ($countries::varchar[])[1] then r.country_b else r.country_a end,
       case when r.country_a = ($countries::varchar[])[1] then r.country_b_name else r.country_a_name end,
       r.start_month, r.kind, r.engagements
from pair_month_rollup r
where ($countries::varchar[])[1] in (r.country_a, r.country_b) and {month_kept}
union all
select r.country_iso3, r.country_name, r.start_date, r.kind, r.engagements
from country_rollup r
where r.country_iso3 = ($countries::varchar[])[1] and {kept} and {edge}
union all
select case when r.country_a = ($countries::varchar[])[1] then r.country_b else r.country_a end,
       case when r.country_a = ($countries::varchar[])[1] then r.country_b_name else r.country_a_name end,
       r.start_date, r.kind, r.engagements
from pair_rollup r
where ($countries::varchar[])[1] in (r.country_a, r.country_b) and {kept} and {edge}

-- name: rp_many
select r.country_a, r.country_b, r.country_a_name, r.country_b_name, r.source_kinds, r.engagements
from pair_rollup r
where {kept} and {involved}

-- name: rp_all
select r.country_a, r.country_b, r.country_a_name, r.country_b_name, r.source_kinds, r.engagements
from pair_month_rollup r
where {month_kept}
union all
select r.country_a, r.country_b, r.country_a_name, r.country_b_name, r.source_kinds, r.engagements
from pair_rollup r
where {kept} and {edge}

-- name: ro_many
select r.official_id, r.seniority, r.engagements
from official_rollup r
where {kept} and {involved}

-- name: ro_all
select r.official_id, r.seniority, r.engagements
from official_month_rollup r
where {month_kept}
union all
select r.official_id, r.seniority, r.engagements
from official_rollup r
where {kept} and {edge}

-- name: ri_many
select r.initiative_id, r.start_date, r.end_date, r.engagements
from initiative_rollup r
where {kept} and {involved}

-- name: ri_all
-- a month row's first and last days stand for its days: the pages take only their min, max and month
select r.initiative_id, r.first_start as start_date, r.last_end as end_date, r.engagements
from initiative_month_rollup r
where {month_kept}
union all
select r.initiative_id, r.start_date, r.end_date, r.engagements
from initiative_rollup r
where {kept} and {edge}

-- name: r_all_total
select r.kind, r.status, r.engagements
from engagement_total_rollup r
where {kinds_kept}

-- name: r_one_total
select r.kind, r.status, r.engagements
from country_total_rollup r
where r.country_iso3 = ($countries::varchar[])[1] and {kinds_kept}

-- name: rc_all_total
select r.country_iso3, r.country_name, r.kind, r.engagements
from country_total_rollup r
where {kinds_kept}

-- name: rc_one_total
select r.country_iso3, r.country_name, r.kind, r.engagements
from country_total_rollup r
where r.country_iso3 = ($countries::varchar[])[1] and {kinds_kept}
union all
select case when r.country_a = ($countries::varchar[])[1] then r.country_b else r.country_a end,
       case when r.country_a = ($countries::varchar[])[1] then r.country_b_name else r.country_a_name end,
       r.kind, r.engagements
from pair_total_rollup r
where ($countries::varchar[])[1] in (r.country_a, r.country_b) and {kinds_kept}

-- name: rp_all_total
select r.country_a, r.country_b, r.country_a_name, r.country_b_name, r.source_kinds, r.engagements
from pair_total_rollup r
where {kinds_kept}

-- name: rp_one_total
-- the pairs among one country's engagements over all time
select r.country_a, r.country_b, r.country_a_name, r.country_b_name, r.source_kinds, r.engagements
from pair_by_country_total_rollup r
where r.country_iso3 = ($countries::varchar[])[1] and {kinds_kept}

-- name: ro_all_total
select r.official_id, r.seniority, r.engagements
from official_total_rollup r
where {kinds_kept}

-- name: ro_one_total
select r.official_id, r.seniority, r.engagements
from official_by_country_total_rollup r
where r.country_iso3 = ($countries::varchar[])[1] and {kinds_kept}

-- name: ri_all_total
select r.initiative_id, r.first_start as start_date, r.last_end as end_date, r.engagements
from initiative_total_rollup r
where {kinds_kept}

-- name: ri_one_total
select r.initiative_id, r.first_start as start_date, r.last_end as end_date, r.engagements
from initiative_by_country_total_rollup r
where r.country_iso3 = ($countries::varchar[])[1] and {kinds_kept}

-- name: kpis
select (select coalesce(sum(engagements), 0) from r)::bigint as engagements,
       (select count(distinct country_iso3) from rc) as countries,
       (select count(distinct official_id) from ro) as officials,
       (select count(distinct initiative_id) from ri) as initiatives

-- name: frequency
select date_trunc($grain, start_date)::date as period, kind, sum(engagements)::bigint as engagements
from r
where start_date is not null
group by all
order by period, kind

-- name: country_counts
select country_iso3, country_name, sum(engagements)::bigint as engagements
from rc
group by all
order by engagements desc, country_iso3

-- name: countries_over_time
select date_trunc($grain, start_date)::date as period, country_iso3, sum(engagements)::bigint as engagements
from rc
where list_contains($compare::varchar[], country_iso3) and start_date is not null
group by all
order by period, country_iso3

-- name: pair_counts
select country_a, country_b, sum(engagements)::bigint as engagements
from rp
group by all
order by engagements desc, country_a, country_b
limit $limit

-- name: partners
select case when country_a = $country then country_b else country_a end as partner,
       case when country_a = $country then country_b_name else country_a_name end as partner_name,
       sum(engagements)::bigint as engagements
from rp
where $country in (country_a, country_b)
group by all
order by engagements desc, partner
limit $limit

-- name: top_officials
select c.official_id, o.name, o.country_iso3, o.usual_title, c.seniority, c.engagements
from (
    select official_id, min(seniority) as seniority, sum(engagements)::bigint as engagements
    from ro
    where $max_seniority is null or seniority <= $max_seniority
    group by official_id
    order by engagements desc, official_id
    limit $limit
) c
join officials o using (official_id)
order by c.engagements desc, o.name

-- name: initiative_mentions
with top as (
    select initiative_id from ri where start_date is not null
    group by all order by sum(engagements) desc, initiative_id limit $top
)
select date_trunc($grain, m.start_date)::date as period, i.name, sum(m.engagements)::bigint as engagements
from ri m
join top using (initiative_id)
join initiatives i using (initiative_id)
where m.start_date is not null
group by all
order by period, i.name

-- name: initiative_table
select i.initiative_id, i.name, i.acronym, min(m.start_date) as first_seen, max(m.end_date) as last_seen,
       sum(m.engagements)::bigint as engagements, i.aliases
from ri m
join initiatives i using (initiative_id)
group by all
order by engagements desc, i.name

-- name: partners_by_source
with mine as (
    select case when country_a = $country then country_b else country_a end as partner,
           case when country_a = $country then country_b_name else country_a_name end as partner_name,
           source_kinds, engagements
    from rp
    where $country in (country_a, country_b)
), top as (
    select partner from mine group by partner order by sum(engagements) desc, partner limit $limit
), reported as (
    select partner, partner_name, unnest(source_kinds) as source_kind, engagements
    from mine
    where partner in (select partner from top)
)
select partner, partner_name, source_kind, sum(engagements)::bigint as engagements
from reported
group by all
order by partner, source_kind

-- name: since
-- The day the latest $limit engagements of one official or initiative under the filters begin on, over its rollup
-- rows `r` (official_since, initiative_since): the day of the $limit-th when it has that many dated ones, else the
-- day of its first when it has no undated one (which the detail rows would list last), else null. The detail rows
-- are then read from that day on: the last few row groups of engagements, which are sorted by start day.
select case when max(running) filter (where start_date is not null) >= $limit
                 then max(start_date) filter (where running >= $limit and start_date is not null)
            when count(*) filter (where start_date is null) > 0 then null
            else min(start_date) end as since
from (
    select start_date,
           sum(sum(engagements)) over (order by start_date desc nulls last rows unbounded preceding) as running
    from r
    group by start_date
)

-- name: official_since
-- An official in two roles counts once here and twice in the timeline, so the day is never too late.
select r.start_date, r.engagements
from official_rollup r
where r.official_id = $official_id and {kept} and {involved}

-- name: initiative_since
select r.start_date, r.engagements
from initiative_rollup r
where r.initiative_id = $initiative_id and {kept} and {involved}

-- name: network_edges_total
-- network_edges when no filter at all is chosen: the pairs of officials counted over all time
select official_a as source, official_b as target, engagements as weight
from encounter_total_rollup
order by weight desc, source, target
limit $limit

-- name: network_edges_one_total
-- network_edges when one country and nothing else is chosen
select official_a as source, official_b as target, engagements as weight
from encounter_by_country_total_rollup
where country_iso3 = ($countries::varchar[])[1]
order by weight desc, source, target
limit $limit

-- name: initiative_countries_total
select country_iso3, engagements, country_name as country
from initiative_country_total_rollup
where initiative_id = $initiative_id
order by engagements desc, country_iso3

-- name: initiative_officials_total
select o.name, o.country_iso3, r.engagements
from initiative_official_total_rollup r
join officials o using (official_id)
where r.initiative_id = $initiative_id
order by r.engagements desc, o.name, o.country_iso3, o.official_id
limit $limit

-- name: initiative_countries_one_total
-- initiative_countries when one country and nothing else is chosen
select country_iso3, engagements, country_name as country
from initiative_country_by_country_total_rollup
where initiative_id = $initiative_id and involving = ($countries::varchar[])[1]
order by engagements desc, country_iso3

-- name: initiative_officials_one_total
-- initiative_officials when one country and nothing else is chosen
select o.name, o.country_iso3, r.engagements
from initiative_official_by_country_total_rollup r
join officials o using (official_id)
where r.initiative_id = $initiative_id and r.country_iso3 = ($countries::varchar[])[1]
order by r.engagements desc, o.name, o.country_iso3, o.official_id
limit $limit
