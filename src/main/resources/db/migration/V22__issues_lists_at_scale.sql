-- Lists, the queue and the status counts with a million issues (bench/generate-data.sh loads
-- them; the README's "Performance" has the figures and QueryPlansIntegrationTest keeps the plans).

-- Each filter of the list together with the list's order (newest change first), so a page is the
-- first entries of one index instead of every match sorted.
create index issue_status_updated_idx on issue (status, updated_at desc, id desc);
drop index issue_assignee_idx;
create index issue_assignee_idx on issue (assignee, updated_at desc, id desc) where assignee is not null;
drop index issue_org_idx;
create index issue_org_idx on issue (organization_number, updated_at desc, id desc) where organization_number is not null;
drop index issue_msn_idx;
create index issue_msn_idx on issue (merchant_serial_number, updated_at desc, id desc)
    where merchant_serial_number is not null;

-- The route filter (routed or suggested there): the few issues with another route than developer
-- support, or a suggested route, by route and status, found without reading the list or queue.
create index issue_route_idx on issue (route, status) where route <> 'INTEGRATION_SERVICES';
drop index issue_route_suggested_idx;
create index issue_route_suggested_idx on issue (route_suggested, status) where route_suggested is not null;

-- The queue in its own order (unanswered first, then by due time, then oldest first), so it is
-- read from the front of one status instead of sorting all of it.
drop index issue_status_due_idx;
create index issue_queue_idx on issue (status, (first_responded_at is not null), first_response_due_at, created_at)
    where merged_into_id is null;

-- Search reads the messages of the newest issues one after the other when a word is common; with
-- each message's words stored, that no longer parses every message again (one pass over the
-- table now, which takes minutes with millions of messages).
alter table message add column search tsvector generated always as (to_tsvector('simple', body)) stored;
drop index message_search_idx;
create index message_search_idx on message using gin (search);

-- Issues per status, merged ones not counted, for the dashboard: counting a million rows takes a
-- second, adding up these a millisecond. The triggers below add a row per status whose count a
-- statement changed (never updating a shared row, so concurrent changes do not wait on each
-- other); IssueStatusCounts folds them into one row per status now and then.
create table issue_status_count (
    status text not null,
    issues bigint not null
);

create function issue_status_count_inserted() returns trigger language plpgsql as $$
begin
    insert into issue_status_count (status, issues)
    select status, count(*) from inserted where merged_into_id is null group by status;
    return null;
end
$$;

create function issue_status_count_updated() returns trigger language plpgsql as $$
begin
    if old.merged_into_id is null then
        insert into issue_status_count (status, issues) values (old.status, -1);
    end if;
    if new.merged_into_id is null then
        insert into issue_status_count (status, issues) values (new.status, 1);
    end if;
    return null;
end
$$;

create function issue_status_count_deleted() returns trigger language plpgsql as $$
begin
    insert into issue_status_count (status, issues)
    select status, -count(*) from deleted where merged_into_id is null group by status;
    return null;
end
$$;

create function issue_status_count_truncated() returns trigger language plpgsql as $$
begin
    delete from issue_status_count;
    return null;
end
$$;

-- Inserts once per statement (a bulk load adds one row per status), updates only when the status
-- or the merge changes (most updates touch neither).
create trigger issue_status_count_inserted after insert on issue
    referencing new table as inserted for each statement execute function issue_status_count_inserted();
create trigger issue_status_count_updated after update on issue for each row
    when (old.status is distinct from new.status or (old.merged_into_id is null) <> (new.merged_into_id is null))
    execute function issue_status_count_updated();
create trigger issue_status_count_deleted after delete on issue
    referencing old table as deleted for each statement execute function issue_status_count_deleted();
create trigger issue_status_count_truncated after truncate on issue
    for each statement execute function issue_status_count_truncated();

-- The issues already there, counted after the triggers exist: they hold a lock that keeps writers
-- out until this migration commits, so no change falls between the count and the triggers.
insert into issue_status_count (status, issues)
select status, count(*) from issue where merged_into_id is null group by status;

-- Statistics for the new expression index and column, so the planner uses them from the start.
analyze issue;
analyze message;
