-- The read model: each quote's representation as reads need it (every language), built when the quote changes so
-- that a read is one key lookup instead of six queries and an object graph. Derived from the other tables: it can be
-- rebuilt from them at any time. stamp is the quote's version and last change, to skip a rebuild that changes nothing.
create table quote_read (
    quote_id varchar(100) primary key,
    stamp varchar(64) not null,
    body varchar(1000000) not null
);
