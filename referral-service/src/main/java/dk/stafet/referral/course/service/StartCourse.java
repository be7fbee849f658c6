package dk.stafet.referral.course.service;

import dk.stafet.referral.course.AcuteForm;
import dk.stafet.referral.course.CourseKind;
import dk.stafet.referral.course.ReferrerKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The start of an acute-function, outpatient, IV or practising-specialist course, registered by its
 * owner.
 */
@Schema(description = "Start of a course. ACUTE_FUNCTION needs referrerKind, referrerSor and form")
public record StartCourse(
    @NotNull CourseKind kind,
    @Schema(description = "The patient's CPR number; only ever in a body") @NotBlank String cpr,
    @Schema(
            description =
                "SOR code of the organisation running the course (acute function = municipality, outpatient/IV = "
                    + "hospital department, specialist); must be the caller")
        @NotBlank
        String ownerSor,
    @Schema(description = "Acute function: who referred") ReferrerKind referrerKind,
    @Schema(
            description =
                "SOR code of the referrer (acute function: required; specialist: the referring GP)")
        String referrerSor,
    @Schema(description = "Acute function: TEAM or PLACE") AcuteForm form,
    @Schema(
            description =
                "IV treatment: SOR code of the organisation giving it (acute function, home nursing)")
        String administeredBySor,
    @Schema(description = "When the course started; default now") Instant occurredAt) {

  @Override
  public String toString() {
    return "StartCourse[" + kind + " " + ownerSor + "]";
  }
}
