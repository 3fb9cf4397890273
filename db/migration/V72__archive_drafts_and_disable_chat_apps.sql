-- Archived drafts are kept for history but hidden from lists, the review queue and the
-- versions offered to new campaigns until restored.
alter table draft add column archived_at timestamptz;

-- The one-time token of the form that created the draft: a repeated or parallel POST of
-- the same form finds this row instead of inserting a second one.
alter table draft add column submission_token uuid;
alter table draft add constraint uq_draft_submission_token unique (submission_token);

-- The draft list shows live drafts by default.
create index ix_draft_live_updated_at on draft (updated_at desc, id desc) where archived_at is null;

-- A disabled Chat app cannot be chosen for new campaigns; its scheduled campaigns stay.
alter table chat_app add column disabled_at timestamptz;
