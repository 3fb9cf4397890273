-- Audiences at scale: tags and archiving for official accounts, dynamic target groups,
-- and a campaign's targets kept as sources (resolved when a run fires) instead of a
-- joined list of account ids.

alter table official_account
  add column tags        text[]      not null default '{}',
  add column archived_at timestamptz;

-- Tag filters (tags @> / &&) on the account list and in audiences.
create index ix_official_account_tags on official_account using gin (tags);
-- The account list pages by account id within an app.
create index ix_official_account_app_live on official_account (chat_app_id, account_id) where archived_at is null;

-- A dynamic group is a saved filter (every tag in filter_tags, and filter_text in the id or
-- name), resolved whenever it is used; a static group has members.
alter table target_group
  add column dynamic     boolean      not null default false,
  add column filter_tags text[]       not null default '{}',
  add column filter_text varchar(150),
  add column archived_at timestamptz;

-- Resolving a group's members, and "which groups is this account in".
create index ix_target_group_member_account on target_group_member (official_account_id);

-- What a campaign targets: every account of its app, a group, a tag, or one account.
create table campaign_target (
  campaign_id bigint       not null,
  position    integer      not null,
  kind        varchar(16)  not null,
  ref_id      bigint,
  tag         varchar(100),
  constraint pk_campaign_target primary key (campaign_id, position),
  constraint fk_campaign_target_to_campaign foreign key (campaign_id) references campaign (id) on delete cascade,
  constraint ck_campaign_target_kind check (kind in ('APP', 'GROUP', 'TAG', 'ACCOUNT')),
  constraint ck_campaign_target_ref check (
    (kind = 'APP' and ref_id is null and tag is null)
    or (kind in ('GROUP', 'ACCOUNT') and ref_id is not null and tag is null)
    or (kind = 'TAG' and ref_id is null and tag is not null))
);

insert into campaign_target (campaign_id, position, kind, ref_id)
select campaign_id, (row_number() over (partition by campaign_id order by kind desc, n)) - 1, kind, ref
from (
  select c.id as campaign_id, 'GROUP' as kind, t.ref::bigint as ref, t.n
  from campaign c, unnest(string_to_array(nullif(c.target_group_ids, ''), ',')) with ordinality as t(ref, n)
  union all
  select c.id, 'ACCOUNT', t.ref::bigint, t.n
  from campaign c, unnest(string_to_array(nullif(c.target_account_ids, ''), ',')) with ordinality as t(ref, n)
) sources;

alter table campaign
  drop column target_account_ids,
  drop column target_group_ids,
  drop column targets,
  add column archived_at      timestamptz,
  add column submission_token varchar(64),
  add constraint uq_campaign_submission_token unique (submission_token);

-- How many accounts each source contributed to a run, and how many archived ones it
-- skipped: [{"kind":"GROUP","name":"APAC","accounts":120}, ...]
alter table campaign_run
  add column audience        text,
  add column archived_skipped integer not null default 0;
