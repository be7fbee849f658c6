package dk.stafet.notification.rules;

import java.util.List;

/**
 * What notification-service knows about a patient from earlier events: the listed GP and
 * municipality (LISTED_GP_REGISTERED) and the hospital stays that are still open.
 */
public record PatientContext(String listedGpSor, String municipalitySor, List<OpenStay> openStays) {

  public record OpenStay(String courseId, String serviceProviderSor) {}

  public PatientContext {
    openStays = openStays == null ? List.of() : List.copyOf(openStays);
  }

  public static PatientContext unknown() {
    return new PatientContext(null, null, List.of());
  }
}
