-- Outbound mail: one row per e-mail, written in the transaction of the change that causes it and
-- sent by a worker. Rows are kept after sending: they are the record of what was said to whom.
create table mail_outbox (
    id               uuid primary key,
    -- Our Message-ID, fixed when the row is written, so a retry after a crash is recognisably the same mail.
    message_id       text not null unique,
    kind             text not null,
    issue_key        text,
    to_address       text not null,
    cc_addresses     text[] not null default '{}',
    subject          text not null,
    body_text        text not null,
    body_html        text,
    in_reply_to      text,
    reference_ids    text[] not null default '{}',
    -- RFC 3834: auto-replied, auto-generated, or null for mail a person wrote.
    auto_submitted   text check (auto_submitted in ('auto-replied', 'auto-generated')),
    language         text not null default 'en',
    status           text not null default 'PENDING'
        check (status in ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED')),
    suppressed_reason text,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    leased_by        text,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz
);

-- The worker's queue: due rows, oldest first.
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_issue_idx on mail_outbox (issue_key, created_at);
-- The per-recipient limit on automatic mail looks back one hour.
create index mail_outbox_recipient_idx on mail_outbox (lower(to_address), created_at) where auto_submitted is not null;

-- Every attempt to send, with its outcome, for the outbox view and for post-mortems.
create table mail_attempt (
    id           bigint generated always as identity primary key,
    outbox_id    uuid not null references mail_outbox (id),
    attempted_at timestamptz not null,
    worker       text not null,
    outcome      text not null check (outcome in ('SENT', 'FAILED')),
    error        text
);

create index mail_attempt_outbox_idx on mail_attempt (outbox_id, attempted_at);
