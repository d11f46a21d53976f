-- Where the router sent the request (always developer support for an issue) and, when it was not
-- sure, where it might belong instead: staff filter the queue by either.
alter table issue
    add column route text not null default 'INTEGRATION_SERVICES',
    add column route_suggested text;
create index issue_route_suggested_idx on issue (route_suggested) where route_suggested is not null;
