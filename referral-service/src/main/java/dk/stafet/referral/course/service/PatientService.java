package dk.stafet.referral.course.service;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.registry.OrganisationKind;
import dk.stafet.referral.course.Course;
import dk.stafet.referral.course.CourseTransition.Aggregate;
import dk.stafet.referral.course.HospitalStay;
import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.Referral;
import dk.stafet.referral.waitingtime.WaitingTimes;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.CallerRoles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/** Patient-level facts (listed GP, death) and the patient lookup. */
@ApplicationScoped
@Transactional
public class PatientService {

  private final Patients patients;
  private final Organisations organisations;
  private final FactRecorder facts;
  private final HospitalStayService stays;
  private final AuditLog audit;
  private final CallerRoles roles;
  private final WaitingTimes waitingTimes;

  public PatientService(
      Patients patients,
      Organisations organisations,
      FactRecorder facts,
      HospitalStayService stays,
      AuditLog audit,
      CallerRoles roles,
      WaitingTimes waitingTimes) {
    this.patients = patients;
    this.organisations = organisations;
    this.facts = facts;
    this.stays = stays;
    this.audit = audit;
    this.roles = roles;
    this.waitingTimes = waitingTimes;
  }

  /**
   * Registers the listed GP, as the national register feed reports it (the resource lets no one
   * else call this: a GP must not make itself any patient's GP); publishes LISTED_GP_REGISTERED
   * unless nothing changed. The answer carries the whole patient, so it is audited as a read.
   */
  public PatientOverview registerListedGp(String actorSor, RegisterListedGp command) {
    Log.debugf("Registering a listed patient at %s", command.gpSor());
    Instant at = Occurrence.orNow(command.occurredAt());
    organisations.require("gpSor", command.gpSor(), EnumSet.of(OrganisationKind.GP));
    if (command.municipalitySor() != null) {
      organisations.require(
          "municipalitySor", command.municipalitySor(), EnumSet.of(OrganisationKind.MUNICIPALITY));
    }
    Patient patient = patients.findOrCreate(command.cpr());
    boolean renamed = Patients.rememberName(patient, command.familyName(), command.givenNames());
    String previousGp = patient.listedGpSor;
    String municipality =
        command.municipalitySor() != null ? command.municipalitySor() : patient.municipalitySor;
    FactRecorder.Fact fact =
        facts
            .fact(Aggregate.PATIENT, patient.patientKey, patient, "REGISTER_LISTED_GP")
            .states(previousGp == null ? "NO_LISTED_GP" : "LISTED", "LISTED")
            .at(at)
            .by(actorSor);
    if (command.gpSor().equals(previousGp)
        && Objects.equals(municipality, patient.municipalitySor)
        && !renamed) {
      fact.historyOnly().record();
    } else {
      patient.listedGpSor = command.gpSor();
      patient.listedGpSince = at;
      patient.municipalitySor = municipality;
      Flush.now("patient");
      fact.event(CourseEventType.LISTED_GP_REGISTERED, command.gpSor(), previousGp)
          .detail("previousGpSor", previousGp)
          .detail("municipalitySor", municipality)
          .record();
    }
    audit.read(actorSor, "REGISTER_LISTED_GP", patient.patientKey, "PATIENT", patient.patientKey);
    return overview(patient, actorSor, true);
  }

  /**
   * Registers that the patient has no listed GP (a newcomer, or between practices), as the national
   * register feed reports it (the resource lets no one else call this: the municipality named
   * becomes involved with the patient, so this confers access like the listed GP does). Publishes
   * LISTED_GP_REGISTERED without an organisation ("no listed GP", docs/events.md) unless nothing
   * changed; a patient Stafet did not know yet is always published, so the ledger knows there is
   * nobody to return responsibility to.
   */
  public PatientOverview registerNoListedGp(String actorSor, RegisterNoListedGp command) {
    Log.debugf("Registering a patient without a listed GP in %s", command.municipalitySor());
    Instant at = Occurrence.orNow(command.occurredAt());
    organisations.require(
        "municipalitySor", command.municipalitySor(), EnumSet.of(OrganisationKind.MUNICIPALITY));
    boolean known = patients.find(command.cpr()).isPresent();
    Patient patient = patients.findOrCreate(command.cpr());
    boolean renamed = Patients.rememberName(patient, command.familyName(), command.givenNames());
    String previousGp = patient.listedGpSor;
    FactRecorder.Fact fact =
        facts
            .fact(Aggregate.PATIENT, patient.patientKey, patient, "REGISTER_NO_LISTED_GP")
            .states(previousGp == null ? "NO_LISTED_GP" : "LISTED", "NO_LISTED_GP")
            .at(at)
            .by(actorSor);
    if (known
        && previousGp == null
        && command.municipalitySor().equals(patient.municipalitySor)
        && !renamed) {
      fact.historyOnly().record();
    } else {
      patient.listedGpSor = null;
      patient.listedGpSince = at;
      patient.municipalitySor = command.municipalitySor();
      Flush.now("patient");
      fact.event(CourseEventType.LISTED_GP_REGISTERED, null, previousGp)
          .detail("previousGpSor", previousGp)
          .detail("municipalitySor", command.municipalitySor())
          .detail("listedGp", "NONE")
          .record();
    }
    audit.read(
        actorSor, "REGISTER_NO_LISTED_GP", patient.patientKey, "PATIENT", patient.patientKey);
    return overview(patient, actorSor, true);
  }

  /**
   * Records a death reported over REST by an organisation that may see the patient, or by the
   * national register feed; publishes DECEASED once.
   */
  public void recordDeath(String actorSor, RegisterDeath command) {
    Log.debugf("Death reported by %s", actorSor);
    Instant at = Occurrence.orNow(command.occurredAt());
    Patient patient =
        patients.find(command.cpr()).orElseThrow(() -> new UnknownResourceException("patient"));
    if (!roles.isNationalRegister(actorSor) && !seesPatient(actorSor, patient)) {
      throw new UnknownResourceException("patient");
    }
    stays.recordPatientDeath(patient, at, actorSor, null, null);
  }

  /**
   * What the caller may see of the patient with this CPR number; the read is audited, refusals too.
   */
  /**
   * What the caller may see of the patient. The listed GP, the municipality, course coordinators
   * and the patient portal (the citizen's own lookup, docs/security.md) see the whole patient;
   * anyone else only what it is a party to, and 404 if that is nothing. Audited either way; reads
   * resting on a role under the role's prefix.
   */
  public PatientOverview lookup(String callerSor, PatientLookup command) {
    Patient patient =
        patients.find(command.cpr()).orElseThrow(() -> new UnknownResourceException("patient"));
    Log.debugf("Lookup of %s", patient.patientKey);
    boolean wholePatient = seesWholePatient(callerSor, patient);
    if (roles.isPatientPortal(callerSor) && !wholePatient) {
      // The portal asked for a CPR number other than its own citizen's: refused like any stranger,
      // and audited.
      audit.denied(
          callerSor,
          roles.auditedAction(callerSor, "LOOKUP"),
          patient.patientKey,
          "PATIENT",
          patient.patientKey);
      throw new UnknownResourceException("patient");
    }
    String action = roles.auditedAction(callerSor, "LOOKUP");
    PatientOverview overview = overview(patient, callerSor, wholePatient);
    if (!wholePatient
        && overview.referrals().isEmpty()
        && overview.hospitalStays().isEmpty()
        && overview.courses().isEmpty()) {
      audit.denied(callerSor, action, patient.patientKey, "PATIENT", patient.patientKey);
      throw new UnknownResourceException("patient");
    }
    audit.read(callerSor, action, patient.patientKey, "PATIENT", patient.patientKey);
    return overview;
  }

  private boolean seesWholePatient(String callerSor, Patient patient) {
    return Patients.seesWholePatient(roles, callerSor, patient);
  }

  private boolean seesPatient(String callerSor, Patient patient) {
    return Patients.seesPatient(callerSor, patient);
  }

  private PatientOverview overview(Patient patient, String callerSor, boolean all) {
    List<ReferralView> referrals =
        Referral.ofPatient(patient.patientKey).stream()
            .filter(r -> all || r.involves(callerSor))
            .map(r -> ReferralView.of(r, false, waitingTimes))
            .toList();
    List<HospitalStayView> hospitalStays =
        HospitalStay.ofPatient(patient.patientKey).stream()
            .filter(s -> all || s.involves(callerSor))
            .map(s -> HospitalStayView.of(s, false))
            .toList();
    List<CourseView> courses =
        Course.ofPatient(patient.patientKey).stream()
            .filter(c -> all || c.involves(callerSor))
            .map(c -> CourseView.of(c, false))
            .toList();
    return new PatientOverview(
        patient.patientKey,
        all ? patient.listedGpSor : null,
        all ? patient.municipalitySor : null,
        patient.deceasedAt,
        referrals,
        hospitalStays,
        courses);
  }
}
