-- Revision requests of BSDDs (spec bsdd.md §2.11): asked by one company on the BSDD, approved by the others, applied
-- to the BSDD when the last approval comes in.
create table bsdd_revision_request (
    id                text        primary key,
    bsdd_id           text        not null references bsdd (id),
    authoring_org_id  text        not null,
    -- the authoring company as written on the BSDD when the request was made (FormCompany)
    authoring_company jsonb       not null,
    comment           text        not null,
    status            text        not null,
    -- what the revision changes (FormRevisionRequestContent)
    content           jsonb       not null,
    -- the BSDD's document when the request was made, to show the values the revision replaces
    initial_form      jsonb       not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
-- at most one pending revision per BSDD
create unique index bsdd_revision_request_pending on bsdd_revision_request (bsdd_id) where status = 'PENDING';
create index bsdd_revision_request_bsdd on bsdd_revision_request (bsdd_id, created_at);
create index bsdd_revision_request_author on bsdd_revision_request (authoring_org_id, created_at);

create table bsdd_revision_request_approval (
    revision_request_id text        not null references bsdd_revision_request (id) on delete cascade,
    approver_org_id     text        not null,
    status              text        not null,
    comment             text,
    updated_at          timestamptz not null,
    primary key (revision_request_id, approver_org_id)
);
create index bsdd_revision_request_approval_org on bsdd_revision_request_approval (approver_org_id);
