-- The claim walks the due rows of one app in (next_attempt_at, id) order and stops after one
-- batch; with id in the index that order needs no sort of every due row, so a claim costs the
-- same whether 1,000 or 1,000,000 rows wait (the engine benchmark found claims of a 20,000-row
-- run scanning and sorting all of them).
drop index ix_delivery_due;
create index ix_delivery_due on delivery (chat_app_id, next_attempt_at, id)
  where status in ('QUEUED', 'SENDING', 'IN_DOUBT') and next_attempt_at is not null;

-- Every delivery row is written twice by the engine (claim, outcome) and each write touches
-- every index, so indexes that a wider one already serves go:
--   (error_code)            is the prefix of ix_delivery_error_created (error_code, created_at, id);
--   (msg_key)               equality is served by ix_delivery_msg_key_prefix (varchar_pattern_ops);
--   (campaign_id, campaign_run_id) campaign reports filter on campaign_id, served by
--                           ix_delivery_campaign_created (campaign_id, created_at, id).
drop index ix_delivery_error_code;
drop index ix_delivery_msg_key;
drop index ix_delivery_campaign;
