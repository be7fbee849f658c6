-- Records a consumer could not apply (issue 12, docs/reliability.md "Nothing parked unseen"). Every service that
-- dead-letters consumes its own dead-letter topic into this table (service-support's parked package), so a parked
-- record is seen by coordinators (GET /api/parked, the coordinator page), counted (stafet_parked_records) and can be
-- replayed to its original topic once the cause is fixed.
CREATE TABLE parked_record (
    id               BIGSERIAL   PRIMARY KEY,
    -- Where the record came from: SmallRye's dead-letter-topic/-partition/-offset headers (the dead-letter topic's own
    -- position when they are missing). One row per original record, however often the dead letter is redelivered.
    source_topic     TEXT        NOT NULL,
    source_partition INT         NOT NULL,
    source_offset    BIGINT      NOT NULL,
    dead_letter_topic TEXT       NOT NULL,
    -- The original record, byte for byte, for the replay. The value may hold a CPR number exactly where the original
    -- topic's record held it; nothing else here does: error texts are masked (CprNumber.maskAll) before they are stored.
    record_key       BYTEA,
    record_value     BYTEA,
    record_headers   TEXT        NOT NULL DEFAULT '',  -- one "name:base64(value)" per line, the dead-letter-* ones left out
    message_id       TEXT,                             -- ce_id
    event_type       TEXT,                             -- ce_type
    patient_key      TEXT,                             -- the record key: the patient pseudonym
    error_class      TEXT,
    error_message    TEXT,                             -- masked
    failed_at        TIMESTAMPTZ NOT NULL,             -- when it was dead-lettered (the dead letter's timestamp)
    parked_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts         INT         NOT NULL DEFAULT 1,   -- 1 + how often it was replayed and failed again
    replay_of        BIGINT      REFERENCES parked_record (id),
    state            TEXT        NOT NULL DEFAULT 'PARKED' CHECK (state IN ('PARKED', 'REPLAYED', 'DISMISSED')),
    resolved_at      TIMESTAMPTZ,
    resolved_by      TEXT,                             -- the coordinator's SOR code
    dismiss_reason   TEXT,
    UNIQUE (source_topic, source_partition, source_offset)
);
CREATE INDEX parked_record_state ON parked_record (state, parked_at);
