package dk.stafet.notification.rules;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.ResponsibilityEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The Danish texts of the CareCommunications Stafet writes itself; short, factual, and never
 * logged.
 */
final class CareTexts {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd-MM-yyyy 'kl.' HH:mm")
          .withZone(ZoneId.of("Europe/Copenhagen"));
  private static final Map<String, String> EXITS =
      Map.of(
          "HOME", "hjem",
          "ADMITTED", "indlagt",
          "OUTPATIENT", "ambulant forløb",
          "MUNICIPAL_CARE", "kommunal pleje",
          "GP_FOLLOW_UP", "opfølgning hos egen læge");

  private CareTexts() {}

  static String acuteCourseEnded(CourseEvent event) {
    String exit = event.detail("exit");
    return "Patientens forløb i akutfunktionen er afsluttet "
        + when(event.occurredAt())
        + "."
        + (exit == null ? "" : " Udfald: " + EXITS.getOrDefault(exit, exit) + ".");
  }

  static String referralRejected(CourseEvent event) {
    return "Henvisningen er afvist "
        + when(event.occurredAt())
        + "."
        + reason(event.detail("reason"));
  }

  static String referralForwarded(CourseEvent event, String forwardedToName) {
    return "Henvisningen er videresendt "
        + when(event.occurredAt())
        + (forwardedToName == null ? "" : " til " + forwardedToName)
        + "."
        + reason(event.detail("reason"));
  }

  static String responsibilityChanged(ResponsibilityEvent event, String fromName, String toName) {
    return "Behandlingsansvaret for patienten er overgået"
        + (fromName == null ? "" : " fra " + fromName)
        + (toName == null ? "" : " til " + toName)
        + " "
        + when(event.occurredAt())
        + "."
        + (event.rule() == null ? "" : " (Stafet-regel " + event.rule() + ")");
  }

  static String handoverRejected(ResponsibilityEvent event, String receiverName) {
    return "Forslaget om at overdrage behandlingsansvaret"
        + (receiverName == null ? "" : " til " + receiverName)
        + " er afvist "
        + when(event.occurredAt())
        + ". Behandlingsansvaret er uændret."
        + reason(event.details().get("reason"));
  }

  static String handoverTimedOut(ResponsibilityEvent event, String receiverName) {
    return "Forslaget om at overdrage behandlingsansvaret"
        + (receiverName == null ? "" : " til " + receiverName)
        + " er ikke besvaret inden fristen ("
        + when(event.occurredAt())
        + "). Behandlingsansvaret er uændret.";
  }

  private static final Map<String, String> ACTIVITY_STATUS =
      Map.of(
          "PLANNED", "planlagt",
          "ACTIVE", "i gang",
          "COMPLETED", "afsluttet",
          "CANCELLED", "aflyst");

  /**
   * A change of the shared course and action plan (C10), from the event's codes only (the plan's
   * clinical text stays in the plan: the recipient reads it there or by FHIR CarePlan).
   */
  static String carePlanChanged(
      ResponsibilityEvent event, String actorName, String ownerName, String caseManagerName) {
    Map<String, String> d = event.details();
    String by = actorName == null ? "" : " af " + actorName;
    String text =
        switch (event.type()) {
          case CARE_PLAN_CREATED ->
              "Der er oprettet en fælles forløbs- og handleplan for patienten"
                  + by
                  + " "
                  + when(event.occurredAt())
                  + ". Jeres organisation indgår i planen."
                  + (d.get("transitionAt") == null
                      ? ""
                      : " Barnet fylder 18 år den "
                          + d.get("transitionAt")
                          + ": planen skal forberede overgangen til voksenområdet.");
          case CARE_PLAN_ACTIVITY_CHANGED ->
              "Den fælles forløbsplan er ændret"
                  + by
                  + ": en indsats"
                  + (ownerName == null ? "" : " hos " + ownerName)
                  + ("ADDED".equals(d.get("change")) ? " er tilføjet" : " er opdateret")
                  + (d.get("activityStatus") == null
                      ? ""
                      : " (status: "
                          + ACTIVITY_STATUS.getOrDefault(
                              d.get("activityStatus"), d.get("activityStatus"))
                          + ")")
                  + ".";
          case CARE_PLAN_CASE_MANAGER_CHOSEN ->
              ("CITIZEN".equals(d.get("chosenBy"))
                      ? "Borgeren"
                      : actorName == null ? "" : actorName)
                  + " har valgt "
                  + (caseManagerName == null ? "en ny tovholder" : caseManagerName)
                  + " som tovholder for den fælles forløbsplan.";
          case CARE_PLAN_CLOSING_TALK_RECORDED ->
              "Den afsluttende samtale om den fælles forløbsplan er holdt "
                  + when(event.occurredAt())
                  + by
                  + ".";
          case CARE_PLAN_COMPLETED ->
              "Den fælles forløbsplan er afsluttet " + when(event.occurredAt()) + by + ".";
          case CARE_PLAN_REVOKED ->
              "PATIENT_DIED".equals(d.get("reason"))
                  ? "Den fælles forløbsplan er ophørt, da borgeren er død "
                      + when(event.occurredAt())
                      + ". Planlagte og igangværende indsatser er annulleret."
                  : "Den fælles forløbsplan er trukket tilbage "
                      + when(event.occurredAt())
                      + by
                      + ".";
          default -> "Den fælles forløbsplan er ændret.";
        };
    return "true".equals(d.get("activated")) ? text + " Planen er nu aktiv." : text;
  }

  private static String reason(String reason) {
    return reason == null || reason.isBlank() ? "" : " Begrundelse: " + reason.trim();
  }

  private static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }
}
