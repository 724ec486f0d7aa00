-- Bulk CSV imports: a job per upload, its progress, and the rows it could not take.
create table import_job (
    id            uuid primary key,
    county        varchar(6)  not null,
    submitted_by  text        not null,
    status        text        not null,
    rows_total    int         not null,
    rows_done     int         not null,
    rows_imported int         not null,
    rows_skipped  int         not null,
    rows_failed   int         not null,
    content_hash  char(64)    not null,
    failure       text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create table import_row_error (
    id         bigserial primary key,
    job_id     uuid not null references import_job (id),
    row_number int  not null,
    field      text,
    reason     text not null
);
create index import_row_error_job on import_row_error (job_id, row_number);
