-- webhook-service's own delivery state. Nothing here is the source of anything else: the settings are a copy of
-- company-service's webhook-setting events, the parties a digest of BSD events.

-- The copy of each webhook setting (version-guarded), the endpoint's lease (one worker delivers to an endpoint at a
-- time, in order) and the deactivation this service asked company-service for.
create table webhook_target (
    setting_id                  text        primary key,
    company_id                  text        not null,
    org_id                      text        not null,
    endpoint_uri                text        not null,
    sealed_token                text        not null,
    sealed_signing_secret       text        not null,
    activated                   boolean     not null,
    deleted                     boolean     not null default false,
    version                     bigint      not null,
    -- failures before this instant do not count towards deactivation (set when an administrator reactivates)
    failures_counted_since      timestamptz not null default now(),
    deactivation_requested_at   timestamptz,
    deactivation_reported       boolean     not null default false,
    lease_owner                 text,
    lease_until                 timestamptz
);
create index webhook_target_org on webhook_target (org_id) where activated and not deleted;

-- The companies of each BSD's last state, to tell CREATED from UPDATED and to notify companies removed from a BSD.
create table bsd_parties (
    bsd_id          text        primary key,
    aggregate_type  text        not null,
    readable_id     text        not null,
    org_ids         text[]      not null,
    version         bigint      not null,
    deleted         boolean     not null default false
);

-- One delivery per (change, setting), in the order changes were read; id is the Idempotency-Key sent to the receiver.
create table delivery (
    seq                 bigserial   primary key,
    id                  uuid        not null unique,
    setting_id          text        not null,
    bsd_id              text        not null,
    readable_id         text        not null,
    action              text        not null,
    occurred_at         timestamptz not null,
    enqueued_at         timestamptz not null default now(),
    status              text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'GAVE_UP', 'DROPPED')),
    attempts            integer     not null default 0,
    next_attempt_at     timestamptz not null default now(),
    finished_at         timestamptz
);
create index delivery_pending on delivery (setting_id, seq) where status = 'PENDING';
create index delivery_finished on delivery (finished_at) where status <> 'PENDING';

-- Every attempt (and every ping), for the deactivation rule and for the setting's administrators.
create table delivery_attempt (
    id              bigserial   primary key,
    setting_id      text        not null,
    delivery_id     uuid,
    action          text        not null,
    readable_id     text        not null,
    attempt         integer     not null,
    attempted_at    timestamptz not null,
    http_status     integer,
    outcome         text        not null,
    latency_ms      integer     not null
);
create index delivery_attempt_setting on delivery_attempt (setting_id, attempted_at desc);
