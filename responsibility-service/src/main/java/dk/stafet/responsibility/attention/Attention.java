package dk.stafet.responsibility.attention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One patient who needs a coordinator's attention, from the open entry of the current ledger view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    description =
        "A patient needing attention: no named patient-responsible doctor, an R26 alarm, an"
            + " unanswered handover, or a child's plan whose transition at 18 must be agreed")
public record Attention(
    String patientKey,
    @Schema(description = "SOR code of the PRD holder now; absent in a gap") String holderSor,
    @Schema(description = "the holder's name from the organisation register") String holderName,
    @Schema(description = "HOSPITAL_DEPARTMENT, GP, PRACTISING_SPECIALIST, …") String holderKind,
    @Schema(description = "the rule that decided the current holder, e.g. R6") String rule,
    @Schema(
            description =
                "when the situation named by alarm began: the start of the current ledger entry, or for "
                    + "handover-unanswered the earliest respondBy of the unanswered handovers")
        Instant since,
    @Schema(
            description =
                "gap, no-receiver (R26), else handover-unanswered (R24), else transition-at-18 (C10);"
                    + " absent when the only reason is that no doctor is named")
        String alarm,
    @Schema(description = "the course giving the holder its responsibility") String courseKind,
    @Schema(description = "the patient has a cancer course (KPI course type CANCER)")
        boolean cancer,
    @Schema(
            description =
                "every reason the patient is listed: no-named-doctor, gap, no-receiver,"
                    + " handover-unanswered, transition-at-18")
        List<String> reasons,
    @Schema(
            description =
                "with transition-at-18: the 18th birthday of an open child's plan (the earliest), from"
                    + " stafet.care-plan.transition-notice before it until the plan is completed or"
                    + " revoked")
        LocalDate transitionAt) {

  public static final String NO_NAMED_DOCTOR = "no-named-doctor";
  public static final String HANDOVER_UNANSWERED = "handover-unanswered";
  public static final String TRANSITION_AT_18 = "transition-at-18";
}
