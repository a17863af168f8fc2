-- Topics, and the columns quote lists sort and filter by.

create table topic (
    id        varchar(100) not null primary key,
    position  integer      not null
);

create table topic_label (
    topic_id  varchar(100) not null references topic (id) on delete cascade,
    lang      varchar(35)  not null references language (code),
    label     varchar(200) not null,
    primary key (topic_id, lang)
);

create table quote_topic (
    quote_id  varchar(100) not null references quote (id) on delete cascade,
    topic_id  varchar(100) not null references topic (id),
    primary key (quote_id, topic_id)
);

create index quote_topic_topic_idx on quote_topic (topic_id, quote_id);

-- The meeting's date copied onto its quotes, so that "newest first" is one index scan; 0001-01-01 stands for
-- "no date stated", which sorts such quotes last. The API shows the meeting's own (null) date.
alter table quote add column sort_date date not null default date '0001-01-01';
-- When the quote or one of its variants last changed, for clients that sync with updated_since.
alter table quote add column updated_at timestamp with time zone not null default current_timestamp;
-- A uniformly distributed key for picking a random quote with one index lookup.
alter table quote add column random_key double precision not null default 0;

update quote set sort_date = coalesce((select m.held_on from meeting m where m.id = quote.meeting_id), date '0001-01-01');

create index quote_date_idx on quote (sort_date desc, id);
create index quote_speaker_date_idx on quote (speaker_id, sort_date desc, id);
create index quote_meeting_date_idx on quote (meeting_id, sort_date desc, id);
create index quote_updated_idx on quote (updated_at);
create index quote_random_idx on quote (random_key);
create index quote_variant_mode_idx on quote_variant (mode, lang, quote_id);

-- Normalised tokens of every speaker's names and aliases, for finding a speaker by name in any script.
create table speaker_name_token (
    speaker_id  varchar(100) not null references speaker (id) on delete cascade,
    token       varchar(300) not null,
    primary key (speaker_id, token)
);

create index speaker_name_token_idx on speaker_name_token (token, speaker_id);
