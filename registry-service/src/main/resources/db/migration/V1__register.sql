-- The household register of each county, and the outbox its events leave through.

create table household (
    id               uuid primary key,
    household_number text        not null,
    county           varchar(6)  not null,
    township         varchar(9)  not null,
    address_detail   text,
    head_person_id   uuid,
    status           text        not null,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint household_number_unique unique (county, household_number)
);

create sequence household_number_seq;

create table person (
    id                  uuid primary key,
    id_number_encrypted bytea       not null,
    id_index            char(64)    not null,
    name                text        not null,
    sex                 char(1)     not null,
    birth_date          date        not null,
    phone               text,
    household_id        uuid references household (id),
    relation            text        not null,
    registry_county     varchar(6)  not null,
    status              text        not null,
    died_on             date,
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint person_id_index_unique unique (id_index)
);

create index person_household on person (household_id);
create index person_county_name on person (registry_county, name text_pattern_ops);

create table outbox (id bigserial primary key, event_id uuid not null unique, topic text not null,
                     record_key text not null, payload text not null, created_at timestamptz not null);
