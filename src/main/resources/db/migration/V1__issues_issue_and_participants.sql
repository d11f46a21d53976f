-- Issues and their participants (reporter and CC recipients).

-- Issue numbers are public (VSD-100001); ids are internal. A sequence never reuses a number.
create sequence issue_key_seq start with 100001 increment by 1 no cycle;
create sequence issue_id_seq start with 1 increment by 50;
create sequence participant_id_seq start with 1 increment by 50;

create table issue (
    id                      bigint primary key,
    issue_key               text not null unique,
    status                  text not null check (status in ('NEEDS_INFO', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED')),
    subject                 text not null,
    description             text not null,
    channel                 text not null,
    organization_number     text,
    merchant_serial_number  text,
    product                 text,
    environment             text,
    order_id                text,
    transaction_id          text,
    context_id              text,
    occurred_on             text[] not null default '{}',
    http_request            text,
    http_response           text,
    topic                   text,
    additional_info         text,
    follow_up_token_hash    text not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint not null default 0
);

create table participant (
    id          bigint primary key,
    issue_id    bigint not null references issue (id) on delete cascade,
    email       text not null,
    name        text,
    phone       text,
    role        text not null check (role in ('REPORTER', 'CC')),
    added_at    timestamptz not null,
    added_via   text not null
);

-- One row per address and issue, whatever the letter case.
create unique index participant_issue_email_uq on participant (issue_id, lower(email));
