package dk.stafet.referral.course.service;

import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The patient's listed GP (and, where known, municipality of residence), as the national register
 * has them.
 */
@Schema(
    description =
        "Registers the patient's listed GP [egen læge]; in production this comes from the national register")
public record RegisterListedGp(
    @Schema(description = "The patient's CPR number; only ever in a body") @NotBlank String cpr,
    @Schema(description = "SOR code of the GP practice; must be the caller") @NotBlank String gpSor,
    @Schema(description = "SOR code of the municipality of residence, if known")
        String municipalitySor,
    @Schema(description = "Listed since; default now") Instant occurredAt,
    @Schema(description = "The patient's official family name, as the CPR register has it")
        String familyName,
    @Schema(description = "The patient's official given names, as the CPR register has them")
        List<String> givenNames) {

  @Override
  public String toString() {
    return "RegisterListedGp[" + gpSor + "]";
  }
}
