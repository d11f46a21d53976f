-- Reserves ids and issue keys for bench.count generated issues, before any row is written, so an
-- application running meanwhile never hands out the same numbers. Hibernate takes ids from these
-- sequences in blocks of 50 (the value it gets ends its block), so starting 1000 past the current
-- value leaves room for blocks handed out while this runs; the keys start 10 past. Each issue gets
-- fixed slots: 4 participants, 8 messages and 24 history entries (unused slots are gaps, as
-- sequences leave anyway).
-- Answers one row: the first issue id, participant id, message id, event id and key number, and
-- bench.now, the "now" every batch of this run uses.
with n as (select current_setting('bench.count')::bigint as n),
base as (
    select nextval('issue_id_seq') + 1000 as issue_id, nextval('participant_id_seq') + 1000 as participant_id,
           nextval('message_id_seq') + 1000 as message_id, nextval('issue_event_id_seq') + 1000 as event_id,
           nextval('issue_key_seq') + 10 as key_number
)
select base.issue_id, base.participant_id, base.message_id, base.event_id, base.key_number,
       to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as now_at,
       setval('issue_id_seq', base.issue_id + n.n) > 0
           and setval('participant_id_seq', base.participant_id + 4 * n.n) > 0
           and setval('message_id_seq', base.message_id + 8 * n.n) > 0
           and setval('issue_event_id_seq', base.event_id + 24 * n.n) > 0
           and setval('issue_key_seq', base.key_number + n.n - 1) > 0 as reserved
from base, n;
