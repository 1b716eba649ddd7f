-- Appendix-1 signature automations: the "from" company lets the "to" company (a transporter collecting its
-- appendix-1 items) take its items over without its own signature, while from.allow_appendix1_signature_automation
-- is true. One automation per (from, to); a company cannot grant one to itself.
create table signature_automation (
    id              text        primary key,
    from_company_id text        not null references company (id) on delete cascade,
    to_company_id   text        not null references company (id) on delete cascade,
    created_at      timestamptz not null default now(),
    unique (from_company_id, to_company_id),
    check (from_company_id <> to_company_id)
);
create index signature_automation_to on signature_automation (to_company_id);
