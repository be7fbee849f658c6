-- The patient's municipality of residence, from LISTED_GP_REGISTERED's municipalitySor (also when the patient has no
-- listed GP). It makes the municipality an involved organisation, as it is in referral-service: home nursing and the
-- acute function need who to call, and for a patient without a listed GP nobody else on the patient's side is.
ALTER TABLE patient ADD COLUMN municipality_sor TEXT;
