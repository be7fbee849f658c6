-- A MedCom message the compiled validation fast path accepted and HAPI's full validation, re-checking a sample off
-- the hot path, rejects (issue 11, docs/performance.md "The compiled fast path"): a defect of the fast path, shown to
-- coordinators as an alarm until one of them acknowledges it. Element paths only, never values: HAPI's texts may
-- quote patient data. Only services that validate inbound MedCom messages (referral-, notification-service) write it.
CREATE TABLE validation_alarm (
    id               BIGSERIAL   PRIMARY KEY,
    raised_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    message_type     TEXT        NOT NULL,
    error_paths      TEXT        NOT NULL,  -- HAPI's error locations, one per line
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT                   -- the coordinator's SOR code
);
CREATE INDEX validation_alarm_open ON validation_alarm (raised_at) WHERE acknowledged_at IS NULL;
