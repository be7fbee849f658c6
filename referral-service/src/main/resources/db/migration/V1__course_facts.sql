-- Course facts of referral-service: patients, referrals, hospital stays, courses, their history, and the read audit.
-- Documented in docs/course-facts.md. CPR numbers live only in patient.cpr; everything else uses patient_key
-- (the keyed pseudonym, see PatientPseudonym).

CREATE TABLE patient (
    patient_key       TEXT        PRIMARY KEY,
    cpr               TEXT        NOT NULL,              -- needed to publish events; never logged, never a key
    listed_gp_sor     TEXT,
    listed_gp_since   TIMESTAMPTZ,
    municipality_sor  TEXT,                              -- municipality of residence, where known
    deceased_at       TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE referral (
    id                 UUID        PRIMARY KEY,
    patient_key        TEXT        NOT NULL REFERENCES patient (patient_key),
    referrer_sor       TEXT        NOT NULL,
    receiver_sor       TEXT        NOT NULL,
    state              TEXT        NOT NULL
        CHECK (state IN ('RECEIVED', 'ACCEPTED', 'REJECTED', 'FORWARDED', 'STARTED', 'ENDED')),
    reason             TEXT,
    forwarded_to_sor   TEXT,
    cancer             BOOLEAN     NOT NULL DEFAULT FALSE,
    condition_code     TEXT,
    waiting_time_rule  TEXT        CHECK (waiting_time_rule IN ('W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8')),
    received_at        TIMESTAMPTZ NOT NULL,
    visited_at         TIMESTAMPTZ,
    started_at         TIMESTAMPTZ,
    ended_at           TIMESTAMPTZ,
    recorded_at        TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CHECK (state <> 'FORWARDED' OR forwarded_to_sor IS NOT NULL),
    CHECK (state <> 'REJECTED' OR reason IS NOT NULL)
);
CREATE INDEX referral_patient ON referral (patient_key);

CREATE TABLE hospital_stay (
    id                    UUID        PRIMARY KEY,
    patient_key           TEXT        NOT NULL REFERENCES patient (patient_key),
    episode_of_care_id    TEXT        NOT NULL,          -- MedCom Encounter.episodeOfCare identifier
    service_provider_sor  TEXT        NOT NULL,          -- MedCom Encounter.serviceProvider
    encounter_class       TEXT        NOT NULL CHECK (encounter_class IN ('IMP', 'EMER')),
    state                 TEXT        NOT NULL
        CHECK (state IN ('IN_PROGRESS', 'ON_LEAVE', 'DISCHARGED', 'DECEASED', 'CANCELLED')),
    last_transition       TEXT        NOT NULL,
    admitted_at           TIMESTAMPTZ NOT NULL,
    leave_started_at      TIMESTAMPTZ,
    leave_ended_at        TIMESTAMPTZ,
    discharged_at         TIMESTAMPTZ,
    deceased_at           TIMESTAMPTZ,
    cancelled_at          TIMESTAMPTZ,
    recorded_at           TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL DEFAULT 0
);
-- One live stay per episode and department; cancelled stays stay as history, and a new admission may follow them.
CREATE UNIQUE INDEX hospital_stay_episode ON hospital_stay (episode_of_care_id, service_provider_sor)
    WHERE state <> 'CANCELLED';
CREATE INDEX hospital_stay_patient ON hospital_stay (patient_key);

CREATE TABLE course (
    id                   UUID        PRIMARY KEY,
    patient_key          TEXT        NOT NULL REFERENCES patient (patient_key),
    kind                 TEXT        NOT NULL CHECK (kind IN ('ACUTE_FUNCTION', 'OUTPATIENT', 'IV_TREATMENT', 'SPECIALIST')),
    owner_sor            TEXT        NOT NULL,
    state                TEXT        NOT NULL CHECK (state IN ('ACTIVE', 'ENDED', 'DECLINED')),
    referrer_kind        TEXT        CHECK (referrer_kind IN ('HOSPITAL', 'GP', 'OUT_OF_HOURS', 'MUNICIPAL_NURSING')),
    referrer_sor         TEXT,
    acute_form           TEXT        CHECK (acute_form IN ('TEAM', 'PLACE')),
    acute_exit           TEXT        CHECK (acute_exit IN ('HOME', 'ADMITTED', 'OUTPATIENT', 'MUNICIPAL_CARE', 'GP_FOLLOW_UP')),
    administered_by_sor  TEXT,
    reason               TEXT,
    started_at           TIMESTAMPTZ,
    ended_at             TIMESTAMPTZ,
    declined_at          TIMESTAMPTZ,
    recorded_at          TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL DEFAULT 0,
    CHECK (kind <> 'ACUTE_FUNCTION' OR (referrer_kind IS NOT NULL AND referrer_sor IS NOT NULL)),
    CHECK (state <> 'DECLINED' OR kind = 'ACUTE_FUNCTION')
);
CREATE INDEX course_patient ON course (patient_key);

-- History: one row per transition (also notifications kept only as history). Never updated or deleted.
CREATE TABLE course_transition (
    id                 UUID        PRIMARY KEY,
    aggregate_type     TEXT        NOT NULL CHECK (aggregate_type IN ('REFERRAL', 'HOSPITAL_STAY', 'COURSE', 'PATIENT')),
    aggregate_id       TEXT        NOT NULL,
    patient_key        TEXT        NOT NULL,
    transition         TEXT        NOT NULL,
    from_state         TEXT,
    to_state           TEXT        NOT NULL,
    effective          BOOLEAN     NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    actor_sor          TEXT,
    source_message_id  TEXT,
    event_id           UUID
);
CREATE INDEX course_transition_aggregate ON course_transition (aggregate_type, aggregate_id, recorded_at);

-- Who read which patient's data, when (never the CPR number). Never updated or deleted.
CREATE TABLE audit_entry (
    id             BIGSERIAL   PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    caller_sor     TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    outcome        TEXT        NOT NULL CHECK (outcome IN ('GRANTED', 'DENIED')),
    patient_key    TEXT,
    resource_type  TEXT        NOT NULL,
    resource_id    TEXT
);
CREATE INDEX audit_entry_patient ON audit_entry (patient_key, at);

CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER course_transition_append_only BEFORE UPDATE OR DELETE ON course_transition
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
