-- API keys for integrations. The key itself is shown once; only its SHA-256 is kept (keys are 256
-- random bits, so a fast hash is enough), with a visible prefix to tell keys apart.
create table api_key (
    id           uuid primary key,
    prefix       text not null unique,
    key_hash     text not null unique,
    name         text not null,
    scopes       text[] not null,
    created_at   timestamptz not null,
    created_by   text not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text
);
