package dk.stafet.tools.demo;

/**
 * One HTTP POST against Stafet, as the organisation {@code actorSor} (with a bearer token acting
 * for it, from the development issuer).
 *
 * @param service which service
 * @param path the path, e.g. {@code /api/referrals}
 * @param actorSor the acting organisation's SOR code, or null for none
 * @param contentType the body's media type
 * @param body the body (may carry a CPR number: never log it)
 * @param note what the log line adds to the step's label (decided when the request was built), or
 *     null
 */
record Call(
    Service service, String path, String actorSor, String contentType, String body, String note) {

  static final String JSON = "application/json";
  static final String FHIR_JSON = "application/fhir+json; charset=UTF-8";

  enum Service {
    REFERRAL,
    RESPONSIBILITY
  }

  static Call json(Service service, String path, String actorSor, String body) {
    return new Call(service, path, actorSor, JSON, body, null);
  }

  static Call medcom(String actorSor, String bundleJson) {
    return new Call(
        Service.REFERRAL, "/fhir/$process-message", actorSor, FHIR_JSON, bundleJson, null);
  }

  Call note(String text) {
    return new Call(service, path, actorSor, contentType, body, text);
  }

  @Override
  public String toString() {
    return "POST " + service + " " + path + " as " + actorSor; // never the body
  }
}
