-- Answers to POSTs sent with an Idempotency-Key (see org.liudong.platform.idempotency.IdempotentRequests).
create table idempotency_key (caller text not null, idempotency_key text not null,
                              request_hash char(64) not null, status int, location text, etag text,
                              content_type text, body text, created_at timestamptz not null,
                              primary key (caller, idempotency_key));
create index idempotency_key_created on idempotency_key (created_at);
