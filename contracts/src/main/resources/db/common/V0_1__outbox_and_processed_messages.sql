-- Shared by every Stafet service (each in its own database): the transactional outbox and the idempotency record.

-- Events written in the same transaction as the state change they report; the relay sends them to Kafka afterwards.
CREATE TABLE outbox_event (
    seq            BIGSERIAL PRIMARY KEY,            -- send order
    event_id       UUID        NOT NULL UNIQUE,       -- CloudEvents id; consumers deduplicate on it
    topic          TEXT        NOT NULL,
    partition_key  TEXT        NOT NULL,              -- patient pseudonym, never a CPR number
    event_type     TEXT        NOT NULL,              -- CloudEvents type
    subject        TEXT,
    payload        TEXT        NOT NULL,
    content_type   TEXT        NOT NULL DEFAULT 'application/json',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ,
    attempts       INT         NOT NULL DEFAULT 0,
    last_error     TEXT
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- One row per message or event a consumer has acted on; written in the same transaction as the effect.
CREATE TABLE processed_message (
    consumer      TEXT        NOT NULL,
    message_id    TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
