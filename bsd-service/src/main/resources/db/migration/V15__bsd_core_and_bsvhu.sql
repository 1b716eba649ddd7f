-- The BSD core's storage for every type but the BSDD (which keeps its own tables): one table per type with the same
-- base columns (DocumentTable / DocumentStore), the transporters of multimodal types, and one status log.

-- BSVHU: the document (`data`, the field names of the GraphQL Bsvhu type, transporters included) and the columns
-- derived from it on every write.
create table bsvhu (
    id                   text        primary key,
    status               text        not null,
    version              bigint      not null,
    row_number           bigserial   not null unique,
    owner_subject        text        not null,
    is_draft             boolean     not null,
    is_deleted           boolean     not null default false,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    -- every org id on the BSD; a published BSD is visible to them
    org_ids              text[]      not null default '{}',
    -- the creator's companies present on a draft: only they see it while it is a draft
    draft_access_org_ids text[]      not null default '{}',
    custom_id            text,
    emitter_org_id       text,
    destination_org_id   text,
    transporter_org_ids  text[]      not null default '{}',
    broker_org_id        text,
    trader_org_id        text,
    eco_organisme_org_id text,
    intermediary_org_ids text[]      not null default '{}',
    data                 jsonb       not null
);
create index bsvhu_org_ids on bsvhu using gin (org_ids);
create index bsvhu_emitter on bsvhu (emitter_org_id);
create index bsvhu_destination on bsvhu (destination_org_id);
create index bsvhu_transporters on bsvhu using gin (transporter_org_ids);

-- Transporters of the multimodal types (BSVHU now; BSDA and BSFF later): created on their own, then attached to a
-- BSD by its `transporters` list (number = rank in the chain). While attached, the BSD's document holds them too.
create table bsd_transporter (
    id         text        primary key,
    bsd_type   text        not null,
    bsd_id     text,
    number     integer     not null default 0,
    org_id     text,
    created_at timestamptz not null,
    data       jsonb       not null
);
create index bsd_transporter_bsd on bsd_transporter (bsd_type, bsd_id, number);

-- One row per status change of a BSD of any type but the BSDD (bsdd_status_log).
create table bsd_status_log (
    id             text        primary key,
    bsd_type       text        not null,
    bsd_id         text        not null,
    status         text        not null,
    logged_at      timestamptz not null,
    updated_fields jsonb       not null default '{}',
    user_subject   text        not null,
    user_email     text
);
create index bsd_status_log_bsd on bsd_status_log (bsd_type, bsd_id, logged_at);
