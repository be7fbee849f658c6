-- CareCommunication threads (medcom-spec.md §3, docs/front-door.md "CareCommunication threads"): the thread id
-- (Communication.identifier, kept on reply, new on forward), the message's own activity (new-message,
-- reply-message, forward-message), the earlier message it answers or forwards (a MessageHeader id, or an
-- EDIFACT/OIOXML letter's <GLN>#<letter id>) and, when that earlier message is not one the front door received,
-- a note saying so: such a reply is accepted and shown in its thread, flagged.
ALTER TABLE received_message ADD COLUMN thread_id TEXT;
ALTER TABLE received_message ADD COLUMN thread_activity TEXT;
ALTER TABLE received_message ADD COLUMN in_response_to TEXT;
ALTER TABLE received_message ADD COLUMN thread_note TEXT;
CREATE INDEX received_message_thread ON received_message (patient_key, thread_id);
