-- The dashboard feed keeps its entries for a retention period (liudong.assessment.stream-retention), found by age.
create index stream_event_created_at on public.stream_event (created_at);

-- Idempotency-Key answers of POST requests (org.liudong.platform.idempotency.IdempotentRequests).
create table public.idempotency_key (
    caller          text not null,
    idempotency_key text not null,
    request_hash    char(64) not null,
    status          int,
    location        text,
    etag            text,
    content_type    text,
    body            text,
    created_at      timestamptz not null,
    primary key (caller, idempotency_key)
);
