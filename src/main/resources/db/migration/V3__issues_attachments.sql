-- Files that came with a request: screenshots as sent, text files (HAR, logs) after redaction.
create sequence attachment_id_seq start with 1 increment by 50;

create table attachment (
    id            bigint primary key,
    issue_id      bigint not null references issue (id) on delete cascade,
    filename      text not null,
    content_type  text not null,
    kind          text not null check (kind in ('IMAGE', 'TEXT')),
    size_bytes    bigint not null,
    content       bytea not null,
    added_at      timestamptz not null
);

create index attachment_issue_idx on attachment (issue_id);
