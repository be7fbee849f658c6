-- The patient's official name as the latest MedCom message or national-register fact gave it, so every outgoing
-- message names the patient as MedCom requires instead of "Ukendt" (docs/events.md, "The patient's name").
ALTER TABLE patient ADD COLUMN family_name TEXT;
ALTER TABLE patient ADD COLUMN given_names TEXT;
