-- Every read of a patient's outgoing messages is audited (service-support's AuditEntry), like in the other services.
CREATE TABLE audit_entry (
    id             BIGSERIAL   PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    caller_sor     TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    outcome        TEXT        NOT NULL CHECK (outcome IN ('GRANTED', 'DENIED')),
    patient_key    TEXT,
    resource_type  TEXT,
    resource_id    TEXT
);
CREATE INDEX audit_entry_patient ON audit_entry (patient_key, at);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
