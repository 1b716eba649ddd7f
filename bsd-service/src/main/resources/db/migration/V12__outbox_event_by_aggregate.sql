-- Form subscriptions read the previous state of a changed BSDD from its previous event, kept in the outbox until the
-- retention purge: one indexed look-up per change a subscriber receives.
create index outbox_event_aggregate_version on outbox_event (aggregate_id, version);
