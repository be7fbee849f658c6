package dk.stafet.responsibility.careplan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the shared care plan API (docs/care-plan.md). */
public final class CarePlanViews {

  private CarePlanViews() {}

  @Schema(description = "A new shared course and action plan for a child's or complex adult course")
  public record Create(
      @Schema(required = true) String patientKey,
      @Schema(required = true, description = "CHILD or COMPLEX_ADULT") String kind,
      @Schema(description = "what the plan is about (clinical free text; shown, never logged)")
          String title,
      @Schema(description = "the first activities; more may be added later")
          List<NewActivity> activities,
      @Schema(description = "when it was made; default now") Instant occurredAt) {}

  @Schema(description = "One organisation's effort: who does what, and when")
  public record NewActivity(
      @Schema(required = true, description = "SOR code of the organisation that does it")
          String ownerSor,
      @Schema(required = true, description = "what (clinical free text; shown, never logged)")
          String description,
      @Schema(description = "PLANNED (default), ACTIVE, COMPLETED or CANCELLED") String status,
      @Schema(description = "first day (planned or actual)") LocalDate start,
      @Schema(description = "last day (planned or actual)") LocalDate end) {}

  @Schema(description = "Moves an activity on (forward only) or changes its period")
  public record UpdateActivity(
      @Schema(description = "ACTIVE, COMPLETED or CANCELLED; unchanged if absent") String status,
      LocalDate start,
      LocalDate end) {}

  @Schema(description = "The case manager: an organisation with an activity in the plan, a person")
  public record ChooseCaseManager(
      @Schema(required = true) String organisationSor,
      @Schema(description = "the case manager's name, where known") String person) {}

  @Schema(description = "When something happened; default now")
  public record At(Instant occurredAt) {}

  public record Org(String sor, String name) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Activity(
      String id,
      Org owner,
      String description,
      @Schema(description = "PLANNED, ACTIVE, COMPLETED or CANCELLED") String status,
      LocalDate start,
      LocalDate end) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CaseManager(
      Org organisation,
      String person,
      @Schema(description = "CITIZEN or STAFF") String chosenBy,
      Instant chosenAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ClosingTalk(Instant at, Org heldBy) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "A shared course and action plan (brief C10)")
  public record Plan(
      String id,
      String patientKey,
      @Schema(description = "CHILD or COMPLEX_ADULT") String kind,
      @Schema(description = "DRAFT, ACTIVE, COMPLETED or REVOKED") String status,
      String title,
      Org author,
      Instant createdAt,
      List<Activity> activities,
      CaseManager caseManager,
      @Schema(description = "the organisations the citizen may choose as case manager")
          List<Org> caseManagerChoices,
      ClosingTalk closingTalk,
      Instant endedAt,
      @Schema(description = "a child's plan: the 18th birthday, the transition to adult services")
          LocalDate transitionAt,
      @Schema(
              description =
                  "true from stafet.care-plan.transition-notice before the 18th birthday while the"
                      + " plan is open")
          boolean transitionNeedsAttention) {}
}
