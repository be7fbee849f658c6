package dk.stafet.responsibility.ledger;

import java.time.Instant;

/**
 * CDI event fired (in the recording transaction) when the ledger first shows a patient as deceased
 * (R20).
 */
public record PatientDied(String patientKey, Instant at) {}
