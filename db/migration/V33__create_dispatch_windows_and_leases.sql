-- Per official account: when it may get its next call (1 s after the last one, and an hour
-- after the older of its last two broadcasts), counting every run and campaign.
create table oa_window (
  chat_app_id       bigint       not null,
  official_account  varchar(64)  not null,
  next_allowed_at   timestamptz  not null,
  last_broadcast_at timestamptz,
  prev_broadcast_at timestamptz,
  constraint pk_oa_window primary key (chat_app_id, official_account)
);

-- Per Chat app: the one node that dispatches its deliveries, until the lease runs out.
create table dispatch_lease (
  chat_app_id bigint       not null,
  holder      varchar(100) not null,
  until       timestamptz  not null,
  constraint pk_dispatch_lease primary key (chat_app_id)
);
