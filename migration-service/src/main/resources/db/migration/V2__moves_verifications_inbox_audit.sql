create table move (
    id                    uuid primary key,
    person_id             uuid,
    id_index              text not null,
    sex                   text not null,
    birth_year            integer not null,
    person_data           bytea not null,
    origin_county         text not null,
    destination_county    text not null,
    reason                text not null,
    status                text not null,
    departed_on           date,
    arrived_on            date,
    returned_on           date,
    destination_address   text,
    residence_valid_until date,
    residence_expired     boolean not null default false,
    rejection_reason      text,
    dispute_note          text,
    previous_move_id      uuid references move (id),
    registered_on         date not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               integer not null
);
create index move_match on move (id_index, destination_county, status);
create index move_person on move (person_id);
create index move_origin on move (origin_county, registered_on);
create index move_destination on move (destination_county, registered_on);
create index move_announced on move (departed_on) where status = 'ANNOUNCED';
create index move_residence on move (residence_valid_until) where status = 'SETTLED' and not residence_expired;

create table move_history (
    id      bigserial primary key,
    move_id uuid not null references move (id),
    at      timestamptz not null,
    action  text not null,
    county  text,
    actor   text not null,
    detail  text
);
create index move_history_move on move_history (move_id, id);

create table verification (
    id           uuid primary key,
    from_county  text not null,
    to_county    text not null,
    move_id      uuid references move (id),
    person_id    uuid,
    id_index     text,
    question     text not null,
    urgent       boolean not null,
    due_on       date not null,
    status       text not null,
    outcome      text,
    note         text,
    reminded_at  timestamptz,
    requested_by text not null,
    answered_by  text,
    answered_at  timestamptz,
    created_at   timestamptz not null,
    version      integer not null
);
create index verification_open on verification (due_on) where status = 'OPEN';
create index verification_move on verification (move_id);

create table inbox_item (
    id              uuid primary key,
    county          text not null,
    kind            text not null,
    from_county     text,
    move_id         uuid,
    verification_id uuid,
    created_at      timestamptz not null,
    handled         boolean not null default false,
    handled_at      timestamptz,
    handled_by      text
);
create index inbox_county on inbox_item (county, handled, created_at);

create table audit_entry (
    id             bigserial primary key,
    at             timestamptz not null,
    actor          text not null,
    jurisdiction   text,
    action         text not null,
    move_id        uuid,
    person_id      uuid,
    request_id     text,
    client_address text
);
create index audit_move on audit_entry (move_id);
create index audit_person on audit_entry (person_id);

-- Answers to POSTs with an Idempotency-Key (DDL fixed by liudong-platform's IdempotentRequests).
create table idempotency_key (caller text not null, idempotency_key text not null,
                              request_hash char(64) not null, status int, location text, etag text,
                              content_type text, body text, created_at timestamptz not null,
                              primary key (caller, idempotency_key));
