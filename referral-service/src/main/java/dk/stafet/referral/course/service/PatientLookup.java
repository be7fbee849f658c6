package dk.stafet.referral.course.service;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Asks for a patient's courses by CPR number (in the body: a CPR number never goes into a URL). */
@Schema(description = "Patient lookup by CPR number")
public record PatientLookup(
    @Schema(description = "The patient's CPR number") @NotBlank String cpr) {

  @Override
  public String toString() {
    return "PatientLookup[]";
  }
}
