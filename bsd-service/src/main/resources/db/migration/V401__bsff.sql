-- BSFF: the document (`data`, the field names of the GraphQL Bsff type, its containers included, each with its id and
-- the ids of the containers of earlier BSFFs it takes over) and the columns derived from it on every write (base
-- columns as every document table of the core, see V15). Transporters are rows of bsd_transporter (multimodal).
create table bsff (
    id                     text        primary key,
    status                 text        not null,
    version                bigint      not null,
    row_number             bigserial   not null unique,
    owner_subject          text        not null,
    is_draft               boolean     not null,
    is_deleted             boolean     not null default false,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    org_ids                text[]      not null default '{}',
    draft_access_org_ids   text[]      not null default '{}',
    type                   text,
    emitter_org_id         text,
    destination_org_id     text,
    transporter_org_ids    text[]      not null default '{}',
    detenteur_org_ids      text[]      not null default '{}',
    packaging_ids          text[]      not null default '{}',
    previous_packaging_ids text[]      not null default '{}',
    data                   jsonb       not null
);
create index bsff_org_ids on bsff using gin (org_ids);
create index bsff_emitter on bsff (emitter_org_id);
create index bsff_destination on bsff (destination_org_id);
create index bsff_transporters on bsff using gin (transporter_org_ids);
create index bsff_detenteurs on bsff using gin (detenteur_org_ids);
create index bsff_packaging_ids on bsff using gin (packaging_ids);
create index bsff_previous_packaging_ids on bsff using gin (previous_packaging_ids);

-- Intervention sheets: created alone by the operator, then attached to one BSFF (bsff_id) through its input.
create table bsff_fiche_intervention (
    id                 text        primary key,
    operateur_org_id   text,
    detenteur_org_id   text,
    bsff_id            text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    data               jsonb       not null
);
create index bsff_fiche_intervention_bsff on bsff_fiche_intervention (bsff_id);
