-- Webhooks: subscriptions, and deliveries written in the transaction of the change they announce,
-- sent by a worker like the mail outbox (SKIP LOCKED, lease, backoff), with every attempt kept.
create table webhook_subscription (
    id                   uuid primary key,
    url                  text not null,
    events               text[] not null,
    -- The signing secret is ours, generated here and needed to sign every delivery.
    secret               text not null,
    description          text,
    active               boolean not null default true,
    consecutive_failures integer not null default 0,
    disabled_reason      text,
    created_at           timestamptz not null,
    created_by           text not null
);

create table webhook_delivery (
    id              uuid primary key,
    subscription_id uuid not null references webhook_subscription (id),
    event_type      text not null,
    payload         text not null,
    status          text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    leased_by       text,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, created_at desc);

create table webhook_attempt (
    id           bigint generated always as identity primary key,
    delivery_id  uuid not null references webhook_delivery (id),
    attempted_at timestamptz not null,
    worker       text not null,
    status_code  integer,
    error        text,
    duration_ms  bigint not null
);

create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempted_at);
