-- Register lines: one per (register, company, document), rebuilt from the BSD event stream.
create table register_line (
    register                     text             not null,
    org_id                       text             not null,
    document_id                  text             not null,
    bsd_id                       text             not null,
    version                      bigint           not null,
    sort_at                      timestamptz      not null,
    created_at                   timestamptz,
    bsd_type                     text             not null,
    waste_code                   text,
    emitter_siret                text,
    transporter_siret            text,
    destination_siret            text,
    transporter_taken_over_at    timestamptz,
    destination_reception_date   timestamptz,
    destination_operation_date   timestamptz,
    destination_reception_weight double precision,
    destination_operation_code   text,
    data                         jsonb            not null,
    primary key (register, org_id, document_id)
);
-- Keyset pages of one company's register: (sort_at, document_id) after or before a cursor.
create index register_line_page on register_line (register, org_id, sort_at, document_id);
create index register_line_bsd on register_line (bsd_id);

-- The version guard: the last applied version of every aggregate whose events reached this projection
-- (including event types it does not project, recorded for forward compatibility).
create table applied_bsd_event (
    aggregate_id   text primary key,
    aggregate_type text,
    version        bigint not null,
    event_type     text,
    applied_at     timestamptz
);

-- The projection's own change log, in commit order (appends are serialised by a transaction advisory lock):
-- the national registry feed reads it from a cursor, and it is relayed to the register-lines topic.
create table register_change (
    seq         bigint primary key,
    changed_at  timestamptz not null,
    operation   text        not null check (operation in ('UPSERT', 'DELETE')),
    register    text        not null,
    org_id      text        not null,
    document_id text        not null,
    bsd_id      text        not null,
    version     bigint      not null,
    line        jsonb
);
create sequence register_change_seq;

-- Where the relay of the change log to Kafka stands.
create table register_change_relay (
    id        int primary key check (id = 1),
    last_seq  bigint not null
);
insert into register_change_relay (id, last_seq) values (1, 0);

-- Read model of company events: who may read which company's registers.
create table company_access (
    company_id text primary key,
    org_id     text,
    siret      text,
    vat_number text,
    version    bigint  not null,
    deleted    boolean not null
);
create index company_access_org on company_access (org_id);
create index company_access_siret on company_access (siret);

create table company_member (
    company_id text not null references company_access (company_id) on delete cascade,
    subject    text not null,
    role       text not null,
    primary key (company_id, subject)
);
create index company_member_subject on company_member (subject);
