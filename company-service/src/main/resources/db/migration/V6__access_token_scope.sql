-- Issue #25 item 8: personal access tokens may expire and be restricted (read-only, some companies only).
alter table access_token
    add column expires_at timestamptz,
    add column read_only  boolean not null default false,
    -- the org ids (SIRET or VAT number) the token may act for, comma-separated; null: every company of its owner
    add column org_ids    text;
