-- Issue 14, "Audit, proven": the audit trail (audit_entry, service-support's AuditEntry, in every service) is
-- append-only. The row triggers of the table's first migration refuse UPDATE and DELETE; TRUNCATE fires no row
-- trigger, so a statement trigger refuses it too, and no role but the owner (which runs Flyway) keeps a right to
-- change rows in place (docs/security.md, "The audit trail").
CREATE FUNCTION refuse_audit_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_truncate();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;
