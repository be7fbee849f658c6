package dk.stafet.responsibility.domain;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.course.AcuteExit;
import dk.stafet.responsibility.domain.course.AcuteForm;
import dk.stafet.responsibility.domain.course.AdmissionForm;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.*;
import dk.stafet.responsibility.domain.course.VisitationOutcome;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test vocabulary: organisations with made-up SOR codes and event factories. No CPR numbers
 * anywhere.
 */
public final class Fixtures {

  public static final Organisation GP = Organisation.gp("gp-1");
  public static final Organisation GP_2 = Organisation.gp("gp-2");
  public static final Organisation DEPT_A = Organisation.hospitalDepartment("dept-a");
  public static final Organisation DEPT_B = Organisation.hospitalDepartment("dept-b");
  public static final Organisation OOH = Organisation.outOfHoursService("ooh-1");
  public static final Organisation MUNICIPALITY = Organisation.municipality("muni-751");
  public static final Organisation SPECIALIST = Organisation.practisingSpecialist("spec-1");
  public static final DoctorId DOCTOR = DoctorId.of("doc-a1");
  public static final PatientKey PATIENT = new PatientKey("patient-key-1");

  private static final AtomicLong IDS = new AtomicLong();

  private Fixtures() {}

  /** Danish civil time, e.g. {@code cph("2026-03-27T15:59")}. */
  public static Instant cph(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(DanishCalendar.ZONE).toInstant();
  }

  public static String id() {
    return String.format("ev-%06d", IDS.incrementAndGet());
  }

  public static ListedGpChanged listedGp(Instant at, Organisation gp) {
    return new ListedGpChanged(id(), at, Optional.ofNullable(gp));
  }

  public static AdmissionStarted admit(Instant at, String admissionId, Organisation dept) {
    return new AdmissionStarted(id(), at, admissionId, dept, AdmissionForm.INPATIENT);
  }

  public static AdmissionStarted emergencyContact(
      Instant at, String admissionId, Organisation dept) {
    return new AdmissionStarted(id(), at, admissionId, dept, AdmissionForm.EMERGENCY_CONTACT);
  }

  public static AdmissionCancelled cancel(Instant at, String admissionId) {
    return new AdmissionCancelled(id(), at, admissionId);
  }

  public static LeaveStarted leave(Instant at, String admissionId) {
    return new LeaveStarted(id(), at, admissionId);
  }

  public static LeaveEnded leaveEnd(Instant at, String admissionId) {
    return new LeaveEnded(id(), at, admissionId);
  }

  public static Discharged discharge(Instant at, String admissionId) {
    return new Discharged(id(), at, admissionId, false);
  }

  public static Discharged dischargeUnfinished(Instant at, String admissionId) {
    return new Discharged(id(), at, admissionId, true);
  }

  public static OutpatientCourseStarted outpatient(Instant at, String courseId, Organisation dept) {
    return new OutpatientCourseStarted(id(), at, courseId, dept);
  }

  public static OutpatientCourseEnded outpatientEnd(Instant at, String courseId) {
    return new OutpatientCourseEnded(id(), at, courseId);
  }

  public static IvTreatmentStarted iv(Instant at, String courseId, Organisation dept) {
    return new IvTreatmentStarted(id(), at, courseId, dept);
  }

  public static IvTreatmentEnded ivEnd(Instant at, String courseId) {
    return new IvTreatmentEnded(id(), at, courseId);
  }

  public static AcuteFunctionCourseStarted acute(
      Instant at, String courseId, Organisation referrer) {
    return new AcuteFunctionCourseStarted(
        id(), at, courseId, MUNICIPALITY, referrer, AcuteForm.PLACE);
  }

  public static AcuteFunctionCourseEnded acuteEnd(Instant at, String courseId, AcuteExit exit) {
    return new AcuteFunctionCourseEnded(id(), at, courseId, exit);
  }

  public static AcuteReferralDeclined acuteDeclined(Instant at, Organisation referrer) {
    return new AcuteReferralDeclined(id(), at, MUNICIPALITY, referrer);
  }

  public static ReferralReceived referral(
      Instant at, String referralId, Organisation referrer, Organisation receiver) {
    return new ReferralReceived(id(), at, referralId, referrer, receiver);
  }

  public static ReferralVisited visited(Instant at, String referralId, VisitationOutcome outcome) {
    return new ReferralVisited(id(), at, referralId, outcome, Optional.empty());
  }

  public static ReferralVisited forwarded(Instant at, String referralId, Organisation to) {
    return new ReferralVisited(id(), at, referralId, VisitationOutcome.FORWARDED, Optional.of(to));
  }

  public static ReferralStarted referralStarted(Instant at, String referralId) {
    return new ReferralStarted(id(), at, referralId);
  }

  public static ReferralEnded referralEnded(Instant at, String referralId, boolean unfinished) {
    return new ReferralEnded(id(), at, referralId, unfinished);
  }

  public static SpecialistCourseStarted specialist(Instant at, String courseId) {
    return new SpecialistCourseStarted(id(), at, courseId, SPECIALIST);
  }

  public static SpecialistCourseEnded specialistEnd(Instant at, String courseId) {
    return new SpecialistCourseEnded(id(), at, courseId);
  }

  public static Death death(Instant at) {
    return new Death(id(), at);
  }

  public static ResponsibleDoctorAssigned assign(Instant at, Organisation org, DoctorId doctor) {
    return new ResponsibleDoctorAssigned(id(), at, org, doctor);
  }

  public static AcuteExit home() {
    return AcuteExit.HOME;
  }

  public static CourseEvent[] events(CourseEvent... events) {
    return events;
  }
}
