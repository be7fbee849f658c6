package dk.stafet.notification.delivery.rest;

import dk.stafet.service.security.CallerRoles;

/**
 * Who reads outgoing messages, and so which ones it sees (docs/notifications.md, "Who sees which
 * messages"):
 *
 * <ul>
 *   <li>{@link Kind#COORDINATOR}: course coordinators and operations see every message and may
 *       resend dead letters;
 *   <li>{@link Kind#PATIENT_PORTAL}: "mit forløb" sees the messages about the one citizen its token
 *       names, and must name that patient;
 *   <li>{@link Kind#ORGANISATION}: anyone else sees the messages addressed to it (recipient SOR) or
 *       sent in its name (sender GLN), nothing else.
 * </ul>
 */
public record DeliveryReader(
    String sor, String gln, Kind kind, String auditedAction, String citizen) {

  public enum Kind {
    COORDINATOR,
    PATIENT_PORTAL,
    ORGANISATION
  }

  static final String READ_DELIVERIES = "READ_DELIVERIES";

  /**
   * @param citizen the patient key the patient portal's token acts for (null for other callers)
   */
  public static DeliveryReader of(String sor, String gln, CallerRoles roles, String citizen) {
    return of(sor, gln, roles, citizen, READ_DELIVERIES);
  }

  /**
   * @param action the audited action of this reader's reads (prefixed when they rest on a role)
   */
  public static DeliveryReader of(
      String sor, String gln, CallerRoles roles, String citizen, String action) {
    Kind kind =
        roles.isCoordinator(sor)
            ? Kind.COORDINATOR
            : roles.isPatientPortal(sor) ? Kind.PATIENT_PORTAL : Kind.ORGANISATION;
    // The audit action is prefixed when the read rests on a role rather than on being a party to
    // the message.
    return new DeliveryReader(
        sor,
        gln,
        kind,
        roles.auditedAction(sor, action),
        kind == Kind.PATIENT_PORTAL ? citizen : null);
  }

  boolean isCoordinator() {
    return kind == Kind.COORDINATOR;
  }
}
