-- One batch of generated issues, set-based: issues bench.lo to bench.hi - 1 (numbered from 1) of
-- bench.count, with their participants, thread, history, checklist verdict and first-response
-- clock, shaped as the application writes them (see Issue.open and IssueManagement.commit).
-- Settings (set_config), from reserve-ids.sql: bench.issue_id_base, bench.participant_id_base,
-- bench.message_id_base, bench.event_id_base, bench.key_base, bench.now.
-- Every value is a function of the issue number (hashint8extended), so a run is repeatable.
-- Issue n is created at now - 365 days + n/count of a year: ids and keys grow with time, as in
-- real use. Old issues are mostly closed, recent ones spread over every status.
-- All addresses are under the reserved .example domain: no generated address can receive mail.

drop table if exists bench_merchant;
create temp table bench_merchant as
with m as (select m, (8000000 + (m::bigint * 7919) % 1999999) * 10 + (m % 9) as base8 from generate_series(0, 19999) m),
checked as (
    select m, base8,
           (3 * (base8 / 10000000 % 10) + 2 * (base8 / 1000000 % 10) + 7 * (base8 / 100000 % 10)
            + 6 * (base8 / 10000 % 10) + 5 * (base8 / 1000 % 10) + 4 * (base8 / 100 % 10)
            + 3 * (base8 / 10 % 10) + 2 * (base8 % 10)) % 11 as rest
    from m
),
valid as (
    -- Organization numbers with a valid MOD11 check digit; a base whose check digit would be 10
    -- takes the next base (its last digit is at most 8, so no carry).
    select m, case when rest = 1 then base8 + 1 else base8 end as base8 from checked
),
digits as (
    select m, base8,
           (11 - (3 * (base8 / 10000000 % 10) + 2 * (base8 / 1000000 % 10) + 7 * (base8 / 100000 % 10)
            + 6 * (base8 / 10000 % 10) + 5 * (base8 / 1000 % 10) + 4 * (base8 / 100 % 10)
            + 3 * (base8 / 10 % 10) + 2 * (base8 % 10)) % 11) % 11 as check_digit
    from valid
)
select m,
       (base8 * 10 + check_digit)::text as organization_number,
       (100000 + (m::bigint * 7919 + 4241) % 899999)::text as msn,
       (array['fjord', 'nordic', 'polar', 'aurora', 'viking', 'tundra', 'birch', 'granite', 'harbor', 'lofoten',
              'midnight', 'silver', 'coastal', 'alpine', 'glacier', 'pine', 'river', 'summit', 'island', 'meadow'])[1 + m % 20]
       || '-' ||
       (array['sport', 'shop', 'coffee', 'books', 'design', 'fashion', 'games', 'garden', 'pharmacy', 'ticket',
              'travel', 'fitness', 'electro', 'kids', 'outdoor', 'home', 'food', 'music', 'parking', 'energy'])[1 + (m / 20) % 20]
       || case when m >= 400 then (m / 400)::text else '' end || '.example' as domain,
       (array['Fjord', 'Nordic', 'Polar', 'Aurora', 'Viking', 'Tundra', 'Birch', 'Granite', 'Harbor', 'Lofoten',
              'Midnight', 'Silver', 'Coastal', 'Alpine', 'Glacier', 'Pine', 'River', 'Summit', 'Island', 'Meadow'])[1 + m % 20]
       || ' ' ||
       (array['Sport', 'Shop', 'Coffee', 'Books', 'Design', 'Fashion', 'Games', 'Garden', 'Pharmacy', 'Ticket',
              'Travel', 'Fitness', 'Electro', 'Kids', 'Outdoor', 'Home', 'Food', 'Music', 'Parking', 'Energy'])[1 + (m / 20) % 20]
       || case when m >= 400 then ' ' || (m / 400)::text else '' end
       || (array[' AS', ' ApS', ' Oy', ' AS'])[1 + m % 4] as name,
       (array['+47', '+45', '+358', '+47'])[1 + m % 4] as country_code
from digits;

-- The merchant directory knows most merchants (the issue page shows partner, PSP and KAM from it).
insert into merchant (msn, organization_number, name, partner, partner_contact, psp, psp_contact, kam, kam_email, updated_at)
select msn, organization_number, name,
       case when m % 5 = 0 then 'Webshop Partner ' || (m % 37) end,
       case when m % 5 = 0 then 'partner' || (m % 37) || '@partners.example' end,
       case when m % 7 = 0 then (array['Adyen', 'Nets', 'Worldline', 'Stripe'])[1 + m % 4] end,
       case when m % 7 = 0 then 'support@psp' || (m % 4) || '.example' end,
       case when m % 10 < 3 then 'KAM ' || (m % 12) end,
       case when m % 10 < 3 then 'kam' || (m % 12) || '@kam.example' end,
       current_setting('bench.now')::timestamptz
from bench_merchant
where current_setting('bench.lo')::bigint = 1 and m % 10 < 8
on conflict do nothing;

drop table if exists bench_issue;
create temp table bench_issue as
with settings as (
    select current_setting('bench.lo')::bigint as lo, current_setting('bench.hi')::bigint as hi,
           current_setting('bench.count')::bigint as n, current_setting('bench.now')::timestamptz as now_at,
           current_setting('bench.issue_id_base')::bigint as issue_id_base,
           current_setting('bench.key_base')::bigint as key_base
),
spread as (
    -- Where in the year issue g falls: day and fraction of that day, growing with g.
    select g, s.*, ((g - 1) + ((hashint8extended(g, 1) & 1048575)::float8 / 1048576) * 0.9) / s.n * 365 as x
    from settings s, generate_series(s.lo, s.hi - 1) g
),
raw as materialized (
    select g, lo, n, now_at, issue_id_base + g as id, 'VSD-' || (key_base + g - 1) as issue_key,
           -- Most arrive in office hours (06–16 UTC); the last ones are kept just before now.
           least(date_trunc('day', now_at) - interval '365 days' + floor(x) * interval '1 day'
                     + case when x - floor(x) < 0.08 then (x - floor(x)) / 0.08 * interval '6 hours'
                            when x - floor(x) < 0.92 then interval '6 hours' + (x - floor(x) - 0.08) / 0.84 * interval '10 hours'
                            else interval '16 hours' + (x - floor(x) - 0.92) / 0.08 * interval '8 hours' end,
                 now_at - (n - g + 1) * interval '1 second') as created_at,
           (hashint8extended(g, 2) & 1048575)::float8 / 1048576 as r2,
           (hashint8extended(g, 3) & 1048575)::float8 / 1048576 as r3,
           (hashint8extended(g, 4) & 1048575)::float8 / 1048576 as r4,
           (hashint8extended(g, 5) & 1048575)::float8 / 1048576 as r5,
           (hashint8extended(g, 6) & 1048575)::float8 / 1048576 as r6,
           (hashint8extended(g, 7) & 1048575)::float8 / 1048576 as r7,
           (hashint8extended(g, 8) & 1048575)::float8 / 1048576 as r8,
           (hashint8extended(g, 9) & 1048575)::float8 / 1048576 as r9,
           (hashint8extended(g, 10) & 1048575)::float8 / 1048576 as r10,
           (hashint8extended(g, 11) & 1048575)::float8 / 1048576 as r11,
           (hashint8extended(g, 12) & 1048575)::float8 / 1048576 as r12,
           (hashint8extended(g, 13) & 1048575)::float8 / 1048576 as r13,
           (hashint8extended(g, 14) & 1048575)::float8 / 1048576 as r14,
           (hashint8extended(g, 17) & 1048575)::float8 / 1048576 as r17,
           (hashint8extended(g, 18) & 1048575)::float8 / 1048576 as r18,
           hashint8extended(g, 15) & 1048575 as h15,
           hashint8extended(g, 16) & 1048575 as h16
    from spread
),
aged as (
    select r.*, extract(epoch from r.now_at - r.created_at) / 3600 as age_hours,
           -- The issue before a merged one learns when that one was merged into it.
           case when r.g % 200 = 6 then lead(r.created_at) over (order by r.g) end as merged_in_created_at,
           -- A few merchants have many issues (the largest about 4 %), most have a handful.
           floor(20000 * r.r2 * r.r2 * r.r2)::int as m,
           floor(r.r3 * 3)::int as person,
           -- Product: weighted towards ePayment and Recurring.
           (array[1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11])[1 + (r.h15 % 20)] as product_index,
           (array[1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9])[1 + (r.h16 % 12)] as code_index
    from raw r
),
statused as (
    select a.*,
           case
               -- Merged: every 200th issue, into the issue before it, an hour at most after it came (in the
               -- same batch, so batches may run side by side).
               when a.g % 200 = 7 and a.g > a.lo then 'CLOSED'
               when a.age_hours < 48 then
                   case when a.r4 < 0.30 then 'NEEDS_INFO' when a.r4 < 0.75 then 'OPEN' when a.r4 < 0.92 then 'PENDING'
                        else 'RESOLVED' end
               when a.age_hours < 24 * 30 then
                   case when a.r4 < 0.08 then 'NEEDS_INFO' when a.r4 < 0.18 then 'OPEN' when a.r4 < 0.38 then 'PENDING'
                        when a.r4 < 0.65 then 'RESOLVED' else 'CLOSED' end
               else
                   case when a.r4 < 0.02 then 'NEEDS_INFO' when a.r4 < 0.05 then 'OPEN' when a.r4 < 0.07 then 'PENDING'
                        when a.r4 < 0.12 then 'RESOLVED' else 'CLOSED' end
           end as status,
           case when a.r5 < 0.55 then 'API' when a.r5 < 0.85 then 'WEB' else 'EMAIL' end as channel
    from aged a
),
shaped as (
    select s.*,
           s.g % 200 = 7 and s.g > s.lo as merged,
           -- What the request lacked at intake: issues still in NEEDS_INFO lack something; of the
           -- others a fifth sent the orderId later, which completed the checklist.
           s.status <> 'NEEDS_INFO' and s.r6 < 0.2 and not (s.g % 200 = 7 and s.g > s.lo) as completed_later,
           s.status = 'NEEDS_INFO' and (s.r7 < 0.6 or s.r7 >= 0.9) as lacks_http,
           s.status = 'NEEDS_INFO' and s.r7 >= 0.35 and s.r7 < 0.75 as lacks_order,
           s.status = 'NEEDS_INFO' and s.r7 >= 0.6 and s.r7 < 0.9 as lacks_dates,
           case when s.r8 < 0.05 then 'LOW' when s.r8 < 0.83 then 'NORMAL' when s.r8 < 0.97 then 'HIGH' else 'URGENT' end
               as priority,
           (array['ePayment API', 'Recurring API', 'Checkout API', 'eCom API', 'Login API', 'Access Token API',
                  'Webhooks API', 'Order Management API', 'Management API', 'Report API', 'QR API'])[s.product_index]
               as product_name,
           (array['EPAYMENT', 'RECURRING', 'CHECKOUT', 'ECOM', 'LOGIN', 'ACCESS_TOKEN', 'WEBHOOKS', 'ORDER_MANAGEMENT',
                  'MANAGEMENT', 'REPORT', 'QR'])[s.product_index] as product_code,
           (array['POST /epayment/v1/payments', 'POST /recurring/v3/agreements', 'POST /checkout/v3/session',
                  'POST /ecomm/v2/payments', 'POST /access-management-1.0/access/oauth2/token', 'POST /accesstoken/get',
                  'POST /webhooks/v1/webhooks', 'PUT /order-management/v2/ecom/receipts', 'GET /management/v1/merchants',
                  'GET /report/v2/ledgers', 'POST /qr/v1/merchant-redirect'])[s.product_index] as call,
           (array[400, 401, 403, 404, 409, 422, 429, 500, 502])[s.code_index] as http_code,
           (array['Bad Request', 'Unauthorized', 'Forbidden', 'Not Found', 'Conflict', 'Unprocessable Entity',
                  'Too Many Requests', 'Internal Server Error', 'Bad Gateway'])[s.code_index] as http_title,
           (array['Invalid amount', 'invalid_client', 'Merchant not allowed for this API', 'Payment not found',
                  'Idempotency key reused with another body', 'Invalid phone number', 'Rate limit exceeded',
                  'An unexpected error occurred', 'Upstream timeout'])[s.code_index] as error_detail
    from statused s
),
people as materialized (
    select sh.*, bm.organization_number, bm.msn, bm.domain, bm.name as merchant_name, bm.country_code,
           (array['Kari', 'Ola', 'Ingrid', 'Lars', 'Sofie', 'Magnus', 'Nora', 'Henrik', 'Emma', 'Jonas', 'Sara',
                  'Mikkel', 'Ida', 'Anders', 'Maja', 'Rasmus', 'Aino', 'Eero', 'Liisa', 'Mathias', 'Frida', 'Sindre',
                  'Camilla', 'Thomas', 'Hanna', 'Jesper', 'Tuula', 'Mette', 'Erik', 'Silje', 'Oskari', 'Line', 'Vegard',
                  'Astrid', 'Kasper', 'Marte', 'Joonas', 'Freja', 'Håkon', 'Sunniva'])[1 + (sh.m * 7 + sh.person * 3) % 40]
               as first_name,
           (array['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen',
                  'Jensen', 'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
                  'Jørgensen', 'Halvorsen', 'Nielsen', 'Christensen', 'Rasmussen', 'Sørensen', 'Virtanen', 'Korhonen',
                  'Mäkinen', 'Nieminen', 'Lindqvist', 'Solberg', 'Bakke', 'Lund', 'Moen', 'Strand', 'Eide', 'Holm',
                  'Lie', 'Vik', 'Madsen', 'Laine'])[1 + (sh.m * 11 + sh.person * 5) % 40] as last_name,
           (array['ingrid.solberg', 'lars.eide', 'maja.holm', 'jonas.strand', 'sara.lund', 'erik.moen',
                  'nora.bakke', 'henrik.vik', 'emma.lie', 'anders.dahl', 'ida.berg', 'thomas.hagen', 'silje.haugen',
                  'mikkel.jensen', 'freja.nielsen', 'kasper.madsen', 'aino.virtanen', 'eero.korhonen', 'tuula.laine',
                  'vegard.karlsen', 'astrid.olsen', 'sindre.nilsen', 'camilla.larsen', 'hakon.andersen'])[1 + (sh.g * 13 + sh.m) % 24]
               || '@support.example' as agent,
           'order-' || sh.m || '-' || (1000000 + sh.g * 37 % 8999999) as order_ref
    from shaped sh join bench_merchant bm on bm.m = sh.m
),
timed as (
    -- The course of the issue in hours after its creation: the missing orderId within a day, staff
    -- within the hour, a first answer mostly within a few hours, the reporter within two days, a
    -- resolution within three, closing a week later. Each step is capped by a growing share of the
    -- issue's age, so steps stay in order and never lie in the future.
    select p.*,
           least(p.age_hours * 0.10, o.open) as h_open,
           least(p.age_hours * 0.15, o.open + 0.1 + p.r10 * 0.5) as h_assign,
           least(p.age_hours * 0.20, o.open + 0.2 + p.r10 * 0.5 + p.r17 * p.r17 * p.r17 * 8) as h_reply,
           least(p.age_hours * 0.40, o.open + 1.2 + p.r10 * 0.5 + 8 + p.r12 * 48) as h_follow,
           least(p.age_hours * 0.60, o.open + 2.2 + p.r10 * 0.5 + 8 + 48 + p.r18 * 72) as h_resolve,
           least(p.age_hours * 0.90, o.open + 2.2 + p.r10 * 0.5 + 8 + 48 + 72 + 168) as h_close,
           least(p.age_hours * 0.05, 1) as h_merge,
           p.merged_in_created_at
               + least(extract(epoch from p.now_at - p.merged_in_created_at) / 3600 * 0.05, 1) * interval '1 hour'
               as merged_in_at
    from people p
    cross join lateral (select case when p.completed_later then 0.5 + p.r9 * 24 else 0 end as open) o
),
flowed as materialized (
    select t.*,
           lower(translate(t.first_name, 'æøåäöÆØÅÄÖ', 'eoaaoEOAAO')) || '.'
               || lower(translate(t.last_name, 'æøåäöÆØÅÄÖ', 'eoaaoEOAAO')) || '@' || t.domain as reporter_email,
           t.first_name || ' ' || t.last_name as reporter_name,
           case when t.r13 < 0.7 then t.country_code || ' ' || (90000000 + (t.m * 7 + t.person)::bigint * 104729 % 9999999)::text end
               as reporter_phone,
           -- CC recipients: none for half, up to three colleagues at the same merchant.
           case when t.r14 < 0.5 then 0 when t.r14 < 0.8 then 1 when t.r14 < 0.95 then 2 else 3 end as cc_count,
           case when t.completed_later then t.created_at + t.h_open * interval '1 hour'
                when t.status <> 'NEEDS_INFO' then t.created_at end as opened_at,
           not t.merged and (t.status in ('PENDING', 'RESOLVED', 'CLOSED') or (t.status = 'OPEN' and t.r10 < 0.25)
               or (t.status = 'NEEDS_INFO' and t.r10 < 0.4)) as replied,
           not t.merged and (t.status in ('PENDING', 'RESOLVED', 'CLOSED') or (t.status = 'OPEN' and t.r10 < 0.6)
               or (t.status = 'NEEDS_INFO' and t.r10 < 0.5)) as assigned,
           not t.merged and t.r11 < 0.2 as noted,
           t.status in ('RESOLVED', 'CLOSED') and not t.merged and t.r11 < 0.5 as reporter_followed_up,
           t.created_at + t.h_assign * interval '1 hour' as assigned_at,
           t.created_at + t.h_reply * interval '1 hour' as replied_at,
           t.created_at + t.h_follow * interval '1 hour' as followed_up_at,
           case when t.status in ('RESOLVED', 'CLOSED') and not t.merged then t.created_at + t.h_resolve * interval '1 hour' end
               as resolved_at,
           case when t.merged then t.created_at + t.h_merge * interval '1 hour'
                when t.status = 'CLOSED' then t.created_at + t.h_close * interval '1 hour' end as closed_at
    from timed t
),
local_open as (
    select f.*, (f.opened_at at time zone 'Europe/Oslo')::date as open_day,
           (f.opened_at at time zone 'Europe/Oslo')::time as open_time,
           extract(isodow from f.opened_at at time zone 'Europe/Oslo')::int as open_dow
    from flowed f
),
clocked as materialized (
    -- The first-response due time: 4 business hours (Mon–Fri 08–16 Oslo; holidays ignored here)
    -- after the issue opened.
    select l.*,
           (case
                when l.open_dow <= 5 and l.open_time < time '08:00' then l.open_day + time '12:00'
                when l.open_dow <= 5 and l.open_time < time '12:00' then l.open_day + l.open_time + interval '4 hours'
                when l.open_dow <= 5 and l.open_time < time '16:00' then
                    (l.open_day + case l.open_dow when 5 then 3 else 1 end) + time '08:00'
                        + (interval '4 hours' - (time '16:00' - l.open_time))
                else (l.open_day + case l.open_dow when 5 then 3 when 6 then 2 else 1 end) + time '12:00'
            end) at time zone 'Europe/Oslo' as due_at
    from local_open l
)
select c.*,
       array(select lower(translate((array['Kari', 'Ola', 'Ingrid', 'Lars', 'Sofie', 'Magnus', 'Nora', 'Henrik', 'Emma',
                         'Jonas', 'Sara', 'Mikkel', 'Ida', 'Anders', 'Maja', 'Rasmus', 'Aino', 'Eero', 'Liisa', 'Mathias',
                         'Frida', 'Sindre', 'Camilla', 'Thomas', 'Hanna', 'Jesper', 'Tuula', 'Mette', 'Erik', 'Silje',
                         'Oskari', 'Line', 'Vegard', 'Astrid', 'Kasper', 'Marte', 'Joonas', 'Freja', 'Håkon',
                         'Sunniva'])[1 + (c.m * 7 + (c.person + k) * 3) % 40], 'æøåäöÆØÅÄÖ', 'eoaaoEOAAO')) || '.'
                     || lower(translate((array['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen',
                         'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Johannessen',
                         'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Nielsen', 'Christensen', 'Rasmussen',
                         'Sørensen', 'Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Lindqvist', 'Solberg', 'Bakke', 'Lund',
                         'Moen', 'Strand', 'Eide', 'Holm', 'Lie', 'Vik', 'Madsen',
                         'Laine'])[1 + (c.m * 11 + (c.person + k) * 5) % 40], 'æøåäöÆØÅÄÖ', 'eoaaoEOAAO')) || '@' || c.domain
             -- Colleagues at the same merchant: person numbers after the reporter's, so no address repeats.
             from generate_series(1, c.cc_count) k order by k) as cc_emails,
       case c.g % 10
           when 0 then c.call || ' gives HTTP ' || c.http_code
           when 1 then c.product_name || ': HTTP ' || c.http_code || ' "' || c.error_detail || '" in production'
           when 2 then 'Callback not received after ' || c.product_name || ' payment'
           when 3 then 'Capture fails with HTTP ' || c.http_code || ' for ' || c.order_ref
           when 4 then 'Refund of ' || c.order_ref || ' returns ' || c.http_code
           when 5 then 'Webhook signature does not validate for ' || c.merchant_name
           when 6 then 'Access token request fails with ' || c.error_detail
           when 7 then 'Betaling feiler med feilkode ' || c.http_code || ' i ' || c.product_name
           when 8 then 'Betalingen afvises med fejl ' || c.http_code
           else 'Maksu epäonnistuu virheellä ' || c.http_code
       end as subject,
       case when c.g % 10 = 7 then
           '1. Vi kaller ' || c.call || ' fra nettbutikken vår. 2. Vi får HTTP ' || c.http_code || ' (' || c.error_detail
           || ') tilbake. 3. Vi har prøvd igjen med ny referanse, samme resultat. Forventet: betalingen opprettes. '
           || (array['Det startet etter at vi oppdaterte plugin.', 'Kundene klager på at betalingen stopper.',
                     'Gjelder både test og produksjon.', 'Vi har ikke endret noe på vår side.'])[1 + c.g % 4]
       else
           '1. We call ' || c.call || ' from our '
           || (array['checkout', 'backend', 'POS integration', 'mobile app', 'webshop'])[1 + c.m % 5]
           || '. 2. The call returns HTTP ' || c.http_code || ' (' || c.error_detail || '). 3. '
           || (array['We retried with a new reference and got the same result.',
                     'It happens for about one payment in ten.',
                     'Only customers paying with a card in the app are affected.',
                     'The same call worked yesterday.',
                     'We followed the quick start guide step by step.',
                     'The capture after reserve fails in the same way.',
                     'We send the Idempotency-Key header on every retry.',
                     'Our webhook endpoint answers 200 within a second.'])[1 + (c.g / 10) % 8]
           || ' Expected: '
           || (array['a payment is created and the user is redirected to the app.', 'the callback arrives.',
                     'the refund is accepted.', 'an access token.', 'the agreement is activated.'])[1 + c.g % 5]
           || ' Actual: ' || c.http_code || ' every time since ' || to_char(c.created_at, 'HH24:MI') || '.'
           || case when c.g % 3 = 0 then ' Our reference is ' || c.order_ref || '.' else '' end
           || case when c.g % 50 = 1 then ' The timeout is 30 seconds on our side; we see a socket timeout.' else '' end
           || case when c.g % 1000 = 3 then ' The TLS handshake fails with a certificate chain error.' else '' end
       end as description,
       case when not c.lacks_http then
           c.call || ' HTTP/1.1' || chr(10) || 'Host: api.vipps.no' || chr(10) || 'Authorization: Bearer …' || substr(md5(c.issue_key), 1, 4)
           || chr(10) || 'Ocp-Apim-Subscription-Key: …' || substr(md5(c.msn), 1, 4) || chr(10) || 'Merchant-Serial-Number: ' || c.msn
           || chr(10) || 'Idempotency-Key: ' || md5(c.order_ref)::uuid || chr(10) || 'Content-Type: application/json' || chr(10) || chr(10)
           || '{"amount":{"currency":"NOK","value":' || (100 + c.g % 9900) * 100 || '},"reference":"' || c.order_ref
           || '","paymentMethod":{"type":"WALLET"},"userFlow":"WEB_REDIRECT"}'
       end as http_request,
       case when not c.lacks_http then
           'HTTP/1.1 ' || c.http_code || ' ' || c.http_title || chr(10) || 'Content-Type: application/problem+json' || chr(10) || chr(10)
           || '{"title":"' || c.http_title || '","detail":"' || c.error_detail || '","status":' || c.http_code
           || ',"traceId":"00-' || md5(c.issue_key || 't') || '-01"}'
       end as http_response,
       c.replied and c.opened_at is not null and c.replied_at > c.due_at as breached,
       greatest(c.created_at, c.opened_at,
                case when c.assigned then c.assigned_at end,
                case when c.replied then c.replied_at end,
                case when c.reporter_followed_up then c.followed_up_at end,
                case when c.g % 100 = 42 and c.status not in ('RESOLVED', 'CLOSED') then c.assigned_at end,
                c.resolved_at, c.closed_at, c.merged_in_at) as updated_at
from clocked c;

insert into issue (id, issue_key, status, subject, description, channel, organization_number, merchant_serial_number,
                   product, environment, order_id, transaction_id, context_id, occurred_on, http_request, http_response,
                   topic, additional_info, follow_up_token_hash, created_at, updated_at, version, assignee, priority,
                   escalated, escalation_reason, checklist_complete, checklist, sla_target_seconds, sla_used_seconds,
                   sla_running_since, first_response_due_at, first_responded_at, first_response_breached, resolved_at,
                   closed_at, merged_into_id, follow_up_of_id, split_from_id, route, route_suggested)
select b.id, b.issue_key, b.status,
       b.subject, b.description,
       b.channel, b.organization_number, b.msn, case when b.r13 < 0.7 then b.product_name end,
       case when b.r12 < 0.6 then 'PRODUCTION' else 'TEST' end,
       case when not b.lacks_order then b.order_ref end,
       case when b.r11 < 0.3 then 'tr-' || b.id end,
       case when b.r11 < 0.1 then md5(b.issue_key) end,
       case when b.lacks_dates then '{}'::text[] else array[to_char(b.created_at - (b.g % 3) * interval '1 day', 'YYYY-MM-DD')] end,
       b.http_request, b.http_response,
       null,
       case when b.g % 4 = 0 then 'We upgraded our backend last week.' end,
       encode(sha256(convert_to('bench-token-' || b.issue_key, 'UTF8')), 'hex'),
       b.created_at, b.updated_at,
       (b.opened_at is not null and b.opened_at > b.created_at)::int + b.assigned::int + b.noted::int + b.replied::int * 2
           + b.reporter_followed_up::int + (b.resolved_at is not null)::int + (b.closed_at is not null)::int,
       case when b.assigned then b.agent end,
       b.priority,
       b.g % 100 = 42 and b.status not in ('RESOLVED', 'CLOSED'),
       case when b.g % 100 = 42 and b.status not in ('RESOLVED', 'CLOSED') then 'Many merchants are affected' end,
       b.status <> 'NEEDS_INFO',
       jsonb_build_object('complete', b.status <> 'NEEDS_INFO', 'warnings', '[]'::jsonb, 'items', jsonb_build_array(
           jsonb_build_object('number', 1, 'key', 'DESCRIPTION', 'state', 'OK', 'required', true, 'message', null,
               'value', (length(b.call) / 6 + 40) || ' words, step by step', 'source', 'description'),
           jsonb_build_object('number', 2, 'key', 'SUBJECT', 'state', 'OK', 'required', true, 'message', null,
               'value', b.call || ' gives HTTP ' || b.http_code, 'source', 'subject'),
           jsonb_build_object('number', 3, 'key', 'ORGANIZATION_NUMBER', 'state', 'OK', 'required', true, 'message', null,
               'value', b.organization_number, 'source', 'organizationNumber'),
           jsonb_build_object('number', 4, 'key', 'MERCHANT_SERIAL_NUMBER', 'state', 'OK', 'required', true, 'message', null,
               'value', b.msn, 'source', 'merchantSerialNumber'),
           jsonb_build_object('number', 5, 'key', 'PRODUCT', 'state', 'OK', 'required', true, 'message', null,
               'value', b.product_code, 'source', 'subject (path ' || split_part(b.call, ' ', 2) || ')'),
           jsonb_build_object('number', 6, 'key', 'ENVIRONMENT', 'state', 'OK', 'required', true, 'message', null,
               'value', case when b.r12 < 0.6 then 'PRODUCTION' else 'TEST' end, 'source', 'environment'),
           case when b.lacks_order then
               jsonb_build_object('number', 7, 'key', 'ORDER_REFERENCES', 'state', 'MISSING', 'required', true, 'value', null,
                   'source', null, 'message', 'Add the orderId (reference) of a payment that shows the problem; its transactionId and contextId help too.')
           else
               jsonb_build_object('number', 7, 'key', 'ORDER_REFERENCES', 'state', 'OK', 'required', true, 'value', b.order_ref,
                   'source', 'orderId', 'message', 'A transactionId or contextId of the same payment helps us find it faster.')
           end,
           case when b.lacks_dates then
               jsonb_build_object('number', 8, 'key', 'DATES', 'state', 'MISSING', 'required', true, 'value', null, 'source', null,
                   'message', 'Add the date(s) the problem happened (e.g. 2026-11-20), with times if you have them; our servers log in UTC.')
           else
               jsonb_build_object('number', 8, 'key', 'DATES', 'state', 'OK', 'required', true, 'message', null,
                   'value', to_char(b.created_at - (b.g % 3) * interval '1 day', 'YYYY-MM-DD'), 'source', 'occurredOn')
           end,
           case when b.lacks_http then
               jsonb_build_object('number', 9, 'key', 'HTTP_EXCHANGE', 'state', 'MISSING', 'required', true, 'value', null,
                   'source', null, 'message', 'Add the complete HTTP request and response as plain text: method, URL, headers (with secrets cut) and body; status line, headers and body.')
           else
               jsonb_build_object('number', 9, 'key', 'HTTP_EXCHANGE', 'state', 'OK', 'required', true, 'message', null,
                   'value', b.call || ' → HTTP ' || b.http_code, 'source', 'httpExchange.request + httpExchange.response')
           end,
           jsonb_build_object('number', 10, 'key', 'SCREENSHOTS', 'state', 'RECOMMENDED', 'required', false, 'value', null,
               'source', null, 'message', 'A screenshot of what you or the user see often helps: attach it as an image.'),
           jsonb_build_object('number', 11, 'key', 'CONTACT', 'state', 'OK', 'required', true, 'message', null,
               'value', b.reporter_name || coalesce(', ' || replace(b.reporter_phone, ' ', ''), ''),
               'source', case when b.reporter_phone is null then 'reporter.name' else 'reporter.name + reporter.phone' end),
           case when b.g % 4 = 0 then
               jsonb_build_object('number', 12, 'key', 'OTHER_INFO', 'state', 'OK', 'required', false, 'message', null,
                   'value', 'We upgraded our backend last week.', 'source', 'additionalInfo')
           else
               jsonb_build_object('number', 12, 'key', 'OTHER_INFO', 'state', 'RECOMMENDED', 'required', false, 'value', null,
                   'source', null, 'message', 'Anything else that may matter helps: recent changes, platform or plugin versions, how many users are affected.')
           end)),
       14400,
       case
           when b.replied and b.opened_at is not null and b.breached then 14400 + (b.g % 7200)
           when b.replied and b.opened_at is not null then least(14399, extract(epoch from b.replied_at - b.opened_at)::bigint)
           when b.merged then least(14399, extract(epoch from b.closed_at - b.opened_at)::bigint)
           else 0
       end,
       case when b.status = 'OPEN' and not b.replied then b.opened_at end,
       b.due_at,
       case when b.replied then b.replied_at end,
       case when b.replied then b.breached end,
       b.resolved_at, b.closed_at,
       case when b.merged then b.id - 1 end, null, null,
       case when b.g % 400 = 5 then 'PSP' else 'INTEGRATION_SERVICES' end,
       case when b.g % 40 = 9 then (array['PSP', 'PARTNER', 'POS_VENDOR', 'SETTLEMENTS', 'PLUGIN_VENDOR', 'CUSTOMER_SERVICE'])[1 + (b.g / 40) % 6] end
from bench_issue b
order by b.id;

insert into participant (id, issue_id, email, email_key, name, phone, role, added_at, added_via, added_by)
select current_setting('bench.participant_id_base')::bigint + (b.g - 1) * 4 + p.k, b.id, p.email, lower(p.email),
       case when p.k = 1 then b.reporter_name end, case when p.k = 1 then b.reporter_phone end,
       case when p.k = 1 then 'REPORTER' else 'CC' end, b.created_at, b.channel, b.reporter_email
from bench_issue b
cross join lateral unnest(array[b.reporter_email] || b.cc_emails) with ordinality as p(email, k)
order by 1;

-- The thread, in fixed slots: 0 the request, 1 the reporter's completion, 2 an internal note,
-- 3 the first reply, 4 the reporter's follow-up, 5 the answer that resolved it. A merged issue's
-- messages moved to the issue it was merged into.
insert into message (id, issue_id, kind, author, author_name, channel, body, fields, http_request, http_response,
                     created_at, moved_from_issue_id, external_id)
select current_setting('bench.message_id_base')::bigint + (b.g - 1) * 8 + m.slot + 1,
       case when b.merged then b.id - 1 else b.id end,
       m.kind, m.author, m.author_name, m.channel, m.body, m.fields, m.http_request, m.http_response, m.created_at,
       case when b.merged then b.id end,
       case when m.channel = 'EMAIL' and m.kind = 'INBOUND' then '<' || md5(b.issue_key || m.slot) || '@mail.' || b.domain || '>' end
from bench_issue b
cross join lateral (
    select 0 as slot, 'INBOUND' as kind, b.reporter_email as author, b.reporter_name as author_name, b.channel as channel,
           b.description as body, '{}'::jsonb as fields, b.http_request, b.http_response, b.created_at as created_at
    union all
    select 1, 'INBOUND', b.reporter_email, b.reporter_name, b.channel,
           'Here is the orderId of a payment that fails: ' || b.order_ref || '.',
           jsonb_build_object('orderId', b.order_ref), null, null, b.opened_at
    where b.completed_later
    union all
    select 2, 'NOTE', b.agent, null, 'STAFF',
           (array['Checked the logs: the request reaches us, the error comes from validation.',
                  'Same merchant reported something similar last month.',
                  'Asked the ePayment team whether this is the known issue.',
                  'Looks like a wrong subscription key for the test environment.'])[1 + b.g % 4],
           '{}'::jsonb, null, null, b.assigned_at
    where b.noted and b.assigned
    union all
    select 3, 'REPLY', b.agent, null, 'STAFF',
           'Hi ' || b.first_name || ', thank you for the details. '
           || (array['The amount must be given in øre, so 499.00 NOK is 49900; please try again with that.',
                     'The Merchant-Serial-Number header must match the MSN of the subscription key you use.',
                     'We see the callback was sent but your server answered 502; please check your endpoint.',
                     'Please send the complete HTTP request and response so we can look it up.',
                     'The access token must be fetched with the client_id and client_secret of the same MSN.'])[1 + b.g % 5],
           '{}'::jsonb, null, null, b.replied_at
    where b.replied
    union all
    select 4, 'INBOUND', b.reporter_email, b.reporter_name, b.channel,
           (array['Thank you, that helped. One more question: does the same apply to refunds?',
                  'We tried again and it still fails for some customers.',
                  'Takk, det fungerer nå.', 'Here is the new request and response.'])[1 + b.g % 4],
           '{}'::jsonb, null, null, b.followed_up_at
    where b.reporter_followed_up
    union all
    select 5, 'REPLY', b.agent, null, 'STAFF',
           (array['Good to hear it works now. We resolve this issue; reply if anything else comes up.',
                  'The fix is deployed to production. We resolve the issue.',
                  'As discussed, this was a configuration error on your side; we resolve the issue.'])[1 + b.g % 3],
           '{}'::jsonb, null, null, b.resolved_at
    where b.resolved_at is not null
) m
order by 1;

-- The history, as IssueManagement writes it, in fixed slots in the order things happen (only the
-- MERGED_FROM entry of the issue merged into lies in the merged issue's slots).
insert into issue_event (id, issue_id, occurred_at, actor, channel, type, from_value, to_value, detail)
select current_setting('bench.event_id_base')::bigint + (b.g - 1) * 24 + e.slot + 1, e.issue_id, e.occurred_at,
       e.actor, e.channel, e.type, e.from_value, e.to_value, e.detail
from bench_issue b
cross join lateral (
    select current_setting('bench.message_id_base')::bigint + (b.g - 1) * 8 as message_base) mb
cross join lateral (
    select 0 as slot, b.id as issue_id, b.created_at as occurred_at, b.reporter_email as actor, b.channel as channel,
           'CREATED' as type, null as from_value, 'NEEDS_INFO' as to_value, b.channel as detail
    union all
    select p.k::int, b.id, b.created_at, b.reporter_email, b.channel, 'PARTICIPANT_ADDED', null, p.email,
           case when p.k = 1 then 'REPORTER' else 'CC' end
    from unnest(array[b.reporter_email] || b.cc_emails) with ordinality as p(email, k)
    union all
    select 5, b.id, b.created_at, b.reporter_email, b.channel, 'MESSAGE_ADDED', null, 'INBOUND', 'message ' || (mb.message_base + 1)
    union all
    select 6, b.id, b.created_at, 'system', 'SYSTEM', 'CHECKLIST_EVALUATED', null,
           case when b.status = 'NEEDS_INFO' or b.completed_later then 'INCOMPLETE' else 'COMPLETE' end,
           case when b.status = 'NEEDS_INFO' then 'Missing: ' || concat_ws(', ',
                    case when b.lacks_order then 'ORDER_REFERENCES' end, case when b.lacks_dates then 'DATES' end,
                    case when b.lacks_http then 'HTTP_EXCHANGE' end)
                when b.completed_later then 'Missing: ORDER_REFERENCES' end
    union all
    select 7, b.id, b.created_at, 'system', 'SYSTEM', 'STATUS_CHANGED', 'NEEDS_INFO', 'OPEN', 'The checklist is complete'
    where b.opened_at = b.created_at
    union all
    select 8, b.id, b.opened_at, b.reporter_email, b.channel, 'MESSAGE_ADDED', null, 'INBOUND', 'message ' || (mb.message_base + 2)
    where b.completed_later
    union all
    select 9, b.id, b.opened_at, b.reporter_email, b.channel, 'FIELD_CHANGED', null, b.order_ref, 'orderId'
    where b.completed_later
    union all
    select 10, b.id, b.opened_at, 'system', 'SYSTEM', 'CHECKLIST_EVALUATED', null, 'COMPLETE', null
    where b.completed_later
    union all
    select 11, b.id, b.opened_at, 'system', 'SYSTEM', 'STATUS_CHANGED', 'NEEDS_INFO', 'OPEN', 'The checklist is complete'
    where b.completed_later
    union all
    select 12, b.id, b.assigned_at, b.agent, 'STAFF', 'ASSIGNED', null, b.agent, null
    where b.assigned
    union all
    select 13, b.id, b.assigned_at, b.agent, 'STAFF', 'MESSAGE_ADDED', null, 'NOTE', 'message ' || (mb.message_base + 3)
    where b.noted and b.assigned
    union all
    select 15, b.id, b.replied_at, b.agent, 'STAFF', 'MESSAGE_ADDED', null, 'REPLY', 'message ' || (mb.message_base + 4)
    where b.replied
    union all
    select 16, b.id, b.replied_at, b.agent, 'STAFF', 'FIRST_RESPONSE', null, case when b.breached then 'BREACHED' else 'MET' end,
           'Staff replied'
    where b.replied
    union all
    select 17, b.id, b.replied_at, b.agent, 'STAFF', 'STATUS_CHANGED', 'OPEN', 'PENDING', null
    where b.status in ('PENDING', 'RESOLVED', 'CLOSED') and not b.merged
    union all
    select 18, b.id, b.followed_up_at, b.reporter_email, b.channel, 'MESSAGE_ADDED', null, 'INBOUND', 'message ' || (mb.message_base + 5)
    where b.reporter_followed_up
    union all
    select 19, b.id, b.followed_up_at, b.reporter_email, b.channel, 'STATUS_CHANGED', 'PENDING', 'OPEN', 'The reporter replied'
    where b.reporter_followed_up
    union all
    select 20, b.id, b.resolved_at, b.agent, 'STAFF', 'MESSAGE_ADDED', null, 'REPLY', 'message ' || (mb.message_base + 6)
    where b.resolved_at is not null
    union all
    select 21, b.id, b.resolved_at, b.agent, 'STAFF', 'STATUS_CHANGED',
           case when b.reporter_followed_up then 'OPEN' else 'PENDING' end, 'RESOLVED', null
    where b.resolved_at is not null
    union all
    select 22, b.id, b.closed_at, b.agent, 'STAFF', 'STATUS_CHANGED', 'RESOLVED', 'CLOSED', null
    where b.closed_at is not null and not b.merged
    union all
    select 14, b.id, b.assigned_at, b.agent, 'STAFF', 'ESCALATED', null, 'Many merchants are affected', null
    where b.g % 100 = 42 and b.status not in ('RESOLVED', 'CLOSED')
    union all
    -- Slot 21 of a merged issue is free: the issue it was merged into records MERGED_FROM there.
    select 21, b.id - 1, b.closed_at, b.agent, 'STAFF', 'MERGED_FROM', null, b.issue_key,
           '1 messages moved'
    where b.merged
    union all
    select 22, b.id, b.closed_at, b.agent, 'STAFF', 'MERGED_INTO', null, 'VSD-' || (current_setting('bench.key_base')::bigint + b.g - 2),
           '1 messages moved'
    where b.merged
    union all
    select 23, b.id, b.closed_at, b.agent, 'STAFF', 'STATUS_CHANGED', 'OPEN', 'CLOSED',
           'Merged into VSD-' || (current_setting('bench.key_base')::bigint + b.g - 2)
    where b.merged
) e
order by 1;

drop table bench_issue;
drop table bench_merchant;
