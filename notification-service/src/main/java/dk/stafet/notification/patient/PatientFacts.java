package dk.stafet.notification.patient;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.notification.rules.PatientContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the little notification-service remembers about patients up to date from course events (the
 * listed GP and municipality, the hospital stays), and answers what the rules need to know.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PatientFacts {

  /** Applies the event to the patient's contact and stays. Called before the rules see it. */
  public void apply(CourseEvent event) {
    rememberName(event);
    switch (event.type()) {
      case LISTED_GP_REGISTERED -> registerGp(event);
      case ADMISSION_STARTED -> admitted(event);
      case ADMISSION_CANCELLED ->
          stay(
              event,
              stay -> {
                stay.open = false;
                stay.endedAt = event.occurredAt();
              });
      case LEAVE_STARTED ->
          stay(
              event,
              stay -> {
                if ("true".equals(event.detail("correction"))) {
                  stay.leaveEndedAt = null; // AN_SLOR: on leave again
                } else {
                  stay.leaveStartedAt = event.occurredAt();
                  stay.leaveEndedAt = null;
                }
              });
      case LEAVE_ENDED ->
          stay(
              event,
              stay -> {
                if ("true".equals(event.detail("correction"))) {
                  stay.leaveStartedAt = null; // AN_STOR: the leave never started
                  stay.leaveEndedAt = null;
                } else {
                  stay.leaveEndedAt = event.occurredAt();
                }
              });
      case DISCHARGED, DECEASED ->
          stay(
              event,
              stay -> {
                stay.open = false;
                stay.endedAt = event.occurredAt();
              });
      default -> {
        // nothing to remember
      }
    }
  }

  /** After a death reported without a stay, every open stay of the patient ends. */
  public void closeOpenStays(String patientKey, Instant at) {
    for (HospitalStay stay : HospitalStay.openOf(patientKey)) {
      stay.open = false;
      stay.endedAt = at;
      stay.updatedAt = Instant.now();
    }
  }

  public PatientContext contextOf(String patientKey) {
    if (patientKey == null) {
      return PatientContext.unknown();
    }
    PatientContact contact = PatientContact.findById(patientKey);
    return new PatientContext(
        contact == null ? null : contact.listedGpSor,
        contact == null ? null : contact.municipalitySor,
        HospitalStay.openOf(patientKey).stream()
            .map(stay -> new PatientContext.OpenStay(stay.courseId, stay.serviceProviderSor))
            .toList());
  }

  public HospitalStay stayOf(String courseId) {
    return courseId == null ? null : HospitalStay.findById(courseId);
  }

  /**
   * The patient's official name as the course events last carried it, or empty if none has (an
   * outgoing message then uses the configured placeholder).
   */
  public Optional<PatientName> nameOf(String patientKey) {
    PatientContact contact = patientKey == null ? null : PatientContact.findById(patientKey);
    return contact == null || contact.familyName == null
        ? Optional.empty()
        : Optional.of(PatientName.of(contact.familyName, contact.givenNames));
  }

  private void registerGp(CourseEvent event) {
    PatientContact contact = contactOf(event.patientKey());
    contact.listedGpSor = event.organisationSor();
    if (event.detail("municipalitySor") != null) {
      contact.municipalitySor = event.detail("municipalitySor");
    }
    contact.updatedAt = Instant.now();
  }

  private void rememberName(CourseEvent event) {
    String family = event.detail("patientFamilyName");
    if (family == null || event.patientKey() == null) {
      return;
    }
    PatientContact contact = contactOf(event.patientKey());
    if (!family.equals(contact.familyName)
        || !Objects.equals(event.detail("patientGivenNames"), contact.givenNames)) {
      contact.familyName = family;
      contact.givenNames = event.detail("patientGivenNames");
      contact.updatedAt = Instant.now();
    }
  }

  private static PatientContact contactOf(String patientKey) {
    PatientContact contact = PatientContact.findById(patientKey);
    if (contact == null) {
      contact = new PatientContact();
      contact.patientKey = patientKey;
      contact.updatedAt = Instant.now();
      contact.persist();
    }
    return contact;
  }

  private void admitted(CourseEvent event) {
    if (event.courseId() == null) {
      return;
    }
    HospitalStay stay = HospitalStay.findById(event.courseId());
    boolean isNew = stay == null;
    if (isNew) {
      stay = new HospitalStay();
      stay.courseId = event.courseId();
      stay.patientKey = event.patientKey();
      stay.serviceProviderSor = event.organisationSor();
      stay.admittedAt = event.occurredAt();
    }
    if (event.detail("episodeOfCareId") != null) {
      stay.episodeOfCareId = event.detail("episodeOfCareId");
    }
    if (event.detail("encounterClass") != null) {
      stay.encounterClass = event.detail("encounterClass");
    } else if (stay.encounterClass == null) {
      stay.encounterClass = "STAA".equals(event.detail("hnCode")) ? "EMER" : "IMP";
    }
    if ("true".equals(event.detail("correction"))) {
      stay.endedAt = null; // AN_SLHJ: the discharge never happened
    }
    stay.open = true;
    stay.updatedAt = Instant.now();
    if (isNew) {
      stay.persist();
    }
  }

  private void stay(CourseEvent event, java.util.function.Consumer<HospitalStay> change) {
    HospitalStay stay = event.courseId() == null ? null : HospitalStay.findById(event.courseId());
    if (stay == null && event.courseId() != null && event.organisationSor() != null) {
      // A stay whose admission predates this service: remember what the event says.
      stay = new HospitalStay();
      stay.courseId = event.courseId();
      stay.patientKey = event.patientKey();
      stay.serviceProviderSor = event.organisationSor();
      stay.encounterClass =
          event.detail("encounterClass") != null ? event.detail("encounterClass") : "IMP";
      stay.admittedAt =
          event.detail("admittedAt") != null
              ? Instant.parse(event.detail("admittedAt"))
              : event.occurredAt();
      stay.open = true;
      change.accept(stay);
      stay.updatedAt = Instant.now();
      stay.persist();
      return;
    }
    if (stay != null) {
      change.accept(stay);
      stay.updatedAt = Instant.now();
    }
  }
}
