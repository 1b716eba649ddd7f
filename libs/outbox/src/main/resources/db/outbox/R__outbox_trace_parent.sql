-- The W3C trace context (traceparent) of the request that wrote the event; the relay sends it as the Kafka record's
-- `traceparent` header. A repeatable migration, so that it runs after the services' own versioned migrations
-- whatever their numbers (a versioned one here would sit below migrations already applied); idempotent.
alter table outbox_event add column if not exists trace_parent text;
