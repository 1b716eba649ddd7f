-- The W3C trace context (traceparent) of the BSD change a delivery comes from (the event's Kafka header): the
-- delivery's span joins the trace of the request that made the change.
alter table delivery add column trace_parent text;
