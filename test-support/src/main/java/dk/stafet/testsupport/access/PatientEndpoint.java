package dk.stafet.testsupport.access;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One operation of a service's OpenAPI document that takes or returns patient data, with the recipe
 * that calls it for a patient of the service's fixture {@code P}, and the organisation involved
 * with that patient for this operation (whose call must succeed).
 *
 * @param <P> the service's patient fixture: a patient that exists (with its resources), or a ghost
 *     (one that does not)
 */
public final class PatientEndpoint<P> {

  /**
   * Calls the operation for a patient; each {@code as.get()} is a new request carrying the caller's
   * token (a recipe may first make the calls that bring the patient to where the operation applies,
   * as the same caller).
   */
  @FunctionalInterface
  public interface Recipe<P> {
    Response call(Supplier<RequestSpecification> as, P patient);
  }

  final String method;
  final String path;
  final Recipe<P> recipe;
  Function<P, String> involvedSor;
  Set<Integer> success = Set.of(200);
  int auditRows = 1;
  String noAuditReason;
  boolean portalReadsOwnCitizen;
  BiPredicate<Response, P> listShows;
  Function<P, String> auditResource;
  String roleGateOnly;
  String sendersOnly;

  private PatientEndpoint(String method, String path, Recipe<P> recipe) {
    this.method = method.toUpperCase();
    this.path = path;
    this.recipe = Objects.requireNonNull(recipe);
  }

  /** A read of one patient's data, by an id or key of the patient's own. */
  public static <P> PatientEndpoint<P> of(String method, String path, Recipe<P> recipe) {
    return new PatientEndpoint<>(method, path, recipe);
  }

  /**
   * A list of several patients' data: an outsider gets 403 or a list without the patient; the
   * involved organisation gets a list that shows it ({@code shows}).
   */
  public static <P> PatientEndpoint<P> list(
      String path, Recipe<P> recipe, BiPredicate<Response, P> shows) {
    PatientEndpoint<P> endpoint = new PatientEndpoint<>("GET", path, recipe);
    endpoint.listShows = shows;
    return endpoint;
  }

  /** The organisation whose call succeeds (default: the suite's involved organisation). */
  public PatientEndpoint<P> involved(Function<P, String> sor) {
    this.involvedSor = sor;
    return this;
  }

  /** The statuses of a successful call (default 200). */
  public PatientEndpoint<P> succeedsWith(Integer... statuses) {
    this.success = Set.of(statuses);
    return this;
  }

  /**
   * A write that answers no patient data beyond what the caller sent: it writes no audit row of a
   * read (say why).
   */
  public PatientEndpoint<P> notAuditedBecause(String reason) {
    this.auditRows = 0;
    this.noAuditReason = Objects.requireNonNull(reason);
    return this;
  }

  /**
   * The read is audited under this resource id (e.g. a quarantined input, which belongs to no known
   * patient yet) rather than under the patient's key.
   */
  public PatientEndpoint<P> auditedUnder(Function<P, String> resourceId) {
    this.auditResource = resourceId;
    return this;
  }

  /**
   * Checked only on ids nobody has: no valid token 401, every other caller 403, the role the
   * endpoint is for gets past the gate (its {@link #succeedsWith} answer for an unknown id). For
   * operations on records not tied to one patient of the fixture (say why).
   */
  public PatientEndpoint<P> roleGateOnly(String reason) {
    this.roleGateOnly = Objects.requireNonNull(reason);
    this.auditRows = 0;
    return this;
  }

  /**
   * Takes patient data from any authenticated sender and answers none but a receipt (e.g. the
   * MedCom front door: sending about a patient is how an organisation becomes involved): only the
   * token cases and the sender's success are checked (say where the sender rule is proven).
   */
  public PatientEndpoint<P> sendersOnly(String reason) {
    this.sendersOnly = Objects.requireNonNull(reason);
    this.auditRows = 0;
    return this;
  }

  /** The patient portal reads this for its own citizen (and only for it). */
  public PatientEndpoint<P> portalReadsOwnCitizen() {
    this.portalReadsOwnCitizen = true;
    return this;
  }

  String operation() {
    return method + " " + path;
  }

  @Override
  public String toString() {
    return operation();
  }
}
