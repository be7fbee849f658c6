package dk.stafet.referral.course.service;

import dk.stafet.contracts.cpr.CprIssue;
import dk.stafet.contracts.cpr.CprNumber;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.referral.course.Course;
import dk.stafet.referral.course.HospitalStay;
import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.Referral;
import dk.stafet.referral.security.AccessRule;
import dk.stafet.service.security.CallerRoles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Finds patients by CPR number (through the pseudonym) and creates them on first sight. */
@ApplicationScoped
public class Patients {

  private final PatientPseudonym pseudonym;

  public Patients(PatientPseudonym pseudonym) {
    this.pseudonym = pseudonym;
  }

  /**
   * The patient with this CPR number, created if new. @throws InvalidCprException for a malformed
   * number
   */
  public Patient findOrCreate(String cpr) {
    String valid = validate(cpr);
    String key = pseudonym.of(valid);
    Patient patient = Patient.byKey(key);
    if (patient != null) {
      return patient;
    }
    // Two letters about one new patient may arrive at once: a plain insert made the second fail on
    // the primary key (answered transient-error). ON CONFLICT waits for the other transaction and
    // then does nothing; the row is read afterwards either way.
    Patient.getEntityManager()
        .createNativeQuery(
            "INSERT INTO patient (patient_key, cpr, created_at, version) VALUES (?1, ?2, ?3, 0)"
                + " ON CONFLICT (patient_key) DO NOTHING")
        .setParameter(1, key)
        .setParameter(2, valid)
        .setParameter(3, Instant.now())
        .executeUpdate();
    return Patient.byKey(key);
  }

  /**
   * Remembers the patient's official name as a source gave it (a MedCom message, the national
   * register); a source without a family name changes nothing. True if the name changed.
   */
  public static boolean rememberName(Patient patient, String familyName, List<String> givenNames) {
    if (familyName == null || familyName.isBlank()) {
      return false;
    }
    String given =
        givenNames == null || givenNames.isEmpty()
            ? null
            : String.join(" ", givenNames.stream().map(String::strip).toList());
    if (familyName.strip().equals(patient.familyName)
        && Objects.equals(given, patient.givenNames)) {
      return false;
    }
    patient.familyName = familyName.strip();
    patient.givenNames = given;
    return true;
  }

  /** The patient with this CPR number, if referral-service knows it. */
  public Optional<Patient> find(String cpr) {
    return Optional.ofNullable(Patient.byKey(pseudonym.of(validate(cpr))));
  }

  public Patient byKey(String patientKey) {
    Patient patient = Patient.byKey(patientKey);
    if (patient == null) {
      throw new IllegalStateException("a course refers to an unknown patient key");
    }
    return patient;
  }

  /** True if the caller holds a patient-level role (listed GP, municipality). */
  public static boolean hasPatientRole(String callerSor, Patient patient) {
    return AccessRule.hasPatientRole(callerSor, patient.listedGpSor, patient.municipalitySor);
  }

  /**
   * True if the caller sees all of the patient's data: its listed GP, its municipality, course
   * coordinators and the patient portal of this citizen (docs/security.md); anyone else sees only
   * what it is a party to.
   */
  public static boolean seesWholePatient(CallerRoles roles, String callerSor, Patient patient) {
    return hasPatientRole(callerSor, patient)
        || roles.isCoordinator(callerSor)
        || roles.isPortalFor(callerSor, patient.patientKey);
  }

  /**
   * True if the caller sees something of the patient: a patient-level role, or a party to one of
   * its referrals, stays or courses.
   */
  public static boolean seesPatient(String callerSor, Patient patient) {
    return hasPatientRole(callerSor, patient)
        || Referral.ofPatient(patient.patientKey).stream().anyMatch(r -> r.involves(callerSor))
        || HospitalStay.ofPatient(patient.patientKey).stream().anyMatch(s -> s.involves(callerSor))
        || Course.ofPatient(patient.patientKey).stream().anyMatch(c -> c.involves(callerSor));
  }

  public static boolean maySee(String callerSor, Patient patient, AccessRule.Involving resource) {
    return AccessRule.maySee(callerSor, patient.listedGpSor, patient.municipalitySor, resource);
  }

  /**
   * The CPR number without hyphen or spaces, if {@link CprNumber} finds no problem (warnings, e.g.
   * a failed modulus-11 check, are accepted: domain brief I1). The problem text is passed on, with
   * any number in it masked.
   */
  static String validate(String cpr) {
    List<String> errors =
        CprNumber.validate(cpr).stream().filter(CprIssue::isError).map(CprIssue::message).toList();
    if (!errors.isEmpty()) {
      // CprIssue messages never quote the number; masked anyway, in case that ever changes.
      throw new InvalidCprException(String.join("; ", errors).replaceAll("\\d{6,}", "<cpr>"));
    }
    // One patient, one key: "010170-1234" and "0101701234" give the same pseudonym.
    return CprNumber.parse(cpr).value();
  }
}
