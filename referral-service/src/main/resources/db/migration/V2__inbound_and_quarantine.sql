-- Every MedCom message the front door accepted for processing, keyed by its MessageHeader.id (the letter id, the
-- duplicate key of MedCom's receiver rules) with the first acknowledgement we gave, so a retransmission gets the
-- same answer again and has no second effect.
CREATE TABLE received_message (
    id                 UUID PRIMARY KEY,
    message_header_id  TEXT        NOT NULL UNIQUE,
    first_bundle_id    TEXT        NOT NULL,
    message_type       TEXT        NOT NULL,
    channel            TEXT        NOT NULL,
    sender_gln         TEXT,
    sender_sor         TEXT,
    receiver_gln       TEXT,
    receiver_sor       TEXT,
    patient_key        TEXT,
    content_type       TEXT        NOT NULL,
    raw_bundle         TEXT        NOT NULL,
    outcome            TEXT        NOT NULL,     -- ACCEPTED, REJECTED, TRANSIENT_ERROR, ACKNOWLEDGEMENT
    ack_code           TEXT,
    ack_message_header_id TEXT,
    ack_bundle         TEXT,                     -- the first acknowledgement, JSON
    received_at        TIMESTAMPTZ NOT NULL,
    last_received_at   TIMESTAMPTZ NOT NULL,
    times_received     INT         NOT NULL DEFAULT 1,
    version            BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX received_message_patient ON received_message (patient_key);

-- Every Bundle.id (envelope id) ever seen: a reused Bundle.id with a new MessageHeader.id is an error (MedCom §5).
CREATE TABLE received_bundle (
    bundle_id          TEXT PRIMARY KEY,
    message_header_id  TEXT        NOT NULL,
    received_at        TIMESTAMPTZ NOT NULL
);

-- Every rejected input, kept raw with the reason; listable, inspectable and replayable. Nothing rejected is dropped.
CREATE TABLE quarantined_input (
    id                 UUID PRIMARY KEY,
    received_at        TIMESTAMPTZ NOT NULL,
    channel            TEXT        NOT NULL,
    content_type       TEXT,
    sender_gln         TEXT,
    message_header_id  TEXT,
    reason_code        TEXT        NOT NULL,
    reason             TEXT        NOT NULL,     -- issues as JSON; no CPR or clinical text
    size_bytes         INT         NOT NULL,
    truncated          BOOLEAN     NOT NULL,
    raw_input          BYTEA       NOT NULL,
    status             TEXT        NOT NULL,     -- QUARANTINED, REPLAYED_ACCEPTED, REPLAYED_REJECTED
    replayed_at        TIMESTAMPTZ,
    replay_outcome     TEXT
);
CREATE INDEX quarantined_input_received ON quarantined_input (received_at DESC);
