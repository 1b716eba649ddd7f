-- Webhook settings (reference API "WebhookSetting"): where a company's BSD changes are POSTed. The token and the
-- signing secret are stored sealed (AES-256-GCM under WEBHOOK_SECRETS_KEY): readable by no query, sendable by the
-- delivery component. One endpoint once per company; how many settings a company may have is company_webhook_limit's
-- (1 when the company has no row there, as in the reference).
create table webhook_setting (
    id                      text        primary key,
    company_id              text        not null references company (id) on delete cascade,
    org_id                  text        not null,
    endpoint_uri            text        not null check (length(endpoint_uri) <= 300),
    sealed_token            text        not null,
    sealed_signing_secret   text        not null,
    activated               boolean     not null,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    version                 bigint      not null default 0,
    unique (company_id, endpoint_uri)
);
create index webhook_setting_org on webhook_setting (org_id);

create table company_webhook_limit (
    company_id      text        primary key references company (id) on delete cascade,
    max_settings    integer     not null check (max_settings >= 0)
);
