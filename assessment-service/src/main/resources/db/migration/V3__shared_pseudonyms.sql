-- Pseudonyms (idIndex) that persons in more than one county carry, at any time: the candidates for "registered
-- elsewhere". Without it an indicator read looked for a twin of every person of the county, one index probe each,
-- which grows with the county; with it, only the few candidates are checked. Rows are never removed: whether the two
-- registrations overlap at the end of a period is decided when the indicator is read.
create table projection.shared_pseudonym (
    id_index text primary key
);
insert into projection.shared_pseudonym (id_index)
select id_index from projection.person where id_index is not null group by id_index having count(distinct county) > 1;
