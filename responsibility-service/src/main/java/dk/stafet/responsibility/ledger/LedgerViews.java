package dk.stafet.responsibility.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON views of the ledger. */
public final class LedgerViews {

  private LedgerViews() {}

  @Schema(
      description =
          "Every ledger entry ever written for the patient (the audit trail); current=true marks the corrected history")
  public record Ledger(String patientKey, List<Entry> entries) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "The decision that held on [validFrom, validTo) in event time")
  public record Entry(
      long entryNo,
      Instant validFrom,
      @Schema(description = "absent = still in force") Instant validTo,
      String holderSor,
      String holderKind,
      String doctorId,
      String doctorName,
      @Schema(
              description =
                  "HOSPITAL_24H, GP_OUT_OF_HOURS_SPLIT, SPECIALIST_OUT_OF_HOURS_SPLIT or NONE")
          String treatment,
      String rule,
      String treatmentRule,
      String courseKind,
      String courseId,
      String alarm,
      String alarmReason,
      @Schema(
              description =
                  "R19: the practising specialist treating in GP hours (SPECIALIST_OUT_OF_HOURS_SPLIT)")
          String treatingSor,
      @Schema(description = "the fact at validFrom that made it so") String causedByEvent,
      @Schema(description = "what that fact was, e.g. ADMISSION_STARTED or HANDOVER_ACCEPTED")
          String causedByEventType,
      @Schema(description = "the fact whose recording wrote this entry") String recordedForEvent,
      @Schema(
              description =
                  "NEW_STATE, INTERVAL_CLOSED, LATE_EVENT_CORRECTION or CANCELLATION_CORRECTION")
          String reason,
      Instant recordedAt,
      @Schema(description = "entries this one replaces") List<Long> corrects,
      @Schema(description = "entries that replace this one") List<Long> correctedBy,
      @Schema(description = "part of the corrected history that point-in-time answers use")
          boolean current) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "Responsibility at one instant, from the corrected history")
  public record Responsibility(
      String patientKey,
      Instant at,
      String holderSor,
      String holderName,
      String holderKind,
      String doctorId,
      String doctorName,
      String rule,
      String treatmentRule,
      String treatmentSector,
      String courseKind,
      String courseId,
      Instant validFrom,
      Instant validTo,
      String alarm,
      Long entryNo,
      @Schema(
              description =
                  "R19: the practising specialist treating in GP hours while the GP stays PRD")
          String treatingSor,
      String treatingName) {}

  @Schema(description = "Names the doctor inside the organisation that holds PRD (R27)")
  public record NameDoctor(
      @Schema(required = true, description = "the doctor's authorisation ID") String doctorId,
      @Schema(description = "display name") String name,
      @Schema(description = "when the doctor was named; default now") Instant occurredAt) {}
}
