package dk.stafet.responsibility.domain.handover;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the current holder proposes (R23, 000): to whom (organisation and optionally a named
 * doctor), why, whether patient and relatives were involved, and by when the receiver must answer.
 * {@code reason} is clinical free text: it is stored, never put in error messages or logs.
 */
public record HandoverProposal(
    String handoverId,
    Organisation proposer,
    Organisation receiver,
    Optional<DoctorId> receivingDoctor,
    String reason,
    boolean patientInformed,
    boolean relativesInformed,
    Instant proposedAt,
    Instant respondBy) {
  public HandoverProposal {
    Objects.requireNonNull(handoverId, "handoverId");
    Objects.requireNonNull(proposer, "proposer");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(receivingDoctor, "receivingDoctor");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(proposedAt, "proposedAt");
    Objects.requireNonNull(respondBy, "respondBy");
  }
}
