-- Rate-limit buckets shared by every instance (triage.rate-limit.store=postgres), one per caller.
create table rate_limit_bucket (
    id    text primary key,
    state bytea
);
