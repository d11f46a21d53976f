-- When a staff user's password was last set: sessions older than that end at their next request.
alter table staff_user add column credentials_changed_at timestamptz;
