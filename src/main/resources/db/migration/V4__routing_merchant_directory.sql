-- The merchant directory: who integrates, processes and looks after each merchant.
create table merchant (
    id                   bigserial primary key,
    msn                  text unique,
    organization_number  text,
    name                 text,
    partner              text,
    partner_contact      text,
    psp                  text,
    psp_contact          text,
    pos_vendor           text,
    pos_vendor_contact   text,
    kam                  text,
    kam_email            text,
    updated_at           timestamptz not null,
    check (msn is not null or organization_number is not null)
);

create index merchant_organization_number_idx on merchant (organization_number);
