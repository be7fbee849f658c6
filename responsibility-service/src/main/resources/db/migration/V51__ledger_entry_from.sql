-- A fact that resumes the ledger's replay from a checkpoint compares only the current view's entries that start at or
-- after the segment in force before it (docs/rules.md, "Incremental"). Without this index that read walked every entry
-- of the patient, replaced ones included, and probed the corrections for each: 70 ms per fact at 600 facts.
CREATE INDEX ledger_entry_patient_from ON ledger_entry (patient_key, valid_from);
