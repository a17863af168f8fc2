create table note (id varchar(100) primary key, text varchar(10000));
insert into note (id, text) values ('first', 'The smallest application on the stack.');
