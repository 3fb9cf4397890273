-- The account list and pickers find accounts whose id or name *contains* a text. At 50,000
-- accounts of an app a sequential scan for that costs ~25 ms per query (page and count);
-- trigram indexes answer texts of three or more characters from the index. pg_trgm is a
-- trusted extension: the database owner may create it without superuser rights.
create extension if not exists pg_trgm;

create index ix_official_account_account_id_trgm on official_account using gin (lower(account_id) gin_trgm_ops);
create index ix_official_account_name_trgm on official_account using gin (lower(name) gin_trgm_ops);
