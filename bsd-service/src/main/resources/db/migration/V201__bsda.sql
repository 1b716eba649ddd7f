-- BSDA: the document (`data`, the field names of the GraphQL Bsda type) with the core's base columns (as bsvhu in
-- V15) and the columns derived from it on every write. Its transporters live in bsd_transporter (bsd_type 'bsda').
create table bsda (
    id                   text        primary key,
    status               text        not null,
    version              bigint      not null,
    row_number           bigserial   not null unique,
    owner_subject        text        not null,
    is_draft             boolean     not null,
    is_deleted           boolean     not null default false,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    org_ids              text[]      not null default '{}',
    draft_access_org_ids text[]      not null default '{}',
    type                 text,
    emitter_org_id       text,
    worker_org_id        text,
    destination_org_id   text,
    transporter_org_ids  text[]      not null default '{}',
    broker_org_id        text,
    eco_organisme_org_id text,
    waste_code           text,
    grouped_in_id        text,
    forwarded_in_id      text,
    data                 jsonb       not null
);
create index bsda_org_ids on bsda using gin (org_ids);
create index bsda_emitter on bsda (emitter_org_id);
create index bsda_worker on bsda (worker_org_id);
create index bsda_destination on bsda (destination_org_id);
create index bsda_grouped_in on bsda (grouped_in_id);
create index bsda_forwarded_in on bsda (forwarded_in_id);
