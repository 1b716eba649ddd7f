-- Users: the profile lives here, the credentials in Keycloak; a user is identified by the Keycloak subject.
create table user_account (
    id               text        primary key,
    subject          text        not null unique,
    email            text        not null,
    name             text,
    phone            text,
    is_admin         boolean     not null default false,
    tracking_consent boolean     not null default false,
    created_at       timestamptz not null default now()
);
create unique index user_account_email on user_account (lower(email));

-- Receipts and agreements a company declares, linked from its profile.
create table receipt (
    id             text        primary key,
    kind           text        not null check (kind in ('TRANSPORTER', 'TRADER', 'BROKER')),
    receipt_number text        not null,
    validity_limit timestamptz not null,
    department     text        not null,
    created_by     text        not null references user_account (id)
);

create table vhu_agrement (
    id             text primary key,
    agrement_number text not null,
    department     text not null,
    created_by     text not null references user_account (id)
);

create table worker_certification (
    id                    text        primary key,
    has_sub_section_four  boolean     not null,
    has_sub_section_three boolean     not null,
    certification_number  text,
    validity_limit        timestamptz,
    organisation          text,
    created_by            text        not null references user_account (id)
);

create table company (
    id                                         text        primary key,
    org_id                                     text        not null unique,
    siret                                      text        unique,
    vat_number                                 text        unique,
    name                                       text        not null,
    given_name                                 text,
    address                                    text,
    code_naf                                   text,
    gerep_id                                   text,
    contact                                    text,
    contact_email                              text,
    contact_phone                              text,
    website                                    text,
    company_types                              text[]      not null,
    collector_types                            text[]      not null default '{}',
    waste_processor_types                      text[]      not null default '{}',
    waste_vehicles_types                       text[]      not null default '{}',
    eco_organisme_agreements                   text[]      not null default '{}',
    eco_organisme_partners_ids                 text[]      not null default '{}',
    security_code                              integer     not null check (security_code between 1000 and 9999),
    verification_status                        text        not null,
    allow_bsdasri_take_over_without_signature  boolean     not null default false,
    allow_appendix1_signature_automation       boolean     not null default false,
    transporter_receipt_id                     text        references receipt (id),
    trader_receipt_id                          text        references receipt (id),
    broker_receipt_id                          text        references receipt (id),
    vhu_agrement_demolisseur_id                text        references vhu_agrement (id),
    vhu_agrement_broyeur_id                    text        references vhu_agrement (id),
    worker_certification_id                    text        references worker_certification (id),
    is_dormant_since                           timestamptz,
    registry_dnd_from_bsd_since                timestamptz,
    -- Version of the last company event: grows by one with every committed change of the company or its members.
    event_version                              bigint      not null default 0,
    created_at                                 timestamptz not null default now(),
    check (siret is not null or vat_number is not null)
);
create index company_name on company (lower(name));

create table membership (
    user_id                      text        not null references user_account (id),
    company_id                   text        not null references company (id),
    role                         text        not null check (role in ('ADMIN', 'MEMBER', 'READER', 'DRIVER')),
    notify_membership_request    boolean     not null default false,
    notify_signature_code_renewal boolean    not null default false,
    notify_bsd_refusal           boolean     not null default false,
    notify_bsda_final_destination_update boolean not null default false,
    notify_revision_request      boolean     not null default false,
    notify_registry_delegation   boolean     not null default false,
    created_at                   timestamptz not null default now(),
    primary key (user_id, company_id)
);
create index membership_company on membership (company_id);

-- Invitations of e-mails that have no account yet: they become memberships when the account appears.
create table invitation (
    id          text        primary key,
    email       text        not null,
    company_id  text        not null references company (id),
    role        text        not null,
    hash        text        not null unique,
    accepted_at timestamptz,
    created_at  timestamptz not null default now()
);
create unique index invitation_pending on invitation (lower(email), company_id) where accepted_at is null;

create table membership_request (
    id         text        primary key,
    user_id    text        not null references user_account (id),
    company_id text        not null references company (id),
    status     text        not null check (status in ('PENDING', 'ACCEPTED', 'REFUSED')),
    sent_to    text[]      not null,
    created_at timestamptz not null default now()
);
create unique index membership_request_pending on membership_request (user_id, company_id) where status = 'PENDING';

-- Personal access tokens: only an HMAC of the token is stored.
create table access_token (
    id          text        primary key,
    user_id     text        not null references user_account (id),
    description text        not null,
    token_hash  text        not null unique,
    created_at  timestamptz not null default now(),
    last_used   timestamptz,
    revoked_at  timestamptz
);
create index access_token_user on access_token (user_id);

-- The SIRENE directory (INSEE "StockEtablissement"), bulk-loaded by an operator; answers companyInfos and
-- searchCompanies for companies that are not registered here.
create table sirene_establishment (
    siret                     text primary key,
    siren                     text not null,
    name                      text,
    address                   text,
    address_voie              text,
    address_postal_code       text,
    address_city              text,
    code_commune              text,
    code_pays_etranger        text,
    naf                       text,
    etat_administratif        text not null,
    statut_diffusion          text not null
);
create index sirene_establishment_name on sirene_establishment (lower(name) text_pattern_ops);

-- Single-use links to the exports of a user's companies (myCompaniesCsv / myCompaniesXls); only their hash is kept.
create table download_token (
    token_hash text        primary key,
    user_id    text        not null references user_account (id),
    format     text        not null check (format in ('CSV', 'XLSX')),
    expires_at timestamptz not null
);
