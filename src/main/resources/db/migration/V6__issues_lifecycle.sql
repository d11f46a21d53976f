-- The issue lifecycle: who works on it, how urgent, the checklist as last evaluated, the
-- first-response clock, links between issues, the thread of messages and the history.

alter table issue
    add column assignee               text,
    add column priority               text not null default 'NORMAL'
        check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    add column escalated              boolean not null default false,
    add column escalation_reason      text,
    add column checklist_complete     boolean not null default false,
    -- The latest checklist verdict (items with state and message) as shown to staff and reporter.
    add column checklist              jsonb,
    -- First-response clock in business seconds: what was used before the current running stretch,
    -- and when that stretch began (null while paused or once answered).
    add column sla_target_seconds     bigint not null default 14400 check (sla_target_seconds > 0),
    add column sla_used_seconds       bigint not null default 0 check (sla_used_seconds >= 0),
    add column sla_running_since      timestamptz,
    add column first_response_due_at  timestamptz,
    add column first_responded_at     timestamptz,
    add column first_response_breached boolean,
    add column resolved_at            timestamptz,
    add column closed_at              timestamptz,
    add column merged_into_id         bigint references issue (id),
    add column follow_up_of_id        bigint references issue (id),
    add column split_from_id          bigint references issue (id),
    add constraint issue_not_merged_into_itself check (merged_into_id is null or merged_into_id <> id);

-- The queue of work: open issues by due time.
create index issue_status_due_idx on issue (status, first_response_due_at);
create index issue_merged_into_idx on issue (merged_into_id) where merged_into_id is not null;
create index issue_follow_up_of_idx on issue (follow_up_of_id) where follow_up_of_id is not null;
create index issue_split_from_idx on issue (split_from_id) where split_from_id is not null;

-- Removed participants stay as rows, so who removed whom, and when, is not lost.
alter table participant
    add column added_by    text not null default 'system',
    add column removed_at  timestamptz,
    add column removed_by  text,
    add column removed_via text;

-- The thread: what the reporter and CCs sent (INBOUND), what staff answered to all (REPLY), and
-- staff's internal notes (NOTE), which the reporter never sees.
create sequence message_id_seq start with 1 increment by 50;

create table message (
    id                  bigint primary key,
    issue_id            bigint not null references issue (id),
    kind                text not null check (kind in ('INBOUND', 'REPLY', 'NOTE')),
    author              text not null,
    author_name         text,
    channel             text not null,
    body                text not null,
    -- Request fields given with the message (organizationNumber, merchantSerialNumber, ...).
    fields              jsonb not null default '{}',
    http_request        text,
    http_response       text,
    created_at          timestamptz not null,
    -- Where a split or merge moved it from, so a message never loses its origin.
    moved_from_issue_id bigint references issue (id)
);

create index message_issue_idx on message (issue_id, created_at, id);

-- The history: one immutable row per change, in order.
create sequence issue_event_id_seq start with 1 increment by 50;

create table issue_event (
    id          bigint primary key,
    issue_id    bigint not null references issue (id),
    occurred_at timestamptz not null,
    actor       text not null,
    channel     text not null,
    type        text not null,
    from_value  text,
    to_value    text,
    detail      text
);

create index issue_event_issue_idx on issue_event (issue_id, occurred_at, id);

create function issue_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'issue history is append-only: % refused on issue_event', tg_op;
end
$$;

create trigger issue_event_append_only
    before update or delete on issue_event
    for each row execute function issue_event_append_only();

-- Issues opened before the lifecycle existed get the history entry of their creation.
insert into issue_event (id, issue_id, occurred_at, actor, channel, type, to_value)
select nextval('issue_event_id_seq'), id, created_at, 'system', channel, 'CREATED', status from issue;

-- ... and their request as the first message of the thread.
insert into message (id, issue_id, kind, author, channel, body, http_request, http_response, created_at)
select nextval('message_id_seq'), i.id, 'INBOUND', coalesce(p.email, 'unknown'), i.channel, i.description,
       i.http_request, i.http_response, i.created_at
from issue i left join participant p on p.issue_id = i.id and p.role = 'REPORTER';
