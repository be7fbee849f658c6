-- The shared course and action plan (brief C10, docs/care-plan.md): one row per plan, one per activity. The rows carry
-- the domain state machine's state (CarePlan); every change is also a ResponsibilityEvent in the outbox. title,
-- description are clinical free text: stored and shown to the parties, never logged or put in an event.
CREATE TABLE care_plan (
    id                      UUID        PRIMARY KEY,
    patient_key             TEXT        NOT NULL REFERENCES patient (patient_key),
    kind                    TEXT        NOT NULL CHECK (kind IN ('CHILD', 'COMPLEX_ADULT')),
    status                  TEXT        NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'REVOKED')),
    title                   TEXT,
    author_sor              TEXT        NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    birth_date              DATE,                           -- from the CPR number, for a child's transition at 18
    transition_at           DATE,                           -- a child's 18th birthday; null for an adult's plan
    case_manager_sor        TEXT,
    case_manager_person     TEXT,
    case_manager_chosen_by  TEXT        CHECK (case_manager_chosen_by IN ('CITIZEN', 'STAFF')),
    case_manager_chosen_at  TIMESTAMPTZ,
    closing_talk_at         TIMESTAMPTZ,
    closing_talk_by_sor     TEXT,
    ended_at                TIMESTAMPTZ,
    recorded_at             TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL DEFAULT 0,
    CHECK (status NOT IN ('ACTIVE', 'COMPLETED') OR case_manager_sor IS NOT NULL)
);
CREATE INDEX care_plan_patient ON care_plan (patient_key);
CREATE INDEX care_plan_transition ON care_plan (transition_at) WHERE status IN ('DRAFT', 'ACTIVE');

CREATE TABLE care_plan_activity (
    id            UUID        PRIMARY KEY,
    plan_id       UUID        NOT NULL REFERENCES care_plan (id),
    patient_key   TEXT        NOT NULL REFERENCES patient (patient_key),
    position      INT         NOT NULL,
    owner_sor     TEXT        NOT NULL,
    description   TEXT,
    status        TEXT        NOT NULL CHECK (status IN ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    period_start  DATE,
    period_end    DATE,
    recorded_at   TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (plan_id, position)
);
CREATE INDEX care_plan_activity_patient_owner ON care_plan_activity (patient_key, owner_sor);
