-- notification-service: outgoing MedCom messages and their delivery, acknowledgements received, and the little it
-- remembers about patients (listed GP, open hospital stays) to address and build notifications.

-- One row per MedCom message sent to one recipient (Stafet's own notifications and hub deliveries alike).
CREATE TABLE outgoing_message (
    id                 UUID        PRIMARY KEY,
    message_header_id  TEXT        NOT NULL UNIQUE,      -- the letter id, kept on every retransmission
    source_event_id    UUID        NOT NULL,             -- the event that caused it
    origin             TEXT        NOT NULL,             -- ORIGINATED (built by Stafet) or HUB_DELIVERY (forwarded)
    message_type       TEXT        NOT NULL,             -- HOSPITAL_NOTIFICATION, CARE_COMMUNICATION
    event_code         TEXT,                             -- HN code (STIN, AN_SLHJ, ...) or CC category
    duty               TEXT,                             -- communication duty (C3, C4, C6, ...)
    recipient_gln      TEXT        NOT NULL,
    recipient_sor      TEXT,
    sender_gln         TEXT,
    sender_sor         TEXT,
    patient_key        TEXT,                             -- pseudonym, never a CPR number
    course_id          TEXT,                             -- the hospital stay of a HospitalNotification
    state              TEXT        NOT NULL,             -- SENT, ACKNOWLEDGED, NEGATIVE, DEAD_LETTER, DELIVERED_NO_ACK_EXPECTED
    state_reason       TEXT,
    attempts           INT         NOT NULL,             -- transmissions so far (1 = the first)
    next_attempt_at    TIMESTAMPTZ,                      -- when the ack wait ends (state SENT only)
    last_bundle_id     TEXT        NOT NULL,
    last_bundle        TEXT        NOT NULL,             -- the Bundle as last transmitted
    content_type       TEXT        NOT NULL,
    ack_code           TEXT,
    ack_header_id      TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    last_sent_at       TIMESTAMPTZ NOT NULL,
    acknowledged_at    TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT outgoing_message_once_per_recipient UNIQUE (source_event_id, recipient_gln, message_type)
);
CREATE INDEX outgoing_message_due ON outgoing_message (next_attempt_at) WHERE state = 'SENT';
CREATE INDEX outgoing_message_state ON outgoing_message (state, recipient_gln);
CREATE INDEX outgoing_message_course ON outgoing_message (course_id, recipient_gln, message_type);

-- Every acknowledgement received, matched or not; duplicates (same ack MessageHeader.id) are recognised here.
CREATE TABLE received_ack (
    ack_header_id          TEXT        PRIMARY KEY,
    acknowledged_header_id TEXT        NOT NULL,
    ack_code               TEXT        NOT NULL,
    outgoing_message_id    UUID        REFERENCES outgoing_message (id),  -- null: unmatched
    sender_gln             TEXT,
    received_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX received_ack_unmatched ON received_ack (received_at) WHERE outgoing_message_id IS NULL;

-- The patient's listed GP and municipality, from LISTED_GP_REGISTERED.
CREATE TABLE patient_contact (
    patient_key       TEXT        PRIMARY KEY,
    listed_gp_sor     TEXT,
    municipality_sor  TEXT,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- Hospital stays as the course events describe them: what a HospitalNotification's Encounter needs.
CREATE TABLE hospital_stay (
    course_id             TEXT        PRIMARY KEY,
    patient_key           TEXT        NOT NULL,
    service_provider_sor  TEXT        NOT NULL,
    episode_of_care_id    TEXT,
    encounter_class       TEXT        NOT NULL,
    admitted_at           TIMESTAMPTZ NOT NULL,
    leave_started_at      TIMESTAMPTZ,
    leave_ended_at        TIMESTAMPTZ,
    ended_at              TIMESTAMPTZ,
    open                  BOOLEAN     NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX hospital_stay_open ON hospital_stay (patient_key) WHERE open;
