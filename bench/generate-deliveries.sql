-- Benchmark data (not used by tests): :deliveries delivery rows in runs of 2,000 official
-- accounts over the last 90 days, on three Chat apps and 100 recurring campaigns, with a
-- realistic mix of outcomes. One INSERT ... SELECT from generate_series, so PostgreSQL
-- fills millions of rows in minutes.
--   psql -v deliveries=5000000 -f bench/generate-deliveries.sql
\set ON_ERROR_STOP on
\set per_run 2000
select (:deliveries / :per_run) as runs \gset

insert into chat_app (name, sdk_app_id, endpoint, admin_identifier, secret_key_cipher, created_at, updated_at)
select 'Bench ' || g, 1600000000 + g, 'SINGAPORE', 'administrator', 'bench-not-a-cipher', now(), now()
from generate_series(1, 3) g
on conflict do nothing;

create temporary table bench_app as
select id, (row_number() over (order by id) - 1)::int as idx from chat_app where name like 'Bench %';

insert into send_run (chat_app_id, campaign_id, campaign_run_id, content_json, state, total, created_at,
                      state_changed_at, finished_at)
select a.id, 1000 + r % 100, r, '{}', 'FINISHED', :per_run, t, t, t + interval '20 minutes'
from generate_series(0, :runs - 1) r
cross join lateral (select now() - interval '90 days' + r * (interval '90 days' / :runs) as t) w
join bench_app a on a.idx = r % 3;

-- Indexes slow a bulk insert by an order of magnitude: drop the reporting ones, insert, build them again.
drop index if exists ix_delivery_created_at, ix_delivery_campaign, ix_delivery_error_code, ix_delivery_msg_key,
  ix_delivery_app_created, ix_delivery_account_created, ix_delivery_campaign_created, ix_delivery_status_created,
  ix_delivery_error_created, ix_delivery_msg_key_prefix;

insert into delivery (run_id, chat_app_id, campaign_id, campaign_run_id, official_account, random, status, attempts,
                      first_attempt_at, last_attempt_at, http_status, action_status, error_code, error_info, msg_time,
                      msg_key, recall_code, recalled_at, created_at)
select r.id, r.chat_app_id, r.campaign_id, r.campaign_run_id,
       '@TOA#_bench_' || (r.chat_app_id % 10) || '_' || n,
       (r.id * 7919 + n * 104729) % 4294967296,
       o.status,
       case when o.h % 10 = 0 then 2 else 1 end,
       r.created_at + n * interval '5 milliseconds',
       r.created_at + n * interval '5 milliseconds' + case when o.h % 10 = 0 then interval '2 seconds' else interval '80 milliseconds' end,
       200,
       case when o.status = 'FAILED' then 'FAIL' else 'OK' end,
       case when o.status = 'FAILED' then (array[80002, 10004, 20001, 90001, 10023])[1 + o.h % 5]
            when o.status = 'IN_DOUBT' then null else 0 end,
       case when o.status = 'FAILED' then 'bench error ' || o.h % 5 end,
       case when o.delivered then extract(epoch from r.created_at)::bigint + n / 200 end,
       case when o.delivered then 'MK' || to_hex(r.id) || '-' || n end,
       case when o.status = 'RECALLED' then 0 when o.status = 'RECALL_FAILED' then 20004 end,
       case when o.status = 'RECALLED' then r.created_at + interval '1 hour' end,
       r.created_at
from send_run r
join bench_app a on a.id = r.chat_app_id
cross join generate_series(1, :per_run) n
cross join lateral (
  select h, s as status, s in ('SENT', 'RECALLED', 'RECALL_FAILED') as delivered
  from (select ((r.id * 2000 + n) * 2654435761) % 1000 as h) x
  cross join lateral (select case when h < 920 then 'SENT' when h < 960 then 'FAILED' when h < 968 then 'IN_DOUBT'
                                  when h < 988 then 'RECALLED' when h < 994 then 'RECALL_FAILED' else 'CANCELLED' end as s) y
) o
where r.campaign_id between 1000 and 1099;

create index ix_delivery_created_at on delivery (created_at, id);
create index ix_delivery_campaign on delivery (campaign_id, campaign_run_id);
create index ix_delivery_error_code on delivery (error_code) where error_code is not null;
create index ix_delivery_msg_key on delivery (msg_key) where msg_key is not null;
create index ix_delivery_app_created on delivery (chat_app_id, created_at, id);
create index ix_delivery_account_created on delivery (official_account, created_at, id);
create index ix_delivery_campaign_created on delivery (campaign_id, created_at, id) where campaign_id is not null;
create index ix_delivery_status_created on delivery (status, created_at, id);
create index ix_delivery_error_created on delivery (error_code, created_at, id) where error_code is not null;
create index ix_delivery_msg_key_prefix on delivery (msg_key varchar_pattern_ops) where msg_key is not null;
vacuum analyze delivery;
vacuum analyze send_run;
