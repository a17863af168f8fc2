-- Random quotes are now picked by count and offset, uniformly; the per-quote random key is no longer used.
drop index quote_random_idx;
alter table quote drop column random_key;
