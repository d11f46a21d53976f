-- A password someone else chose (the one-time first password, one an administrator set) must be
-- replaced by its owner before the dashboard opens.
alter table staff_user add column must_change_password boolean not null default false;
