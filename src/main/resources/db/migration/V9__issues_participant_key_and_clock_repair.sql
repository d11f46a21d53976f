-- Participants are compared by an address key the application lower-cases, so the unique index
-- and the code agree for every alphabet (PostgreSQL's lower() folds some letters differently).
alter table participant add column email_key text;
update participant set email_key = lower(email);
alter table participant alter column email_key set not null;
drop index participant_issue_email_uq;
create unique index participant_issue_email_key_uq on participant (issue_id, email_key);

-- Issues opened before the lifecycle existed: those past NEEDS_INFO had a complete checklist, and
-- open ones owe a first response, so their clock runs from when they were opened. Their due time
-- is computed in business hours at start-up (IssueClockRepair).
update issue set checklist_complete = true where checklist is null and status <> 'NEEDS_INFO';
update issue set sla_running_since = created_at
where status = 'OPEN' and sla_running_since is null and first_responded_at is null and sla_used_seconds = 0;
