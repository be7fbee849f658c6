-- R19: the practising specialist that holds treatment responsibility in GP hours while the GP stays PRD (the
-- SPECIALIST_OUT_OF_HOURS_SPLIT arrangement), so that answers name which specialist treats. Null for every other
-- arrangement, and for entries written before this column (their specialist is not known without a replay).
ALTER TABLE ledger_entry ADD COLUMN treating_sor TEXT;
