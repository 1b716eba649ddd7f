-- The tamper-evident chain of every BSD's signatures (any type): one row per signature, written in the signing
-- transaction. content is the canonical JSON of the BSD's state as written at that moment (kept so that a
-- verification recomputes content_hash too); hash = SHA-256 over previous_hash, content_hash, signature_type,
-- signed_at, author, subject and org_id (core.signature.chain.ChainHash). A missing author, subject or org id is ''.
create table bsd_signature_link (
    bsd_id         text        not null,
    bsd_type       text        not null,
    position       integer     not null,
    signature_type text        not null,
    signed_at      timestamptz not null,
    author         text        not null,
    subject        text        not null,
    org_id         text        not null,
    previous_hash  text        not null,
    content_hash   text        not null,
    hash           text        not null,
    content        text        not null,
    recorded_at    timestamptz not null default now(),
    primary key (bsd_id, position)
);
