-- Every version of every BSD (#25 "versions and optimistic concurrency"): the state its event carried, who wrote it
-- and when, written by the core's pipeline in the transaction of the change (core.history.BsdVersions). The changed
-- fields of a version are the difference between its state and the previous one's, computed when asked for. BSDs
-- written before this table existed have their history from their next change on.
create table bsd_version (
    bsd_type   text        not null,
    bsd_id     text        not null,
    version    bigint      not null,
    written_at timestamptz not null,
    user_id    text,
    user_email text,
    state      jsonb       not null,
    primary key (bsd_type, bsd_id, version)
);
