package dk.stafet.responsibility.handover;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the handover API. */
public final class HandoverViews {

  private HandoverViews() {}

  @Schema(description = "A structured relay handover proposed by the current PRD holder (R23)")
  public record Propose(
      @Schema(required = true) String patientKey,
      @Schema(required = true, description = "SOR code of the proposed receiver") String toSor,
      @Schema(description = "the receiving doctor, if agreed") Doctor toDoctor,
      @Schema(required = true, description = "why (free text; shown to the parties, never logged)")
          String reason,
      boolean patientInformed,
      boolean relativesInformed,
      @Schema(
              description =
                  "deadline for an answer; default occurredAt + stafet.handover.default-response-time")
          Instant respondBy,
      @Schema(
              description =
                  "ORAL, ELECTRONIC or WRITTEN: how the GP agreed to take over unfinished hospital treatment")
          String agreementChannel,
      @Schema(description = "when it was proposed; default now") Instant occurredAt) {}

  public record Doctor(String id, String name) {}

  @Schema(description = "The receiver accepts; responsibility moves at occurredAt (R23)")
  public record Accept(
      @Schema(
              description =
                  "ORAL, ELECTRONIC or WRITTEN; required when a hospital hands over to a GP")
          String agreementChannel,
      @Schema(description = "when it was accepted; default now") Instant occurredAt) {}

  @Schema(description = "The receiver rejects; nothing changes (R24)")
  public record Reject(
      @Schema(description = "why (free text; shown to the proposer, never logged)") String reason,
      @Schema(description = "default now") Instant occurredAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "A handover and its state")
  public record Handover(
      String id,
      String patientKey,
      String fromSor,
      String toSor,
      Doctor toDoctor,
      String courseKind,
      String courseId,
      String reason,
      boolean patientInformed,
      boolean relativesInformed,
      String agreementChannel,
      Instant proposedAt,
      Instant respondBy,
      @Schema(
              description =
                  "PROPOSED, UNANSWERED (timed out, alarm raised; may still be answered), ACCEPTED, REJECTED or VOID")
          String state,
      Instant timedOutAt,
      Instant decidedAt,
      String rejectionReason) {

    static Handover of(HandoverRow r) {
      return new Handover(
          r.id.toString(),
          r.patientKey,
          r.proposerSor,
          r.receiverSor,
          r.receivingDoctorId == null
              ? null
              : new Doctor(r.receivingDoctorId, r.receivingDoctorName),
          r.courseKind,
          r.courseId,
          r.reason,
          r.patientInformed,
          r.relativesInformed,
          r.agreementChannel,
          r.proposedAt,
          r.respondBy,
          r.state.name(),
          r.timedOutAt,
          r.decidedAt,
          r.rejectionReason);
    }
  }
}
