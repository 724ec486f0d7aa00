-- Division codes change (merges, renames). The bundled GB/T 2260 catalogue holds the codes in force; this table
-- holds codes that stopped being valid, when, and what replaced them. Records keep the codes they were
-- registered with; new registrations must use codes in force.
create table division_validity (
    code           varchar(9) primary key,
    name           text       not null,
    valid_from     date,
    valid_to       date       not null,
    successor_code varchar(9),
    reason         text       not null
);

-- 2019: Laiwu (莱芜市) was merged into Jinan; its districts got Jinan codes (State Council approval 2019-01-09).
insert into division_validity (code, name, valid_from, valid_to, successor_code, reason) values
    ('371202', '莱城区', null, '2019-01-09', '370116', 'Laiwu prefecture merged into Jinan; now 莱芜区'),
    ('371203', '钢城区', null, '2019-01-09', '370117', 'Laiwu prefecture merged into Jinan; now 济南市钢城区');
