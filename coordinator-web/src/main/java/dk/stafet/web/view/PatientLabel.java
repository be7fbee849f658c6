package dk.stafet.web.view;

import dk.stafet.web.client.Api;
import io.quarkus.qute.TemplateData;
import java.time.Instant;

/**
 * A patient as a list row or a page header names them: name (null = unknown), age, masked CPR
 * number; or, when the service named nobody for this key (unknown to the caller, or the service did
 * not answer), only the start of the pseudonym, so rows stay apart.
 *
 * @param patientKey the pseudonym, for the link
 * @param name the full name, null if no message or register fact gave one
 * @param age whole years, null without an identity
 * @param cprMasked e.g. {@code 070358-****}, null without an identity
 * @param deceased the patient has died
 * @param identified the service named this patient (else only the key's start is shown)
 */
@TemplateData
public record PatientLabel(
    String patientKey,
    String name,
    Integer age,
    String cprMasked,
    boolean deceased,
    boolean identified) {

  private static final int SHORT_KEY = 8;

  public static PatientLabel of(Api.PatientIdentity identity, Instant at) {
    return new PatientLabel(
        identity.patientKey(),
        People.fullName(identity.givenNames(), identity.familyName()),
        People.age(identity.birthDate(), at),
        People.maskedCpr(identity.cprMasked()),
        identity.deceasedAt() != null,
        true);
  }

  public static PatientLabel unidentified(String patientKey) {
    return new PatientLabel(patientKey, null, null, null, false, false);
  }

  /** The first characters of the pseudonym: enough to tell rows apart, too few to matter. */
  public String shortKey() {
    return patientKey == null || patientKey.length() <= SHORT_KEY
        ? patientKey
        : patientKey.substring(0, SHORT_KEY) + "…";
  }
}
