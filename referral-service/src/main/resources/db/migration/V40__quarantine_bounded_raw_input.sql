-- A refused input larger than the message size limit is kept as a bounded prefix (truncated = true) with its full size
-- and this SHA-256 (hex) of the whole input, so an operator can still match it to what the sender holds.
ALTER TABLE quarantined_input ADD COLUMN raw_sha256 TEXT;
