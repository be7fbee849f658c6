package dk.stafet.responsibility.whotocall;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** R22: whom to call about the patient at an instant, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    description =
        "Who to call about the patient at an instant (R22), with the patient-responsible doctor")
public record WhoToCallAnswer(
    String patientKey,
    Instant at,
    @Schema(
            description =
                "HOSPITAL_DEPARTMENT_24H, GP, PRACTISING_SPECIALIST, OUT_OF_HOURS_SERVICE or NOBODY (death, gap)")
        String role,
    @Schema(description = "The named doctor (R27) when the PRD's own line is called")
        Doctor namedDoctor,
    @Schema(description = "The organisation to call") OrganisationRef organisation,
    @Schema(
            description =
                "Phone and opening hours of that organisation, from the organisation register")
        ContactPoint contactPoint,
    @Schema(description = "The rule that decided responsibility, e.g. R6, R9, R23") String rule,
    @Schema(
            description =
                "When this answer stops holding: next GP-hours boundary (R2) or next recorded change")
        Instant validUntil,
    @Schema(description = "HOSPITAL, GP, OUT_OF_HOURS, SPECIALIST or NONE") String treatmentSector,
    @Schema(description = "The patient-responsible doctor (PRD); absent after death or in a gap")
        Prd patientResponsibleDoctor,
    @Schema(
            description =
                "R26 alarm: gap (nobody responsible — escalate to the course coordinator) or no-receiver")
        String alarm,
    @Schema(
            description =
                "R19: the practising specialist that holds treatment responsibility now (GP hours) while the "
                    + "GP stays patient-responsible; call it about the treatment it gives, the PRD about the course")
        Treating treatedBy) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OrganisationRef(String sor, String name, String kind) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Doctor(String id, String name) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContactPoint(String phone, String openingHours) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Treating(OrganisationRef organisation, ContactPoint contactPoint) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Prd(OrganisationRef organisation, Doctor doctor, String rule, Instant since) {}
}
