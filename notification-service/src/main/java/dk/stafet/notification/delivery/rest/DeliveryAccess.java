package dk.stafet.notification.delivery.rest;

import dk.stafet.notification.directory.Directory;
import dk.stafet.notification.directory.Party;
import dk.stafet.service.security.Caller;
import dk.stafet.service.security.CallerRoles;
import jakarta.enterprise.context.RequestScoped;

/**
 * The current request's {@link DeliveryReader}, from the caller's organisation and the organisation
 * register.
 */
@RequestScoped
public class DeliveryAccess {

  private final Caller caller;
  private final CallerRoles roles;
  private final Directory directory;

  public DeliveryAccess(Caller caller, CallerRoles roles, Directory directory) {
    this.caller = caller;
    this.roles = roles;
    this.directory = directory;
  }

  /**
   * @throws dk.stafet.service.security.NotAuthenticatedException when the request carries no valid
   *     token
   */
  public DeliveryReader reader() {
    return reader(DeliveryReader.READ_DELIVERIES);
  }

  /**
   * A reader whose reads are audited under {@code action} (e.g. the FHIR search's own).
   *
   * @throws dk.stafet.service.security.NotAuthenticatedException when the request carries no valid
   *     token
   */
  public DeliveryReader reader(String action) {
    String sor = caller.requireOrganisation();
    String gln = directory.bySor(sor).filter(Party::hasGln).map(Party::gln).orElse(null);
    return DeliveryReader.of(
        sor, gln, roles, caller.identity().map(Caller.Identity::citizen).orElse(null), action);
  }

  /**
   * @throws DeliveryForbiddenException unless the caller is a course coordinator (operations)
   */
  public DeliveryReader requireCoordinator(String what) {
    DeliveryReader reader = reader();
    if (!reader.isCoordinator()) {
      throw new DeliveryForbiddenException(
          what + " is for course coordinators (the COORDINATOR role)");
    }
    return reader;
  }
}
