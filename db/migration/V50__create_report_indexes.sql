-- Indexes for the send history (reports module). Each matches one filter and ends in
-- (created_at, id), the keyset order, so a page is an index range scan of ~50 entries
-- whichever way it is sorted, at millions of rows. Time range and no filter use
-- ix_delivery_created_at (V31); a run uses ix_delivery_run_status (V31).
create index ix_delivery_app_created on delivery (chat_app_id, created_at, id);
create index ix_delivery_account_created on delivery (official_account, created_at, id);
create index ix_delivery_campaign_created on delivery (campaign_id, created_at, id) where campaign_id is not null;
create index ix_delivery_status_created on delivery (status, created_at, id);
create index ix_delivery_error_created on delivery (error_code, created_at, id) where error_code is not null;
-- MsgKey prefix search (LIKE 'abc%') whatever the database collation.
create index ix_delivery_msg_key_prefix on delivery (msg_key varchar_pattern_ops) where msg_key is not null;
