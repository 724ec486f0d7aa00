-- Derived data, rebuildable from the topics: lives in its own schema so a rebuild can fill a fresh copy
-- (see RebuildService) and swap it in by renaming schemas. Connections resolve it via search_path.
create schema projection;

create table projection.processed_event (
    event_id     uuid primary key,
    event_type   text not null,
    processed_at timestamptz not null default now()
);

-- One row per registered person: counties, sex, birth year and the pseudonym only; never names or ID numbers.
create table projection.person (
    person_id     uuid primary key,
    county        text not null,
    household_id  uuid,
    relation      text,
    sex           text,
    birth_year    int,
    id_index      text,
    status        text not null,
    registered_at timestamptz not null,
    ended_at      timestamptz,
    corrections   int not null default 0,
    last_event_at timestamptz not null
);
create index person_county on projection.person (county);
create index person_id_index on projection.person (id_index);

create table projection.household (
    household_id  uuid primary key,
    county        text not null,
    township      text,
    registered_at timestamptz not null,
    dissolved_at  timestamptz
);
create index household_county on projection.household (county);

create table projection.move (
    move_id                 uuid primary key,
    person_id               uuid,
    id_index                text,
    origin_county           text not null,
    destination_county      text not null,
    reason                  text,
    sex                     text,
    birth_year              int,
    status                  text not null,
    announced               boolean not null default false,
    departed_on             date,
    departure_registered_on date,
    arrived_on              date,
    settled_on              date,
    lapsed_on               date,
    rejected_on             date,
    revoked_on              date,
    returned_on             date,
    started_on              date,
    ended_on                date,
    disputed_on             date,
    last_event_at           timestamptz not null
);
create index move_origin on projection.move (origin_county);
create index move_destination on projection.move (destination_county);
create index move_person on projection.move (person_id);
create index move_started on projection.move (started_on);

create table projection.verification (
    verification_id uuid primary key,
    from_county     text not null,
    to_county       text not null,
    move_id         uuid,
    urgent          boolean not null default false,
    requested_on    date not null,
    due_on          date,
    answered_on     date,
    outcome         text,
    overdue_on      date
);
create index verification_to on projection.verification (to_county);

-- Owned state (not derived): targets, the outbox, the live feed and rebuild jobs.
create table public.target (
    indicator    text not null,
    jurisdiction text not null,
    value        double precision not null,
    direction    text not null,
    weight       int not null,
    updated_by   text not null,
    updated_at   timestamptz not null,
    primary key (indicator, jurisdiction)
);

create table public.outbox (
    id         bigserial primary key,
    event_id   uuid not null unique,
    topic      text not null,
    record_key text not null,
    payload    text not null,
    created_at timestamptz not null
);

-- Counties whose indicators changed since the watcher last looked (filled by the consumers).
create table public.dirty_county (
    county text not null,
    period text not null,
    primary key (county, period)
);

-- Last published value per county, period and indicator: the watcher compares against it.
create table public.indicator_value (
    county     text not null,
    period     text not null,
    indicator  text not null,
    value      double precision,
    passed     boolean,
    updated_at timestamptz not null,
    primary key (county, period, indicator)
);

-- The dashboard feed: aggregate changes and anonymous activity. The id is the SSE event id (Last-Event-ID).
create table public.stream_event (
    id          bigserial primary key,
    kind        text not null,
    county      text not null,
    other_county text,
    payload     text not null,
    created_at  timestamptz not null
);

create table public.rebuild_job (
    id           uuid primary key,
    status       text not null,
    requested_by text not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    total        bigint not null default 0,
    consumed     bigint not null default 0,
    error        text
);
