-- Revision requests of the core's types (core.revision.RevisionRequests): one row per request, whatever the type
-- (the BSDD keeps its own tables). `content` is the type's revision content (its GraphQL shape); `approvals` the
-- companies that must approve, each with its answer.
create table bsd_revision_request (
    id                 text        primary key,
    bsd_type           text        not null,
    bsd_id             text        not null,
    authoring_org_id   text        not null,
    authoring_company  jsonb       not null default '{}',
    content            jsonb       not null,
    comment            text        not null,
    status             text        not null,
    approvals          jsonb       not null default '[]',
    approver_org_ids   text[]      not null default '{}',
    author_subject     text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index bsd_revision_request_bsd on bsd_revision_request (bsd_type, bsd_id, created_at);
create index bsd_revision_request_author on bsd_revision_request (bsd_type, authoring_org_id);
create index bsd_revision_request_approvers on bsd_revision_request using gin (approver_org_ids);

-- The company read model keeps the setting "allowBsdasriTakeOverWithoutSignature" (a BSDASRI taken over by its
-- transporter without the emitter's signature, when the emitter allows it).
alter table company_view add column allow_bsdasri_take_over boolean not null default false;
