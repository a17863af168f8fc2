-- Speakers and meetings become editable: versions for their ETags.
alter table speaker add column version bigint not null default 0;
alter table meeting add column version bigint not null default 0;
