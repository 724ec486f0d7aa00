-- A target's version, its ETag: a change names the version it read in If-Match, and a stale one is refused (412).
-- A target never set (the built-in default applies) has version 0; the first one set has version 1.
alter table public.target add column version bigint not null default 1;
