-- BSPAOH: the document (`data`, the field names of the GraphQL Bspaoh type, its single transporter included) and the
-- columns derived from it on every write (base columns as every document table of the core, see V15). A draft is
-- stored with the status DRAFT, as the reference does.
create table bspaoh (
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
    emitter_org_id       text,
    destination_org_id   text,
    transporter_org_id   text,
    data                 jsonb       not null
);
create index bspaoh_org_ids on bspaoh using gin (org_ids);
create index bspaoh_emitter on bspaoh (emitter_org_id);
create index bspaoh_destination on bspaoh (destination_org_id);
create index bspaoh_transporter on bspaoh (transporter_org_id);
