-- The database work of one POST /api/v1/requests that creates an issue (a reporter and one CC), for
-- pgbench against the app's own PostgreSQL. Statement for statement what the app sends, in the same
-- transactions and order, as captured with log_statement = all (2026-12-02): the router's merchant
-- look-up, then one transaction with the issue, its first message, two participants, the webhook
-- fan-out, six history rows, the reads the listeners make, the mail loop guard and the auto-reply
-- in the outbox. The texts (-D variables, from the first issue the load test created) are bound as
-- parameters, as JDBC binds them; the reporter and the CC are new addresses each time, as in the
-- load test. Differences, both small: one nextval per sequence and issue here (Hibernate takes 50
-- ids at a time), and times are now() instead of the app's clock.
-- Run by bench/load.sh; needs -D subject, description, http_request, http_response, checklist,
-- additional_info, outbox_text, outbox_html.

\set msn 123456
\set org 123456785

-- Routing: the merchant directory (MerchantDirectory.find, one statement outside a transaction since
-- 2026-12-03)
select * from merchant
where msn = cast(:msn as text) or organization_number = cast(:org as text)
order by (msn = cast(:msn as text)) is true desc, id
limit 1;

BEGIN;
select nextval('issue_key_seq') as key_number \gset
-- Ids as Hibernate's pooled optimizer takes them: a nextval of N (the sequences step by 50) is the
-- caller's block N-49..N, so the rows below use N, N-1, ... and never meet the app's own ids.
select nextval('issue_id_seq') as issue_id, nextval('message_id_seq') as message_id,
    nextval('participant_id_seq') as participant_id, nextval('issue_event_id_seq') as event_id \gset
insert into issue (additional_info, assignee, channel, checklist, checklist_complete, closed_at, context_id,
    created_at, description, environment, escalated, escalation_reason, first_responded_at,
    first_response_breached, first_response_due_at, follow_up_of_id, follow_up_token_hash, http_request,
    http_response, issue_key, merchant_serial_number, merged_into_id, occurred_on, order_id,
    organization_number, priority, product, resolved_at, route, route_suggested, sla_running_since,
    sla_target_seconds, sla_used_seconds, split_from_id, status, subject, topic, transaction_id, updated_at,
    version, id)
values (:additional_info, null, 'API', cast(:checklist as jsonb), true, null, null, now(), :description, 'TEST',
    false, null, null, null, now() + interval '4 hours', null, md5(random()::text) || md5(random()::text),
    :http_request, :http_response, 'VSD-' || :key_number, '123456', null, '{2026-11-20}',
    'acme-shop-123-order123abc', '123456785', 'NORMAL', 'ePayment API', null, 'INTEGRATION_SERVICES', null,
    now(), 14400, 0, null, 'OPEN', :subject, null, null, now(), 0, :issue_id);
insert into message (author, author_name, body, channel, created_at, external_id, fields, http_request,
    http_response, issue_id, kind, moved_from_issue_id, id)
values ('kari+' || :key_number || '@acme-shop.no', 'Kari Nordmann', :description, 'API', now(), null,
    cast('{}' as jsonb), :http_request, :http_response, :issue_id, 'INBOUND', null, :message_id);
insert into participant (added_at, added_by, added_via, email, email_key, issue_id, name, phone, removed_at,
    removed_by, removed_via, role, id)
values (now(), 'kari+' || :key_number || '@acme-shop.no', 'API', 'kari+' || :key_number || '@acme-shop.no',
    'kari+' || :key_number || '@acme-shop.no', :issue_id, 'Kari Nordmann', '+47 912 34 567', null, null, null,
    'REPORTER', :participant_id);
insert into participant (added_at, added_by, added_via, email, email_key, issue_id, name, phone, removed_at,
    removed_by, removed_via, role, id)
values (now(), 'kari+' || :key_number || '@acme-shop.no', 'API', 'ola+' || :key_number || '@acme-shop.no',
    'ola+' || :key_number || '@acme-shop.no', :issue_id, null, null, null, null, null, 'CC', :participant_id - 1);

-- Webhooks: a delivery per active subscription (none in the load test, as in the app's run)
insert into webhook_delivery (id, subscription_id, event_type, payload, next_attempt_at, created_at)
select gen_random_uuid(), id, 'issue.created',
    json_build_object('id', 'evt_' || gen_random_uuid(), 'type', 'issue.created', 'createdAt', now(),
        'data', json_build_object('issueKey', 'VSD-' || :key_number, 'status', 'OPEN', 'channel', 'API'))::text,
    now(), now()
from webhook_subscription where active and 'issue.created' = any(events);

select i.*, p.* from issue i left join participant p on i.id = p.issue_id
where i.issue_key = 'VSD-' || :key_number order by p.id;

-- History: created, two participants, the message, the checklist, the status
insert into issue_event (actor, channel, detail, from_value, issue_id, occurred_at, to_value, type, id)
values ('kari+' || :key_number || '@acme-shop.no', 'API', 'API', null, :issue_id, now(), 'NEEDS_INFO', 'CREATED', :event_id);
insert into issue_event (actor, channel, detail, from_value, issue_id, occurred_at, to_value, type, id)
values ('kari+' || :key_number || '@acme-shop.no', 'API', 'REPORTER', null, :issue_id, now(),
    'kari+' || :key_number || '@acme-shop.no', 'PARTICIPANT_ADDED', :event_id - 1);
insert into issue_event (actor, channel, detail, from_value, issue_id, occurred_at, to_value, type, id)
values ('kari+' || :key_number || '@acme-shop.no', 'API', 'CC', null, :issue_id, now(),
    'ola+' || :key_number || '@acme-shop.no', 'PARTICIPANT_ADDED', :event_id - 2);
insert into issue_event (actor, channel, detail, from_value, issue_id, occurred_at, to_value, type, id)
values ('kari+' || :key_number || '@acme-shop.no', 'API', 'message ' || :message_id, null, :issue_id, now(),
    'INBOUND', 'MESSAGE_ADDED', :event_id - 3);
insert into issue_event (actor, channel, detail, from_value, issue_id, occurred_at, to_value, type, id)
values ('system', 'SYSTEM', null, null, :issue_id, now(), 'COMPLETE', 'CHECKLIST_EVALUATED', :event_id - 4);
insert into issue_event (actor, channel, detail, from_value, issue_id, occurred_at, to_value, type, id)
values ('system', 'SYSTEM', 'The checklist is complete', 'NEEDS_INFO', :issue_id, now(), 'OPEN', 'STATUS_CHANGED',
    :event_id - 5);

-- What the listeners read (the issue's details for the auto-reply)
select * from issue_event where issue_id = :issue_id order by occurred_at, id;
select issue_key from issue where follow_up_of_id = :issue_id order by id;
select issue_key from issue where split_from_id = :issue_id order by id;
select issue_key from issue where merged_into_id = :issue_id order by id;
select a.id, a.filename, a.content_type, cast(a.kind as varchar), a.size_bytes, a.added_at from attachment a
where a.issue_id = :issue_id order by a.id;

-- The mail loop guard, for the CC and the reporter, then threading and the auto-reply
select count(*) from (
    select 1 from mail_outbox
    where mail_recipient_keys(to_address, cc_addresses, created_at)
              && mail_recipient_keys_within_hour('ola+' || :key_number || '@acme-shop.no', now() - interval '1 hour')
      and auto_submitted is not null and status <> 'SUPPRESSED' and created_at > now() - interval '1 hour'
    limit 30) recent;
select count(*) from (
    select 1 from mail_outbox
    where mail_recipient_keys(to_address, cc_addresses, created_at)
              && mail_recipient_keys_within_hour('kari+' || :key_number || '@acme-shop.no', now() - interval '1 hour')
      and auto_submitted is not null and status <> 'SUPPRESSED' and created_at > now() - interval '1 hour'
    limit 30) recent;
select message_id, created_at from mail_outbox where issue_key = 'VSD-' || :key_number and status <> 'SUPPRESSED'
order by created_at, message_id;
insert into mail_outbox (id, message_id, kind, issue_key, to_address, cc_addresses, subject, body_text, body_html,
    in_reply_to, reference_ids, auto_submitted, language, status, suppressed_reason, next_attempt_at, created_at)
select u, '<' || u || '@localhost>', 'AUTO_REPLY', 'VSD-' || :key_number, 'kari+' || :key_number || '@acme-shop.no',
    array['ola+' || :key_number || '@acme-shop.no'], '[VSD-' || :key_number || '] ' || :subject, :outbox_text,
    :outbox_html, null, '{}',
    'auto-replied', 'en', 'PENDING', null, now(), now()
from gen_random_uuid() u;
COMMIT;
