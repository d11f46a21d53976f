-- Support staff who log in to the dashboard. Passwords are stored by Spring Security's
-- DelegatingPasswordEncoder ({bcrypt}..., {argon2}...), never in plain text.
create table staff_user (
    id             bigserial primary key,
    email          text not null,
    name           text not null,
    password_hash  text not null,
    role           text not null check (role in ('AGENT', 'ADMIN')),
    enabled        boolean not null default true,
    failed_logins  integer not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz not null,
    last_login_at  timestamptz
);

create unique index staff_user_email_idx on staff_user (lower(email));
