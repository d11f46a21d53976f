-- The mail loop guard asks, before every automatic mail, how many automatic mails went to an address
-- within the last hour, as To or as Cc. The old indexes found the hour's rows, not the address's, so
-- each question read every automatic mail of the last hour (8 ms at 2,000 an hour, growing with the
-- rate). The recipients of a mail, lower-cased, To first, are now one indexed array.
create function mail_recipient_keys(to_address text, cc_addresses text[]) returns text[]
    language sql immutable strict parallel safe
    return array(select lower(address) from unnest(array_prepend(to_address, cc_addresses)) address);

-- Without the pending list (fastupdate): every search would read the list of not yet merged
-- entries, up to 4 MB, which cost more than the two entries a mail adds to the tree.
create index mail_outbox_automatic_recipient_idx on mail_outbox
    using gin (mail_recipient_keys(to_address, cc_addresses)) with (fastupdate = off)
    where auto_submitted is not null;

drop index mail_outbox_recipient_idx;
drop index mail_outbox_automatic_recent_idx;
