-- Idempotency-Key on POST: the first result of a request is kept for 24 hours and returned to
-- every retry with the same key from the same caller.
create table idempotency_key (
    owner           text not null,
    idempotency_key text not null,
    request_hash    text not null,
    state           text not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    response_status integer,
    response_type   text,
    response_location text,
    response_body   bytea,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (owner, idempotency_key)
);

create index idempotency_key_expires_idx on idempotency_key (expires_at);
