-- The audit row is shared by the three services (service-support's AuditEntry): what kind of data was read and
-- which one. Nullable here: responsibility-service's action names the data (ledger, who-to-call, ...).
ALTER TABLE audit_entry ADD COLUMN resource_type TEXT;
ALTER TABLE audit_entry ADD COLUMN resource_id   TEXT;
