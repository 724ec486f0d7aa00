-- Consumers only append to the list of county months to re-score. With a key, a batch marking a county month
-- that another batch (or the watcher taking it off the list) had touched waited for that transaction to end,
-- which serialized the consumers behind the watcher. The watcher removes every entry of a county month at once.
alter table public.dirty_county drop constraint dirty_county_pkey;
create index dirty_county_order on public.dirty_county (period, county);
