-- The transactional outbox (libs/outbox): rows are written in the business transaction and published to Kafka by
-- the change-capture relay. Published rows are purged after the retention period.
create table outbox_event (
    id             uuid        primary key,
    type           text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    version        bigint      not null,
    schema_version integer     not null,
    occurred_at    timestamptz not null default clock_timestamp(),
    payload        jsonb       not null
);
create index outbox_event_occurred_at on outbox_event (occurred_at);

-- Source offsets of the relay (Kafka Connect offsets), one row set per relay.
create table cdc_offset (
    store        text        not null,
    offset_key   bytea       not null,
    offset_value bytea,
    updated_at   timestamptz not null default now(),
    primary key (store, offset_key)
);

-- What the relay reads through logical decoding: inserts only, so that the retention purge publishes nothing.
create publication wastetrace_outbox for table outbox_event with (publish = 'insert');
