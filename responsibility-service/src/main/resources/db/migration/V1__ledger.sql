-- responsibility-service: facts, the append-only responsibility ledger, structured handovers and the read audit.
-- History tables are append-only (trigger below): corrections are new rows, never edits (brief §6, R8).

-- One row per patient. The CPR number is kept only to put it in FHIR/JSON answers to authorised callers and in
-- ResponsibilityEvents (notification-service addresses MedCom messages with it); never logged, never a key.
CREATE TABLE patient (
    patient_key        TEXT        PRIMARY KEY,          -- keyed pseudonym (PatientPseudonym), = Kafka key
    cpr                TEXT,
    listed_gp_sor      TEXT,
    listed_gp_since    TIMESTAMPTZ,
    course_type        TEXT        NOT NULL DEFAULT 'OTHER' CHECK (course_type IN ('CANCER', 'HEART', 'OTHER')),
    first_referral_at  TIMESTAMPTZ,                      -- KPI: referral → named doctor
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);

-- The facts: the ledger's source of truth (CourseEvents from referral-service, accepted handovers, named doctors).
-- seq is the arrival order; replays sort by occurred_at (event time) themselves.
CREATE TABLE course_fact (
    seq               BIGSERIAL   PRIMARY KEY,
    event_id          UUID        NOT NULL UNIQUE,
    patient_key       TEXT        NOT NULL REFERENCES patient (patient_key),
    source            TEXT        NOT NULL CHECK (source IN ('COURSE_EVENT', 'HANDOVER', 'NAMED_DOCTOR')),
    type              TEXT        NOT NULL,
    course_id         TEXT,
    organisation_sor  TEXT,
    counterpart_sor   TEXT,
    occurred_at       TIMESTAMPTZ NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    payload           TEXT        NOT NULL               -- JSON (FactRecord), without the CPR number
);
CREATE INDEX course_fact_patient ON course_fact (patient_key, seq);
CREATE INDEX course_fact_org ON course_fact (organisation_sor);
CREATE INDEX course_fact_counterpart ON course_fact (counterpart_sor);

-- The ledger: decision in force on [valid_from, valid_to). Every entry ever written stays; the current view is the
-- entries that no ledger_correction row replaces.
CREATE TABLE ledger_entry (
    id                   BIGSERIAL   PRIMARY KEY,
    patient_key          TEXT        NOT NULL REFERENCES patient (patient_key),
    entry_no             BIGINT      NOT NULL,           -- 1, 2, … per patient, in writing order
    valid_from           TIMESTAMPTZ NOT NULL,
    valid_to             TIMESTAMPTZ,                    -- null = still in force
    holder_sor           TEXT,                           -- PRD organisation; null after death (R20) or in a gap (R26)
    holder_kind          TEXT,
    holder_doctor_id     TEXT,                           -- R27 named doctor
    holder_doctor_name   TEXT,
    treatment            TEXT        NOT NULL,           -- TreatmentArrangement: HOSPITAL_24H, GP_OUT_OF_HOURS_SPLIT, …
    rule_id              TEXT        NOT NULL,           -- rule that decided PRD (R5 … R27)
    treatment_rule_id    TEXT        NOT NULL,
    course_kind          TEXT,                           -- the course giving the holder its responsibility
    course_id            TEXT,
    alarm                TEXT        CHECK (alarm IN ('gap', 'no-receiver')),
    alarm_reason         TEXT,
    alarm_intended_by    TEXT,
    caused_by_event      TEXT        NOT NULL,           -- the fact at valid_from that made it so
    recorded_for_event   TEXT        NOT NULL,           -- the fact whose recording wrote this entry
    reason               TEXT        NOT NULL CHECK (reason IN ('NEW_STATE', 'INTERVAL_CLOSED', 'LATE_EVENT_CORRECTION', 'CANCELLATION_CORRECTION')),
    recorded_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (patient_key, entry_no)
);
CREATE INDEX ledger_entry_holder ON ledger_entry (holder_sor);

-- Which entry replaces which (an entry may replace several, and be replaced by several).
CREATE TABLE ledger_correction (
    id              BIGSERIAL PRIMARY KEY,
    patient_key     TEXT      NOT NULL REFERENCES patient (patient_key),
    entry_no        BIGINT    NOT NULL,                  -- the correcting entry
    corrects_entry  BIGINT    NOT NULL                   -- the entry it replaces
);
CREATE INDEX ledger_correction_patient ON ledger_correction (patient_key, corrects_entry);

-- Structured relay handovers (R23, R24). The row carries the state machine's current state; handover_step keeps
-- every step. reason is clinical free text: stored, never logged or put in an error.
CREATE TABLE handover (
    id                     UUID        PRIMARY KEY,
    patient_key            TEXT        NOT NULL REFERENCES patient (patient_key),
    proposer_sor           TEXT        NOT NULL,
    proposer_kind          TEXT        NOT NULL,
    receiver_sor           TEXT        NOT NULL,
    receiver_kind          TEXT        NOT NULL,
    receiving_doctor_id    TEXT,
    receiving_doctor_name  TEXT,
    course_kind            TEXT        NOT NULL,
    course_id              TEXT        NOT NULL,
    reason                 TEXT        NOT NULL,
    patient_informed       BOOLEAN     NOT NULL,
    relatives_informed     BOOLEAN     NOT NULL,
    agreement_channel      TEXT        CHECK (agreement_channel IN ('ORAL', 'ELECTRONIC', 'WRITTEN')),
    proposed_at            TIMESTAMPTZ NOT NULL,
    respond_by             TIMESTAMPTZ NOT NULL,
    state                  TEXT        NOT NULL CHECK (state IN ('PROPOSED', 'UNANSWERED', 'ACCEPTED', 'REJECTED', 'VOID')),
    timed_out_at           TIMESTAMPTZ,
    decided_at             TIMESTAMPTZ,
    rejection_reason       TEXT,
    accepted_event_id      UUID,
    recorded_at            TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    version                BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX handover_patient ON handover (patient_key);
CREATE INDEX handover_due ON handover (respond_by) WHERE state = 'PROPOSED';

CREATE TABLE handover_step (
    id            BIGSERIAL   PRIMARY KEY,
    handover_id   UUID        NOT NULL REFERENCES handover (id),
    step          TEXT        NOT NULL CHECK (step IN ('PROPOSED', 'ACCEPTED', 'REJECTED', 'TIMED_OUT', 'VOIDED')),
    occurred_at   TIMESTAMPTZ NOT NULL,
    actor_sor     TEXT,
    recorded_at   TIMESTAMPTZ NOT NULL
);

-- Who read which patient's data, when (never the CPR number).
CREATE TABLE audit_entry (
    id           BIGSERIAL   PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    caller_sor   TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('GRANTED', 'DENIED')),
    patient_key  TEXT
);
CREATE INDEX audit_entry_patient ON audit_entry (patient_key, at);

CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER course_fact_append_only BEFORE UPDATE OR DELETE ON course_fact
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER ledger_correction_append_only BEFORE UPDATE OR DELETE ON ledger_correction
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER handover_step_append_only BEFORE UPDATE OR DELETE ON handover_step
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
