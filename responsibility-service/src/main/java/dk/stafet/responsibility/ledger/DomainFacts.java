package dk.stafet.responsibility.ledger;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.OrgId;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.AcuteExit;
import dk.stafet.responsibility.domain.course.AcuteForm;
import dk.stafet.responsibility.domain.course.AdmissionForm;
import dk.stafet.responsibility.domain.course.AgreementChannel;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.AcuteFunctionCourseEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.AcuteFunctionCourseStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.AcuteReferralDeclined;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionCancelled;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.Death;
import dk.stafet.responsibility.domain.course.CourseEvent.Discharged;
import dk.stafet.responsibility.domain.course.CourseEvent.HandoverAccepted;
import dk.stafet.responsibility.domain.course.CourseEvent.IvTreatmentEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.IvTreatmentStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.LeaveEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.LeaveStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.ListedGpChanged;
import dk.stafet.responsibility.domain.course.CourseEvent.OutpatientCourseEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.OutpatientCourseStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.ReferralEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.ReferralReceived;
import dk.stafet.responsibility.domain.course.CourseEvent.ReferralStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.ReferralVisited;
import dk.stafet.responsibility.domain.course.CourseEvent.ResponsibleDoctorAssigned;
import dk.stafet.responsibility.domain.course.CourseEvent.SpecialistCourseEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.SpecialistCourseStarted;
import dk.stafet.responsibility.domain.course.CourseKind;
import dk.stafet.responsibility.domain.course.CourseRef;
import dk.stafet.responsibility.domain.course.VisitationOutcome;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.Optional;

/**
 * Maps a stored {@link FactRecord} to the domain's course event. Kinds implied by the event type
 * are used as such (the admitting organisation is a hospital department, the acute function a
 * municipality, …); the parties of a referral take the kind resolved from the directory when the
 * fact arrived, else the defaults below.
 *
 * <p>A fact that cannot become a domain event (a correction that only retracts, a declined
 * referral's free text, a party of an impossible kind) maps to empty: it stays in {@code
 * course_fact} for audit and changes nothing.
 */
public final class DomainFacts {

  /**
   * Placeholder for a party the event does not name (e.g. an out-of-hours referrer, who sends no
   * written referral, C1).
   */
  private static final String UNNAMED = "unnamed";

  private DomainFacts() {}

  public static Optional<CourseEvent> toDomain(FactRecord fact) {
    try {
      return Optional.ofNullable(map(fact));
    } catch (IllegalArgumentException | NullPointerException e) {
      // No patient data in the message: event id and type only.
      Log.warnf(
          "Fact %s (%s) has no effect on the ledger: %s",
          fact.eventId(), fact.type(), e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private static CourseEvent map(FactRecord f) {
    String id = f.eventId().toString();
    Instant at = f.occurredAt();
    String course = f.courseId();
    if (FactRecord.HANDOVER_ACCEPTED.equals(f.type())) {
      return handoverAccepted(f);
    }
    if (FactRecord.DOCTOR_ASSIGNED.equals(f.type())) {
      return new ResponsibleDoctorAssigned(
          id,
          at,
          party(f, f.organisationSor(), OrganisationKind.HOSPITAL_DEPARTMENT),
          DoctorId.of(f.detail("doctorId")));
    }
    if (f.retracts().isPresent() || f.isCorrection() && !"ADMIT".equals(f.detail("cancels"))) {
      return null; // the correction's whole effect is the retraction (ledger replays without the
      // retracted fact)
    }
    CourseEventType type = CourseEventType.valueOf(f.type());
    return switch (type) {
      case REFERRAL_RECEIVED ->
          new ReferralReceived(
              id, at, course, referrer(f), referralReceiver(f, f.organisationSor()));
      case REFERRAL_ACCEPTED ->
          new ReferralVisited(id, at, course, VisitationOutcome.ACCEPTED, Optional.empty());
      case REFERRAL_REJECTED ->
          new ReferralVisited(id, at, course, VisitationOutcome.REJECTED, Optional.empty());
      case REFERRAL_FORWARDED ->
          new ReferralVisited(
              id,
              at,
              course,
              VisitationOutcome.FORWARDED,
              Optional.of(referralReceiver(f, f.detail("forwardedTo"))));
      case REFERRAL_STARTED -> new ReferralStarted(id, at, course);
      // The contract carries no "unfinished hospital treatment" flag yet; follow-up arrives as its
      // own course (R11).
      case REFERRAL_ENDED -> new ReferralEnded(id, at, course, false);
      case ADMISSION_STARTED ->
          new AdmissionStarted(id, at, course, hospital(f.organisationSor()), admissionForm(f));
      case ADMISSION_CANCELLED -> new AdmissionCancelled(id, at, course);
      case LEAVE_STARTED -> new LeaveStarted(id, at, course);
      case LEAVE_ENDED -> new LeaveEnded(id, at, course);
      case DISCHARGED -> new Discharged(id, at, course, false);
      case DECEASED -> new Death(id, at);
      case ACUTE_COURSE_STARTED ->
          new AcuteFunctionCourseStarted(
              id,
              at,
              course,
              municipality(f.organisationSor()),
              acuteReferrer(f),
              AcuteForm.valueOf(orDefault(f.detail("form"), "TEAM")));
      case ACUTE_COURSE_ENDED ->
          new AcuteFunctionCourseEnded(
              id, at, course, AcuteExit.valueOf(orDefault(f.detail("exit"), "HOME")));
      case ACUTE_REFERRAL_DECLINED ->
          new AcuteReferralDeclined(id, at, municipality(f.organisationSor()), acuteReferrer(f));
      case OUTPATIENT_COURSE_STARTED ->
          new OutpatientCourseStarted(id, at, course, hospital(f.organisationSor()));
      case OUTPATIENT_COURSE_ENDED -> new OutpatientCourseEnded(id, at, course);
      case IV_TREATMENT_STARTED ->
          new IvTreatmentStarted(id, at, course, hospital(f.organisationSor()));
      case IV_TREATMENT_ENDED -> new IvTreatmentEnded(id, at, course);
      case SPECIALIST_COURSE_STARTED ->
          new SpecialistCourseStarted(
              id,
              at,
              course,
              new Organisation(
                  OrgId.of(f.organisationSor()), OrganisationKind.PRACTISING_SPECIALIST));
      case SPECIALIST_COURSE_ENDED -> new SpecialistCourseEnded(id, at, course);
      case LISTED_GP_REGISTERED ->
          new ListedGpChanged(
              id, at, Optional.ofNullable(f.organisationSor()).map(Organisation::gp));
      // Waiting-time alerts (docs/waiting-times.md) are about deadlines, not about who holds the
      // responsibility.
      case WAITING_TIME_WARNING, WAITING_TIME_EXCEEDED -> null;
    };
  }

  private static HandoverAccepted handoverAccepted(FactRecord f) {
    CourseRef course =
        new CourseRef(CourseKind.valueOf(f.detail("courseKind")), f.detail("courseRefId"));
    return new HandoverAccepted(
        f.eventId().toString(),
        f.occurredAt(),
        f.courseId(),
        course,
        party(f, f.counterpartSor(), OrganisationKind.HOSPITAL_DEPARTMENT),
        party(f, f.organisationSor(), OrganisationKind.GP),
        Optional.ofNullable(f.detail("receivingDoctor")).map(DoctorId::of),
        Optional.ofNullable(f.detail("agreementChannel")).map(AgreementChannel::valueOf));
  }

  private static AdmissionForm admissionForm(FactRecord f) {
    // EMER = emergency contact / acute ambulant (R6, emergency contact: proposal); everything else
    // is inpatient.
    return "EMER".equals(f.detail("encounterClass"))
        ? AdmissionForm.EMERGENCY_CONTACT
        : AdmissionForm.INPATIENT;
  }

  /**
   * R10/R13/R14: the referrer's kind comes from the event's {@code referrerKind}, not from the
   * register.
   */
  private static Organisation acuteReferrer(FactRecord f) {
    OrganisationKind kind =
        switch (orDefault(f.detail("referrerKind"), "GP")) {
          case "HOSPITAL" -> OrganisationKind.HOSPITAL_DEPARTMENT;
          case "OUT_OF_HOURS" -> OrganisationKind.OUT_OF_HOURS_SERVICE;
          case "MUNICIPAL_NURSING" -> OrganisationKind.MUNICIPALITY;
          default -> OrganisationKind.GP;
        };
    return new Organisation(OrgId.of(orDefault(f.counterpartSor(), UNNAMED)), kind);
  }

  /**
   * R17: the referrer; a referrer the register does not know is taken as a GP (the referral then
   * claims for the listed GP).
   */
  private static Organisation referrer(FactRecord f) {
    return party(f, orDefault(f.counterpartSor(), UNNAMED), OrganisationKind.GP);
  }

  /**
   * R17/R18: a receiver the register does not know is taken as a hospital department:
   * referral-service only accepts hospital or specialist receivers, and most referrals go to
   * hospitals.
   */
  private static Organisation referralReceiver(FactRecord f, String sor) {
    return party(f, sor, OrganisationKind.HOSPITAL_DEPARTMENT);
  }

  private static Organisation party(FactRecord f, String sor, OrganisationKind fallback) {
    String kind = f.organisationKinds().get(sor);
    return new Organisation(
        OrgId.of(sor), kind == null ? fallback : OrganisationKind.valueOf(kind));
  }

  private static Organisation hospital(String sor) {
    return Organisation.hospitalDepartment(sor);
  }

  private static Organisation municipality(String sor) {
    return Organisation.municipality(sor);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
