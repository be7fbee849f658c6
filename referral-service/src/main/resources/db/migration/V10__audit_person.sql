-- Issue 14: the audit trail names the person who read, from the caller's verified bearer token (subject and name),
-- and the roles the read rested on. Null for rows written before tokens (and for a service's own reads).
ALTER TABLE audit_entry ADD COLUMN person_subject TEXT;
ALTER TABLE audit_entry ADD COLUMN person_name TEXT;
ALTER TABLE audit_entry ADD COLUMN caller_roles TEXT;
