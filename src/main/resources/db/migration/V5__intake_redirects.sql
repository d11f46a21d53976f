-- Requests sent elsewhere (customer service, status page, plugin vendor …): kept for statistics,
-- and so staff can turn a misrouted one into an issue. The submission is stored redacted.
create table redirect (
    id                      uuid primary key,
    destination             text not null,
    confidence              double precision not null,
    reasons                 text[] not null default '{}',
    subject                 text not null,
    reporter_email          text not null,
    organization_number     text,
    merchant_serial_number  text,
    submission              jsonb not null,
    created_at              timestamptz not null,
    issue_key               text
);

create index redirect_created_at_idx on redirect (created_at);
create index redirect_destination_idx on redirect (destination);
