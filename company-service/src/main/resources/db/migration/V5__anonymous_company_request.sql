-- INSEE notices ("avis de situation") filed by users through createAnonymousCompanyFromPDF. A notice is a request,
-- never a write to the official directory (sirene_establishment, loaded from the SIRENE files only): it is accepted
-- when the official directory confirms it, or by a platform administrator.
create table anonymous_company_request (
    id              text        primary key,
    siret           text        not null,
    name            text        not null,
    address         text        not null,
    naf             text        not null,
    notice_date     date        not null,
    requested_by    text        not null references user_account (id),
    status          text        not null check (status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    verified_by     text        check (verified_by in ('DIRECTORY', 'ADMIN')),
    decided_by      text        references user_account (id),
    decision_reason text,
    created_at      timestamptz not null,
    decided_at      timestamptz
);
-- One pending request per establishment and user (another user's pending request does not block anyone).
create unique index anonymous_company_request_pending on anonymous_company_request (siret, requested_by)
    where status = 'PENDING';
create index anonymous_company_request_status on anonymous_company_request (status, created_at);

-- What accepted requests made known: the platform's own record beside the official directory, read by companyInfos
-- for establishments the directory does not show.
create table anonymous_company (
    siret      text        primary key,
    name       text        not null,
    address    text        not null,
    naf        text        not null,
    request_id text        not null references anonymous_company_request (id),
    created_at timestamptz not null
);

-- Every call of createAnonymousCompanyFromPDF by an identity (the token's subject), for its per-user limit.
create table anonymous_company_notice_attempt (
    subject text        not null,
    at      timestamptz not null
);
create index anonymous_company_notice_attempt_subject on anonymous_company_notice_attempt (subject, at);
