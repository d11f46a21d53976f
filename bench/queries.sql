-- The reads of IssueQueries as PgJDBC sends them (values in place), for bench/explain.sh.
-- Keep in step with IssueQueries.list, queue and countByStatus; QueryPlansIntegrationTest checks
-- the plans of the statements the code really sends. A search first asks issue_ids_in_messages
-- (V24) which issues have a message with the words: null for a word the statistics call common,
-- then the list walks the issues in its order ("exists"); else the ids, which it names ("any"),
-- or none ("false"). The look-ups are timed as queries of their own, below.
-- Sample values from the data, as psql variables:
select to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' as now,
       to_char((now() - interval '2 days') at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' as since \gset
select assignee as agent from issue where assignee is not null and status = 'OPEN' group by 1 order by count(*) desc limit 1 \gset
select organization_number as org from issue where organization_number is not null group by 1 order by count(*) desc limit 1 \gset
select merchant_serial_number as msn from issue where merchant_serial_number is not null order by id desc limit 1 \gset
select order_id as order_id from issue where order_id is not null order by id limit 1 \gset
select issue_key as key, id as issue_id from issue where merged_into_id is null order by id desc offset 1000 limit 1 \gset
select to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' as after_at, id as after_id
from issue order by updated_at desc, id desc offset 50 limit 1 \gset
select issue_ids_in_messages('certificate', 5000, 0.01)::text as certificate_ids,
       issue_ids_in_messages(:'order_id', 5000, 0.01)::text as order_id_ids \gset

-- name: list
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: list, second page
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and (i.updated_at, i.id) < ((:'after_at'), (:'after_id'::int8)) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: list status=OPEN
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.status in (('OPEN')) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: list status=NEEDS_INFO,PENDING
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.status in (('NEEDS_INFO'), ('PENDING')) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: list assignee (busiest)
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.assignee = (:'agent') order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: list organizationNumber (busiest)
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.organization_number = (:'org') order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: list merchantSerialNumber
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.merchant_serial_number = (:'msn') order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: list updatedSince (2 days)
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.updated_at >= (:'since') order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: list route=PSP
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and (i.route = ('PSP') or i.route_suggested = ('PSP')) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: look-up in messages q=callback
select issue_ids_in_messages('callback', 5000, 0.01);

-- name: look-up in messages q=timeout
select issue_ids_in_messages('timeout', 5000, 0.01);

-- name: look-up in messages q=certificate
select issue_ids_in_messages('certificate', 5000, 0.01);

-- name: look-up in messages q=zzyzx
select issue_ids_in_messages('zzyzx', 5000, 0.01);

-- name: look-up in messages q=refunds
select issue_ids_in_messages('refunds', 5000, 0.01);

-- name: look-up in messages q=orderId
select issue_ids_in_messages(:'order_id', 5000, 0.01);

-- name: search q=callback (common)
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.id in ((select i.id from issue i where true and i.search @@ websearch_to_tsquery('simple', ('callback')) order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.order_id = ('callback') order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and exists (select 1 from message m where m.issue_id = i.id and m.search @@ websearch_to_tsquery('simple', ('callback'))) order by i.updated_at desc, i.id desc limit ('51'::int4))) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: search q=timeout (10 %)
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.id in ((select i.id from issue i where true and i.search @@ websearch_to_tsquery('simple', ('timeout')) order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.order_id = ('timeout') order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and exists (select 1 from message m where m.issue_id = i.id and m.search @@ websearch_to_tsquery('simple', ('timeout'))) order by i.updated_at desc, i.id desc limit ('51'::int4))) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: search q=certificate (rare)
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.id in ((select i.id from issue i where true and i.search @@ websearch_to_tsquery('simple', ('certificate')) order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.order_id = ('certificate') order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.id = any(cast((:'certificate_ids') as bigint[])) order by i.updated_at desc, i.id desc limit ('51'::int4))) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: search q=zzyzx (nowhere)
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.id in ((select i.id from issue i where true and i.search @@ websearch_to_tsquery('simple', ('zzyzx')) order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.order_id = ('zzyzx') order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and false order by i.updated_at desc, i.id desc limit ('51'::int4))) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: search q=refunds (messages only)
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.id in ((select i.id from issue i where true and i.search @@ websearch_to_tsquery('simple', ('refunds')) order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.order_id = ('refunds') order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and exists (select 1 from message m where m.issue_id = i.id and m.search @@ websearch_to_tsquery('simple', ('refunds'))) order by i.updated_at desc, i.id desc limit ('51'::int4))) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: search q=orderId
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.id in ((select i.id from issue i where true and i.search @@ websearch_to_tsquery('simple', (:'order_id')) order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.order_id = (:'order_id') order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.id = any(cast((:'order_id_ids') as bigint[])) order by i.updated_at desc, i.id desc limit ('51'::int4))) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: search status=OPEN q=timeout
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.id in ((select i.id from issue i where true and i.status in (('OPEN')) and i.search @@ websearch_to_tsquery('simple', ('timeout')) order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.status in (('OPEN')) and i.order_id = ('timeout') order by i.updated_at desc, i.id desc limit ('51'::int4)) union all (select i.id from issue i where true and i.status in (('OPEN')) and exists (select 1 from message m where m.issue_id = i.id and m.search @@ websearch_to_tsquery('simple', ('timeout'))) order by i.updated_at desc, i.id desc limit ('51'::int4))) order by i.updated_at desc, i.id desc limit ('51'::int4);

-- name: dashboard search q=timeout (100)
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.id in ((select i.id from issue i where true and i.search @@ websearch_to_tsquery('simple', ('timeout')) order by i.updated_at desc, i.id desc limit ('101'::int4)) union all (select i.id from issue i where true and i.order_id = ('timeout') order by i.updated_at desc, i.id desc limit ('101'::int4)) union all (select i.id from issue i where true and exists (select 1 from message m where m.issue_id = i.id and m.search @@ websearch_to_tsquery('simple', ('timeout'))) order by i.updated_at desc, i.id desc limit ('101'::int4))) order by i.updated_at desc, i.id desc limit ('101'::int4);

-- name: queue OPEN
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.status in (('OPEN')) and i.merged_into_id is null
 and (cast((NULL) as text) is null or coalesce(i.assignee, '') = (NULL))
 and (cast((NULL) as text) is null or i.route = (NULL) or i.route_suggested = (NULL))
order by i.first_responded_at is not null, i.first_response_due_at nulls last, i.created_at
limit ('101'::int4);

-- name: queue PENDING
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.status in (('PENDING')) and i.merged_into_id is null
 and (cast((NULL) as text) is null or coalesce(i.assignee, '') = (NULL))
 and (cast((NULL) as text) is null or i.route = (NULL) or i.route_suggested = (NULL))
order by i.first_responded_at is not null, i.first_response_due_at nulls last, i.created_at
limit ('101'::int4);

-- name: queue OPEN unassigned
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.status in (('OPEN')) and i.merged_into_id is null
 and (cast(('') as text) is null or coalesce(i.assignee, '') = (''))
 and (cast((NULL) as text) is null or i.route = (NULL) or i.route_suggested = (NULL))
order by i.first_responded_at is not null, i.first_response_due_at nulls last, i.created_at
limit ('101'::int4);

-- name: queue OPEN mine
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.status in (('OPEN')) and i.merged_into_id is null
 and (cast((:'agent') as text) is null or coalesce(i.assignee, '') = (:'agent'))
 and (cast((NULL) as text) is null or i.route = (NULL) or i.route_suggested = (NULL))
order by i.first_responded_at is not null, i.first_response_due_at nulls last, i.created_at
limit ('101'::int4);

-- name: queue OPEN route=PSP
select i.issue_key, i.status, i.subject, p.email as reporter, i.route, i.route_suggested, i.priority,
       i.assignee, i.escalated,
       i.checklist_complete, i.organization_number, i.merchant_serial_number, i.first_response_due_at,
       i.first_responded_at, i.created_at, i.updated_at, i.id,
       (coalesce(i.first_response_breached, false)
        or (i.first_responded_at is null and i.sla_used_seconds >= i.sla_target_seconds)
        or (i.first_responded_at is null and i.sla_running_since is not null and i.first_response_due_at < (:'now')))
           as breached,
       m.issue_key as merged_into
from issue i
join participant p on p.issue_id = i.id and p.role = 'REPORTER'
left join issue m on m.id = i.merged_into_id
where true and i.status in (('OPEN')) and i.merged_into_id is null
 and (cast((NULL) as text) is null or coalesce(i.assignee, '') = (NULL))
 and (cast(('PSP') as text) is null or i.route = ('PSP') or i.route_suggested = ('PSP'))
order by i.first_responded_at is not null, i.first_response_due_at nulls last, i.created_at
limit ('101'::int4);

-- name: countByStatus
select status, sum(issues) as n from issue_status_count group by status;

-- name: issue by key (with participants)
select * from issue i left join participant p on p.issue_id = i.id where i.issue_key = (:'key');

-- name: issue thread
select * from message where issue_id = (:'issue_id'::int8) order by created_at, id;

-- name: issue history
select * from issue_event where issue_id = (:'issue_id'::int8) order by occurred_at, id;
