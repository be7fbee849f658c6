package dk.stafet.responsibility.domain.course;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The domain events of brief §3: facts about a patient's courses. They are the ledger's source of
 * truth; the responsibility timeline is recomputed from them (see {@code CourseReplay}).
 *
 * <p>Every event has a unique {@link #eventId()} (used for idempotence and audit) and the instant
 * it {@link #occurredAt() occurred} (event time, not recording time). Events carry no patient
 * identity: a ledger belongs to one patient key.
 */
public sealed interface CourseEvent {

  String eventId();

  Instant occurredAt();

  private static void require(String eventId, Instant occurredAt) {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  private static void requireKind(Organisation org, OrganisationKind kind, String what) {
    Objects.requireNonNull(org, what);
    if (org.kind() != kind) {
      throw new IllegalArgumentException(what + " must be a " + kind + " but was " + org.kind());
    }
  }

  /** The listed GP changed; {@code gp} empty = the patient has no listed GP (R26 may apply). */
  record ListedGpChanged(String eventId, Instant occurredAt, Optional<Organisation> gp)
      implements CourseEvent {
    public ListedGpChanged {
      require(eventId, occurredAt);
      Objects.requireNonNull(gp, "gp");
      gp.ifPresent(g -> requireKind(g, OrganisationKind.GP, "gp"));
    }
  }

  /** R6: admission (inpatient) or emergency contact to {@code department}. */
  record AdmissionStarted(
      String eventId,
      Instant occurredAt,
      String admissionId,
      Organisation department,
      AdmissionForm form)
      implements CourseEvent {
    public AdmissionStarted {
      require(eventId, occurredAt);
      Objects.requireNonNull(admissionId, "admissionId");
      requireKind(department, OrganisationKind.HOSPITAL_DEPARTMENT, "department");
      Objects.requireNonNull(form, "form");
    }
  }

  /** R8: the admission was registered in error; it is treated as never having happened. */
  record AdmissionCancelled(String eventId, Instant occurredAt, String admissionId)
      implements CourseEvent {
    public AdmissionCancelled {
      require(eventId, occurredAt);
      Objects.requireNonNull(admissionId, "admissionId");
    }
  }

  /** R7: leave [orlov] starts; the admission continues. */
  record LeaveStarted(String eventId, Instant occurredAt, String admissionId)
      implements CourseEvent {
    public LeaveStarted {
      require(eventId, occurredAt);
      Objects.requireNonNull(admissionId, "admissionId");
    }
  }

  /** R7: leave ends. */
  record LeaveEnded(String eventId, Instant occurredAt, String admissionId) implements CourseEvent {
    public LeaveEnded {
      require(eventId, occurredAt);
      Objects.requireNonNull(admissionId, "admissionId");
    }
  }

  /**
   * R9/R11: discharge (or end of an emergency contact). If hospital treatment is unfinished
   * (follow-up, home treatment) the hospital keeps a FOLLOW_UP course with id = admissionId, ended
   * by {@link OutpatientCourseEnded} with that id or by an accepted handover.
   */
  record Discharged(
      String eventId, Instant occurredAt, String admissionId, boolean unfinishedHospitalTreatment)
      implements CourseEvent {
    public Discharged {
      require(eventId, occurredAt);
      Objects.requireNonNull(admissionId, "admissionId");
    }
  }

  /** R11: hospital outpatient course started. */
  record OutpatientCourseStarted(
      String eventId, Instant occurredAt, String courseId, Organisation department)
      implements CourseEvent {
    public OutpatientCourseStarted {
      require(eventId, occurredAt);
      Objects.requireNonNull(courseId, "courseId");
      requireKind(department, OrganisationKind.HOSPITAL_DEPARTMENT, "department");
    }
  }

  /** R11/R9: outpatient (or follow-up) course ended. */
  record OutpatientCourseEnded(String eventId, Instant occurredAt, String courseId)
      implements CourseEvent {
    public OutpatientCourseEnded {
      require(eventId, occurredAt);
      Objects.requireNonNull(courseId, "courseId");
    }
  }

  /**
   * R12: IV treatment continued at home or in an acute function (always hospital-owned, brief §9).
   */
  record IvTreatmentStarted(
      String eventId, Instant occurredAt, String courseId, Organisation department)
      implements CourseEvent {
    public IvTreatmentStarted {
      require(eventId, occurredAt);
      Objects.requireNonNull(courseId, "courseId");
      requireKind(department, OrganisationKind.HOSPITAL_DEPARTMENT, "department");
    }
  }

  /** R12: IV treatment ended. */
  record IvTreatmentEnded(String eventId, Instant occurredAt, String courseId)
      implements CourseEvent {
    public IvTreatmentEnded {
      require(eventId, occurredAt);
      Objects.requireNonNull(courseId, "courseId");
    }
  }

  /**
   * R10/R13/R14: acute-function course started in {@code municipality}. The referrer's kind
   * decides: hospital department (R10), GP (R13), out-of-hours service (R14) or municipal nursing
   * (R13, proposal).
   */
  record AcuteFunctionCourseStarted(
      String eventId,
      Instant occurredAt,
      String courseId,
      Organisation municipality,
      Organisation referrer,
      AcuteForm form)
      implements CourseEvent {
    public AcuteFunctionCourseStarted {
      require(eventId, occurredAt);
      Objects.requireNonNull(courseId, "courseId");
      requireKind(municipality, OrganisationKind.MUNICIPALITY, "municipality");
      Objects.requireNonNull(referrer, "referrer");
      if (referrer.kind() == OrganisationKind.PRACTISING_SPECIALIST) {
        throw new IllegalArgumentException(
            "acute-function referrer must be hospital, GP, out-of-hours or municipal nursing");
      }
      Objects.requireNonNull(form, "form");
    }
  }

  /** R15: acute-function course ended, with its exit (Annex III). */
  record AcuteFunctionCourseEnded(
      String eventId, Instant occurredAt, String courseId, AcuteExit exit) implements CourseEvent {
    public AcuteFunctionCourseEnded {
      require(eventId, occurredAt);
      Objects.requireNonNull(courseId, "courseId");
      Objects.requireNonNull(exit, "exit");
    }
  }

  /** R16: the acute function declined a referral (it always decides intake). Changes nothing. */
  record AcuteReferralDeclined(
      String eventId, Instant occurredAt, Organisation municipality, Organisation referrer)
      implements CourseEvent {
    public AcuteReferralDeclined {
      require(eventId, occurredAt);
      requireKind(municipality, OrganisationKind.MUNICIPALITY, "municipality");
      Objects.requireNonNull(referrer, "referrer");
    }
  }

  /** R17: referral received by a hospital department or practising specialist. */
  record ReferralReceived(
      String eventId,
      Instant occurredAt,
      String referralId,
      Organisation referrer,
      Organisation receiver)
      implements CourseEvent {
    public ReferralReceived {
      require(eventId, occurredAt);
      Objects.requireNonNull(referralId, "referralId");
      Objects.requireNonNull(referrer, "referrer");
      Objects.requireNonNull(receiver, "receiver");
      if (receiver.kind() != OrganisationKind.HOSPITAL_DEPARTMENT
          && receiver.kind() != OrganisationKind.PRACTISING_SPECIALIST) {
        throw new IllegalArgumentException(
            "referral receiver must be a hospital department or a practising specialist");
      }
    }
  }

  /**
   * R17: visitation accepted, rejected or forwarded the referral ({@code forwardedTo} only when
   * forwarded).
   */
  record ReferralVisited(
      String eventId,
      Instant occurredAt,
      String referralId,
      VisitationOutcome outcome,
      Optional<Organisation> forwardedTo)
      implements CourseEvent {
    public ReferralVisited {
      require(eventId, occurredAt);
      Objects.requireNonNull(referralId, "referralId");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(forwardedTo, "forwardedTo");
      if ((outcome == VisitationOutcome.FORWARDED) != forwardedTo.isPresent()) {
        throw new IllegalArgumentException(
            "forwardedTo is required exactly when the referral is forwarded");
      }
    }
  }

  /**
   * R18: first contact on the referral. A hospital receiver becomes PRD; a specialist gets R19
   * treatment.
   */
  record ReferralStarted(String eventId, Instant occurredAt, String referralId)
      implements CourseEvent {
    public ReferralStarted {
      require(eventId, occurredAt);
      Objects.requireNonNull(referralId, "referralId");
    }
  }

  /**
   * R18: referral ended → R9 (return to GP), or R11 if hospital treatment is unfinished (FOLLOW_UP
   * id = referralId).
   */
  record ReferralEnded(
      String eventId, Instant occurredAt, String referralId, boolean unfinishedHospitalTreatment)
      implements CourseEvent {
    public ReferralEnded {
      require(eventId, occurredAt);
      Objects.requireNonNull(referralId, "referralId");
    }
  }

  /** R19: practising-specialist course started. */
  record SpecialistCourseStarted(
      String eventId, Instant occurredAt, String courseId, Organisation specialist)
      implements CourseEvent {
    public SpecialistCourseStarted {
      require(eventId, occurredAt);
      Objects.requireNonNull(courseId, "courseId");
      requireKind(specialist, OrganisationKind.PRACTISING_SPECIALIST, "specialist");
    }
  }

  /** R19: practising-specialist course ended. */
  record SpecialistCourseEnded(String eventId, Instant occurredAt, String courseId)
      implements CourseEvent {
    public SpecialistCourseEnded {
      require(eventId, occurredAt);
      Objects.requireNonNull(courseId, "courseId");
    }
  }

  /** R20: death. No PRD from this instant; later events reopen nothing. */
  record Death(String eventId, Instant occurredAt) implements CourseEvent {
    public Death {
      require(eventId, occurredAt);
    }
  }

  /**
   * R23: a structured relay handover was accepted by its receiver at {@link #occurredAt()}; the
   * {@code course} that gave the proposer responsibility moves to {@code receiver}. Produced by
   * {@code RelayHandover.accept}.
   */
  record HandoverAccepted(
      String eventId,
      Instant occurredAt,
      String handoverId,
      CourseRef course,
      Organisation proposer,
      Organisation receiver,
      Optional<DoctorId> receivingDoctor,
      Optional<AgreementChannel> agreementChannel)
      implements CourseEvent {
    public HandoverAccepted {
      require(eventId, occurredAt);
      Objects.requireNonNull(handoverId, "handoverId");
      Objects.requireNonNull(course, "course");
      Objects.requireNonNull(proposer, "proposer");
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(receivingDoctor, "receivingDoctor");
      Objects.requireNonNull(agreementChannel, "agreementChannel");
      if (!receiver.kind().mayHoldPrd()) {
        throw new IllegalArgumentException("handover receiver cannot hold PRD: " + receiver.kind());
      }
    }
  }

  /** R27: a named doctor inside the organisation that already holds PRD. */
  record ResponsibleDoctorAssigned(
      String eventId, Instant occurredAt, Organisation organisation, DoctorId doctor)
      implements CourseEvent {
    public ResponsibleDoctorAssigned {
      require(eventId, occurredAt);
      Objects.requireNonNull(organisation, "organisation");
      Objects.requireNonNull(doctor, "doctor");
    }
  }
}
