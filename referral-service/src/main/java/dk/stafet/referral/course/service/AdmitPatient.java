package dk.stafet.referral.course.service;

import dk.stafet.referral.course.EncounterClass;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admission or emergency contact registered by the admitting department. */
@Schema(description = "Start of a hospital stay (STIN: inpatient IMP; STAA: acute ambulant EMER)")
public record AdmitPatient(
    @Schema(description = "The patient's CPR number; only ever in a body") @NotBlank String cpr,
    @Schema(description = "The episode-of-care identifier (LPR3 UUID or local id)")
        @NotBlank
        @Size(max = 200)
        String episodeOfCareId,
    @Schema(description = "SOR code of the admitting department; must be the caller") @NotBlank
        String serviceProviderSor,
    @NotNull EncounterClass encounterClass,
    @Schema(description = "When the stay started; default now") Instant occurredAt) {

  @Override
  public String toString() {
    return "AdmitPatient[" + serviceProviderSor + " " + encounterClass + "]";
  }
}
