-- Who read or changed which person's record, when, from where, why and with what outcome (modelled on FHIR
-- AuditEvent). Append-only: the trigger refuses updates and deletes, whoever asks.
create table audit_event (
    id           bigserial primary key,
    recorded_at  timestamptz not null,
    actor        text        not null,
    actor_roles  text        not null,
    jurisdiction text,
    action       text        not null,
    subject_type text        not null,
    subject_id   uuid        not null,
    county       varchar(6),
    outcome      text        not null,
    detail       text,
    client_ip    text,
    request_id   text,
    purpose      text
);
create index audit_event_subject on audit_event (subject_id, id);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
