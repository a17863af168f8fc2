-- Sources become editable (their metadata; a cited text never changes): versions for their ETags.
alter table source add column version bigint not null default 0;
