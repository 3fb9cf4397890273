-- Tencent signs every callback once a token is set in its console:
-- Sign = hex(sha256(token || RequestTime)). The token is kept encrypted, like the secret key.
alter table chat_app add column callback_token_cipher text;

-- Without a token every callback is refused, unless an admin explicitly accepts unsigned ones.
alter table chat_app add column allow_unsigned_callbacks boolean not null default false;

-- Tencent recalls a message only within the edition's message history period.
alter table chat_app add column message_history_days integer not null default 7;
alter table chat_app add constraint ck_chat_app_message_history_days check (message_history_days in (7, 30, 90));

-- What the app's page shows about its callbacks: the last accepted one, the last refused
-- one and why, and Tencent's last rate warning (Alert.RequestOverLimit).
create table chat_app_callback_status (
  chat_app_id             bigint       not null,
  last_accepted_at        timestamptz,
  last_accepted_command   varchar(100),
  last_refused_at         timestamptz,
  last_refused_reason     varchar(40),
  last_refused_command    varchar(100),
  rate_alert_at           timestamptz,
  rate_alert_command      varchar(100),
  rate_alert_requests     integer,
  rate_alert_limit        integer,
  constraint pk_chat_app_callback_status primary key (chat_app_id),
  constraint fk_chat_app_callback_status_app foreign key (chat_app_id) references chat_app (id) on delete cascade
);

-- Signed callbacks accepted in the last minutes: the same signed request seen twice is a
-- replay. Tencent's Sign covers only the token and the second, so the body's digest is part
-- of the key (two real callbacks in one second share a Sign).
create table callback_signature (
  sdk_app_id   bigint       not null,
  sign         varchar(64)  not null,
  body_sha256  bytea        not null,
  accepted_at  timestamptz  not null,
  constraint pk_callback_signature primary key (sdk_app_id, sign, body_sha256)
);
create index ix_callback_signature_accepted_at on callback_signature (accepted_at);
