-- The Message-ID of a message that came by e-mail, so our answers thread under it.
alter table message add column external_id text;
create index message_external_id_idx on message (external_id) where external_id is not null;
