package dk.stafet.referral.course.service;

import dk.stafet.referral.course.WaitingTimeRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral received by the calling organisation. */
@Schema(description = "A referral the calling hospital department or specialist has received")
public record ReceiveReferral(
    @Schema(
            description =
                "The patient's CPR number (10 digits, with or without hyphen); only ever in a body")
        @NotBlank
        String cpr,
    @Schema(description = "SOR code of the referring organisation (usually the GP)") @NotBlank
        String referrerSor,
    @Schema(description = "SOR code of the receiving organisation; must be the caller") @NotBlank
        String receiverSor,
    @Schema(description = "Part of a cancer pathway (maximum waiting times apply)") boolean cancer,
    @Schema(description = "Condition code the waiting-time rule applies to, e.g. ICD-10")
        @Size(max = 40)
        String conditionCode,
    @Schema(description = "Maximum-waiting-time rule W1..W8 (domain brief §8), if any")
        WaitingTimeRule waitingTimeRule,
    @Schema(description = "When it was received; default now") Instant occurredAt) {

  @Override
  public String toString() {
    return "ReceiveReferral[receiver=" + receiverSor + "]";
  }
}
