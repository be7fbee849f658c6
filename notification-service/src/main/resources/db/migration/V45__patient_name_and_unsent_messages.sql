-- The patient's official name as the course events carry it (referral-service learns it from MedCom messages and the
-- national register), so outgoing messages name the patient instead of the configured placeholder.
ALTER TABLE patient_contact ADD COLUMN family_name TEXT;
ALTER TABLE patient_contact ADD COLUMN given_names TEXT;

-- A message that fails MedCom validation is kept but never sent (docs/notifications.md, "Outgoing validation").
ALTER TABLE outgoing_message ALTER COLUMN last_sent_at DROP NOT NULL;
