-- The mail loop guard asks, before every automatic mail, how many automatic mails went to an address
-- within the last hour, as To or as Cc. The old indexes found the hour's rows or the To address,
-- never a Cc, so each question read every automatic mail of the last hour (8.5 ms at 2,000 an hour,
-- growing with the rate). Now each automatic mail's recipients are indexed with the hour it was
-- written in: a question reads one address's mails of two hours at most, however busy the service
-- and however long the address's history.
--
-- The index is built inside the migration's transaction, which blocks new mail while it is built.
-- On a big mail_outbox build it beforehand, without blocking, from psql (after creating the two
-- functions below), and the migration skips it:
--   create index concurrently mail_outbox_recipient_hour_idx on mail_outbox
--       using gin (mail_recipient_keys(to_address, cc_addresses, created_at)) with (fastupdate = off)
--       where auto_submitted is not null and status <> 'SUPPRESSED';

-- The hour a time falls in, counted from 1970 (UTC, whatever the session's time zone).
create function mail_hour(at timestamptz) returns bigint
    language sql immutable strict parallel safe
    return floor(extract(epoch from (at - timestamptz '1970-01-01 00:00:00+00')) / 3600)::bigint;

-- A mail's recipients (To, then Cc), lower-cased, each with the hour the mail was written in.
create function mail_recipient_keys(to_address text, cc_addresses text[], created_at timestamptz) returns text[]
    language sql immutable strict parallel safe
    return array(select lower(address) || ' ' || mail_hour(created_at)::text
                 from unnest(array_prepend(to_address, cc_addresses)) address);

-- The keys of an address in the hour that starts at a time: the hour it falls in and the next.
create function mail_recipient_keys_within_hour(address text, since timestamptz) returns text[]
    language sql immutable strict parallel safe
    return array[lower(address) || ' ' || mail_hour(since)::text, lower(address) || ' ' || (mail_hour(since) + 1)::text];

-- Without the pending list (fastupdate) every question would also read the list of entries not yet
-- merged, up to 4 MB; a mail adds only a few entries to the tree.
create index if not exists mail_outbox_recipient_hour_idx on mail_outbox
    using gin (mail_recipient_keys(to_address, cc_addresses, created_at)) with (fastupdate = off)
    where auto_submitted is not null and status <> 'SUPPRESSED';

drop index if exists mail_outbox_recipient_idx;
drop index if exists mail_outbox_automatic_recent_idx;
