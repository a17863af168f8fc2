-- Feeds list quotes most recently changed first, then by id (a keyset page: updated_at < t, or = t and id > x): one
-- index in that order serves them, and the updated_since filter, which the single-column index it replaces served.
-- Following a speaker is the commonest feed: its quotes in change order get an index of their own.
drop index if exists quote_updated_idx;
create index quote_updated_idx on quote (updated_at desc, id);
create index quote_speaker_updated_idx on quote (speaker_id, updated_at desc, id);
