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

  private static String reason(String reason) {
    return reason == null || reason.isBlank() ? "" : " Begrundelse: " + reason.trim();
  }

  private static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }
}
