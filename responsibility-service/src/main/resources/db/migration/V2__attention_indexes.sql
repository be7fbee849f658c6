-- GET /api/patients/attention reads, per patient, the open entry of the current view and the unanswered handovers.
-- Open entries (valid_to null) are one per patient plus the few later re-issued with an end (INTERVAL_CLOSED), so
-- this partial index keeps the list from reading the whole append-only history.
CREATE INDEX ledger_entry_open ON ledger_entry (patient_key, valid_from) WHERE valid_to IS NULL;
CREATE INDEX handover_unanswered ON handover (patient_key) WHERE state = 'UNANSWERED';
