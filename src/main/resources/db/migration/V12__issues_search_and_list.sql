-- Lists and search: full-text over subject and description, and the orderings the list uses.
alter table issue add column search tsvector
    generated always as (to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(description, ''))) stored;
create index issue_search_idx on issue using gin (search);
create index issue_updated_idx on issue (updated_at desc, id desc);
create index issue_org_idx on issue (organization_number) where organization_number is not null;
create index issue_msn_idx on issue (merchant_serial_number) where merchant_serial_number is not null;
create index issue_assignee_idx on issue (assignee) where assignee is not null;
