-- Persons with more than one move, at any time: the candidates for "two moves under way at once". Without it an
-- indicator read looked for a second move of every person with a move touching the county, which grows with the
-- county's moves; with it, only the few candidates are checked. Rows are never removed: whether two moves overlap at
-- the end of a period is decided when the indicator is read.
create table projection.repeat_mover (
    person_id uuid primary key
);
insert into projection.repeat_mover (person_id)
select person_id from projection.move where person_id is not null group by person_id having count(*) > 1;
