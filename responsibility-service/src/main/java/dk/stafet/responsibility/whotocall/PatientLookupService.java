package dk.stafet.responsibility.whotocall;

import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.responsibility.rest.InvalidRequestException;
import dk.stafet.responsibility.security.PatientAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Finds a patient by CPR number (given in a request body only) through the keyed pseudonym, and
 * answers who to call. The CPR number is neither stored nor logged here; the error for a malformed
 * one does not repeat it. Involved organisations, coordinators and the patient portal may look up
 * ({@link PatientAccess#requireLookup}); for the portal the API gateway has authenticated the
 * citizen and passes only the citizen's own CPR number.
 */
@ApplicationScoped
public class PatientLookupService {

  private static final Pattern CPR = Pattern.compile("\\d{10}");

  private final PatientPseudonym pseudonym;
  private final PatientAccess access;
  private final WhoToCallService whoToCall;

  public PatientLookupService(
      PatientPseudonym pseudonym, PatientAccess access, WhoToCallService whoToCall) {
    this.pseudonym = pseudonym;
    this.access = access;
    this.whoToCall = whoToCall;
  }

  @Transactional
  public LookupAnswer lookup(String cpr) {
    String patientKey = pseudonym.of(normalise(cpr));
    access.requireLookup(patientKey);
    return new LookupAnswer(patientKey, whoToCall.answer(patientKey, Instant.now()));
  }

  /**
   * Ten digits without hyphen or spaces, as referral-service pseudonymises them (one patient, one
   * key). Modulus 11 is not checked (brief I1: valid numbers fail it since 2007).
   */
  static String normalise(String cpr) {
    String digits = cpr == null ? "" : cpr.replace("-", "").replace(" ", "").trim();
    if (!CPR.matcher(digits).matches()) {
      throw new InvalidRequestException("INVALID_CPR", "cpr must be 10 digits (DDMMYY-SSSS)");
    }
    return digits;
  }

  /** The patient's key and the current who-to-call answer. */
  public record LookupAnswer(String patientKey, WhoToCallAnswer whoToCall) {}
}
