-- BSDASRI: the document (`data`, the field names of the GraphQL Bsdasri type) with the core's base columns
-- (as bsvhu in V15) and the columns derived from it on every write.
create table bsdasri (
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
    transporter_org_id   text,
    destination_org_id   text,
    eco_organisme_org_id text,
    broker_org_id        text,
    trader_org_id        text,
    intermediary_org_ids text[]      not null default '{}',
    grouped_in_id        text,
    synthesized_in_id    text,
    data                 jsonb       not null
);
create index bsdasri_org_ids on bsdasri using gin (org_ids);
create index bsdasri_emitter on bsdasri (emitter_org_id);
create index bsdasri_transporter on bsdasri (transporter_org_id);
create index bsdasri_destination on bsdasri (destination_org_id);
create index bsdasri_grouped_in on bsdasri (grouped_in_id);
create index bsdasri_synthesized_in on bsdasri (synthesized_in_id);
