-- BSDD ("Form"): one row per BSDD. What is written on the form is one JSON document (`data`, the field names of the
-- GraphQL Form type); the columns beside it are what queries filter, sort and check permissions on.
create table bsdd (
    id                   text        primary key,
    readable_id          text        not null unique,
    status               text        not null,
    version              bigint      not null,
    row_number           bigserial   not null unique,
    owner_subject        text        not null,
    is_deleted           boolean     not null default false,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    custom_id            text,
    waste_code           text,
    sent_at              timestamptz,
    emitter_org_id       text,
    recipient_org_id     text,
    trader_org_id        text,
    broker_org_id        text,
    eco_organisme_org_id text,
    transporter_org_ids  text[]      not null default '{}',
    intermediary_org_ids text[]      not null default '{}',
    -- org ids of the creator's companies present on a DRAFT: only they see it while it is a draft
    draft_access_org_ids text[]      not null default '{}',
    data                 jsonb       not null
);
create index bsdd_emitter on bsdd (emitter_org_id);
create index bsdd_recipient on bsdd (recipient_org_id);
create index bsdd_transporters on bsdd using gin (transporter_org_ids);
create index bsdd_intermediaries on bsdd using gin (intermediary_org_ids);

-- Transporters are rows of their own: createFormTransporter makes them before they are attached to a BSDD.
create table bsdd_transporter (
    id          text        primary key,
    bsdd_id     text        references bsdd (id),
    number      integer     not null default 0,
    org_id      text,
    created_at  timestamptz not null,
    data        jsonb       not null
);
create index bsdd_transporter_bsdd on bsdd_transporter (bsdd_id, number);

-- One row per status change, read by formsLifeCycle.
create table bsdd_status_log (
    id             text        primary key,
    bsdd_id        text        not null references bsdd (id),
    status         text        not null,
    logged_at      timestamptz not null,
    updated_fields jsonb       not null default '{}',
    user_subject   text        not null,
    user_email     text
);
create index bsdd_status_log_bsdd on bsdd_status_log (bsdd_id, logged_at);
create index bsdd_status_log_logged_at on bsdd_status_log (logged_at);
