package dk.stafet.referral.course.service;

import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patient's death, reported by an organisation involved with the patient. */
@Schema(description = "The death of a patient")
public record RegisterDeath(
    @Schema(description = "The patient's CPR number; only ever in a body") @NotBlank String cpr,
    @Schema(description = "Time of death; default now") Instant occurredAt) {

  @Override
  public String toString() {
    return "RegisterDeath[]";
  }
}
