-- The W3C trace context (traceparent) of the work that wrote the outbox row (the HTTP request or the consumed record),
-- so the relay, which publishes later on its own thread, puts it on the Kafka record and one message's trace follows
-- it through all services (docs/operations.md, "Traces"). NULL when nothing was traced.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
