-- Issue 15: attempt times that stay true, retries on time, and deliveries that wait for an operator.

-- first_attempt_at is now the real first call, never cleared. The duplicate window that makes a
-- same-body resend safe has its own start: when the attempt that may have landed first started, since
-- the delivery was last known not to have landed (null when no attempt may have landed).
alter table delivery add column resend_window_from timestamptz;
update delivery set resend_window_from = first_attempt_at
where maybe_sent and status in ('QUEUED', 'SENDING', 'IN_DOUBT');

-- Why an IN_DOUBT delivery with no next attempt waits for an operator's decision.
alter table delivery add column doubt_reason varchar(24);
alter table delivery add constraint ck_delivery_doubt_reason check (doubt_reason in ('HISTORY_CUT',
  'HISTORY_EXPIRED', 'PLACEHOLDER', 'UNJUDGEABLE', 'LOOKUPS_FAILED', 'HERALD_ERROR'));

-- When each attempt was due: its lateness is started_at - due_at.
alter table delivery_attempt add column due_at timestamptz;

-- Two claim lanes (ADR 0009): deliveries never called, and deliveries called before (retries,
-- in-doubt resends and lookups, claims recovered from a dead node), which go first.
drop index ix_delivery_due;
create index ix_delivery_due_fresh on delivery (chat_app_id, next_attempt_at, id)
  where status = 'QUEUED' and first_attempt_at is null and next_attempt_at is not null;
create index ix_delivery_due_again on delivery (chat_app_id, next_attempt_at, id)
  where status in ('QUEUED', 'SENDING', 'IN_DOUBT') and first_attempt_at is not null
    and next_attempt_at is not null;

-- The operator's queue: deliveries in doubt that Herald no longer looks up.
create index ix_delivery_awaiting_decision on delivery (run_id)
  where status = 'IN_DOUBT' and next_attempt_at is null;
