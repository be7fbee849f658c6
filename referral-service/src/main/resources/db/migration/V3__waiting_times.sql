-- Waiting-time watch (docs/waiting-times.md): each alert about a referral's maximum waiting time (domain brief §8,
-- W1–W8) is recorded once, so the scheduled check publishes WAITING_TIME_WARNING / WAITING_TIME_EXCEEDED at most once
-- per referral and kind, however often it runs and on however many instances.
CREATE TABLE waiting_time_alert (
    id                 UUID        PRIMARY KEY,
    referral_id        UUID        NOT NULL REFERENCES referral (id),
    patient_key        TEXT        NOT NULL,
    kind               TEXT        NOT NULL CHECK (kind IN ('WARNING', 'EXCEEDED')),
    waiting_time_rule  TEXT        NOT NULL CHECK (waiting_time_rule IN ('W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8')),
    deadline           DATE        NOT NULL,              -- the last allowed day (Danish time)
    crossed_at         TIMESTAMPTZ NOT NULL,              -- when the warning time or the deadline was crossed
    recorded_at        TIMESTAMPTZ NOT NULL,
    event_id           UUID        NOT NULL,              -- the CourseEvent published through the outbox
    CONSTRAINT waiting_time_alert_once UNIQUE (referral_id, kind)
);

-- The watch looks only at referrals with a rule that are still waiting.
CREATE INDEX referral_waiting ON referral (received_at)
    WHERE waiting_time_rule IS NOT NULL AND state IN ('RECEIVED', 'ACCEPTED');
