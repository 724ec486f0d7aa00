-- Whether the recorded read was allowed: SUCCESS, or DENIED for a county that tried to read a move it is no party to.
alter table audit_entry add column outcome text not null default 'SUCCESS';
