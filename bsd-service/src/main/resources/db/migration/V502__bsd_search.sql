-- The search across every BSD type (`bsds`, `bsd`): one row per BSD of any type, written in the transaction of each of
-- its changes from the full state its event carries (core.search.BsdSearchProjection, one mapper per type). `seq` is
-- the order of the last change (newest first); the tab columns hold, for each dashboard tab, the companies for which
-- the BSD is in it; `org_ids` the companies that may list it (a draft: its creator's companies on it).
create sequence bsd_search_seq;
create table bsd_search (
    id                  text        primary key,
    bsd_type            text        not null,
    sub_type            text        not null,
    readable_id         text        not null,
    custom_id           text,
    status              text        not null,
    is_draft            boolean     not null,
    created_at          timestamptz,
    updated_at          timestamptz,
    waste_code          text,
    waste_description   text,
    emitter_org_id      text,
    emitter_name        text,
    destination_org_id  text,
    destination_name    text,
    transporter_org_ids text[]      not null default '{}',
    transporter_plates  text[]      not null default '{}',
    org_ids             text[]      not null default '{}',
    is_draft_for        text[]      not null default '{}',
    is_for_action_for   text[]      not null default '{}',
    is_follow_for       text[]      not null default '{}',
    is_archived_for     text[]      not null default '{}',
    is_to_collect_for   text[]      not null default '{}',
    is_collected_for    text[]      not null default '{}',
    is_return_for       text[]      not null default '{}',
    search_text         text        not null default '',
    state               jsonb       not null,
    seq                 bigint      not null
);
create index bsd_search_seq_order on bsd_search (seq);
create index bsd_search_readable_id on bsd_search (readable_id);
create index bsd_search_org_ids on bsd_search using gin (org_ids);
create index bsd_search_for_action on bsd_search using gin (is_for_action_for);
create index bsd_search_follow on bsd_search using gin (is_follow_for);
create index bsd_search_archived on bsd_search using gin (is_archived_for);
create index bsd_search_to_collect on bsd_search using gin (is_to_collect_for);
create index bsd_search_collected on bsd_search using gin (is_collected_for);
create index bsd_search_draft on bsd_search using gin (is_draft_for);
