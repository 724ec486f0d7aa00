-- Events waiting for the relay (DDL fixed by liudong-platform's OutboxEntry).
create table outbox (id bigserial primary key, event_id uuid not null unique, topic text not null,
                     record_key text not null, payload text not null, created_at timestamptz not null);

-- Registry events already applied: the consumer's idempotency.
create table processed_event (event_id uuid primary key, event_type text not null,
                              processed_at timestamptz not null default now());

-- What this service knows of the registry's persons: pseudonymous, no names or ID numbers.
create table person (
    id              uuid primary key,
    county          text not null,
    id_index        text not null,
    sex             text not null,
    birth_year      integer not null,
    status          text not null,
    household_id    uuid,
    last_event_type text not null,
    last_event_at   timestamptz not null,
    applied_events  integer not null,
    updated_at      timestamptz not null
);
create index person_id_index on person (id_index);
