package dk.stafet.referral.course.service;

import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The patient has no listed GP: a newcomer not yet on a practice's list, or someone between
 * practices (7 in 10 practices are closed to new patients). The ledger then raises R26's
 * no-receiver alarm wherever responsibility would return to "the own GP", instead of naming nobody.
 */
@Schema(
    description =
        "Registers that the patient has no listed GP [egen læge] (newcomer, between practices); "
            + "in production this comes from the national register")
public record RegisterNoListedGp(
    @Schema(description = "The patient's CPR number; only ever in a body") @NotBlank String cpr,
    @Schema(
            description =
                "SOR code of the municipality of residence; the caller, unless the caller is the GP practice "
                    + "the patient leaves")
        @NotBlank
        String municipalitySor,
    @Schema(description = "Without a listed GP since; default now") Instant occurredAt,
    @Schema(description = "The patient's official family name, as the CPR register has it")
        String familyName,
    @Schema(description = "The patient's official given names, as the CPR register has them")
        List<String> givenNames) {

  @Override
  public String toString() {
    return "RegisterNoListedGp[" + municipalitySor + "]";
  }
}
