-- The loop guard counts the automatic mails of the last hour to an address, whether To or Cc.
create index mail_outbox_automatic_recent_idx on mail_outbox (created_at) where auto_submitted is not null;
