-- Every inbound e-mail, whatever became of it: the intake log. Nothing that arrives vanishes: what
-- the sender wrote is kept, redacted like everything else, so staff can read a quarantined mail.
-- The raw message is not kept (a secret in a base64 part would survive any redaction of it).
create table inbound_mail (
    id           uuid primary key,
    message_id   text not null,
    received_via text not null check (received_via in ('IMAP', 'API')),
    from_address text,
    subject      text,
    in_reply_to  text,
    outcome      text not null check (outcome in ('NEW_ISSUE', 'APPENDED', 'REDIRECTED', 'DUPLICATE',
                                                  'QUARANTINED_LOOP', 'REJECTED_TOO_LARGE', 'FOLLOW_UP_OF_CLOSED',
                                                  'FAILED')),
    reason       text not null,
    issue_key    text,
    size_bytes   bigint not null,
    content      text,
    received_at  timestamptz not null
);

-- A Message-ID is processed once; later copies are logged as DUPLICATE next to it.
create unique index inbound_mail_message_id_uq on inbound_mail (message_id) where outcome <> 'DUPLICATE';
create index inbound_mail_issue_idx on inbound_mail (issue_key) where issue_key is not null;
create index inbound_mail_sender_idx on inbound_mail (lower(from_address), received_at);
create index inbound_mail_received_idx on inbound_mail (received_at desc);
