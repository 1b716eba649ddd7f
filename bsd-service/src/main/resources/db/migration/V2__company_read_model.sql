-- Local read model of company-service's companies and memberships, fed by the company events topic
-- (company.upserted / company.deleted, version-guarded). Permissions are checked against it.
create table company_view (
    company_id        text    primary key,
    version           bigint  not null,
    deleted           boolean not null default false,
    org_id            text,
    siret             text,
    vat_number        text,
    name              text,
    address           text,
    company_types     text[]  not null default '{}',
    is_dormant        boolean not null default false,
    security_code     integer,
    transporter_receipt jsonb,
    trader_receipt    jsonb,
    broker_receipt    jsonb
);
create index company_view_org_id on company_view (org_id);

create table company_member_view (
    company_id text not null references company_view (company_id) on delete cascade,
    subject    text not null,
    email      text,
    user_id    text,
    role       text not null,
    primary key (company_id, subject)
);
create index company_member_view_subject on company_member_view (subject);

-- Failed security-code attempts per (user, company), for the brute-force lock of spec §4.2.
create table security_code_attempt (
    user_subject text        not null,
    org_id       text        not null,
    failures     integer     not null default 0,
    locked_until timestamptz,
    updated_at   timestamptz not null,
    primary key (user_subject, org_id)
);
