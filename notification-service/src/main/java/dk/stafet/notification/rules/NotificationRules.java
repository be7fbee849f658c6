package dk.stafet.notification.rules;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.ResponsibilityEvent;
import dk.stafet.contracts.medcom.HospitalNotificationEvent;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.notification.directory.Directory;
import dk.stafet.notification.directory.Party;
import java.util.Objects;
import java.util.Optional;

/**
 * What goes to whom (docs/notifications.md): plain Java, no framework, so it is unit-tested on its
 * own.
 *
 * <ul>
 *   <li>C4: a HospitalNotification to the patient's municipality for admission, leave, discharge,
 *       death and their cancellations, when the fact was reported over REST. A fact reported by a
 *       MedCom HospitalNotification is not notified again: the hub delivers the original to its
 *       addressee.
 *   <li>C3: a CareCommunication to the GP when an acute-function course ends.
 *   <li>C6: a CareCommunication to the referrer when a referral is rejected or forwarded (with the
 *       reason), and to the proposer when a handover is rejected or times out.
 *   <li>Responsibility: a CareCommunication to the GP when the patient-responsible doctor changes
 *       (including when responsibility returns to or leaves the GP).
 *   <li>C10: a CareCommunication to every organisation in a shared care plan, but the one that made
 *       the change, for each change of the plan.
 * </ul>
 *
 * The municipality of residence is, in order: the event's {@code municipalityCode} detail, the
 * municipality of the last LISTED_GP_REGISTERED, the listed GP's own municipality, the configured
 * default.
 */
public final class NotificationRules {

  public static final String CATEGORY_COORDINATION = "carecoordination";
  public static final String CATEGORY_REFERRAL = "regarding-referral";
  public static final String CATEGORY_ACUTE = "acute-ambulant";

  private final Directory directory;
  private final Party hub;
  private final String defaultMunicipalityCode;

  /**
   * @param hub Stafet itself, the sender when no organisation acted (a handover that timed out)
   * @param defaultMunicipalityCode used when nothing else names the municipality; null for none
   */
  public NotificationRules(Directory directory, Party hub, String defaultMunicipalityCode) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.hub = Objects.requireNonNull(hub, "hub");
    this.defaultMunicipalityCode = defaultMunicipalityCode;
  }

  public Plan forCourseEvent(CourseEvent event, PatientContext patient) {
    Plan.Builder plan = new Plan.Builder();
    switch (event.type()) {
      case ADMISSION_STARTED,
          ADMISSION_CANCELLED,
          LEAVE_STARTED,
          LEAVE_ENDED,
          DISCHARGED,
          DECEASED ->
          hospitalNotifications(event, patient, plan);
      case ACUTE_COURSE_ENDED ->
          toGp(
              plan,
              "C3",
              CATEGORY_ACUTE,
              event.organisationSor(),
              patient,
              CareTexts.acuteCourseEnded(event));
      case REFERRAL_REJECTED, ACUTE_REFERRAL_DECLINED ->
          toParty(
              plan,
              "C6",
              CATEGORY_REFERRAL,
              event.organisationSor(),
              event.counterpartSor(),
              CareTexts.referralRejected(event));
      case REFERRAL_FORWARDED ->
          toParty(
              plan,
              "C6",
              CATEGORY_REFERRAL,
              event.organisationSor(),
              event.counterpartSor(),
              CareTexts.referralForwarded(event, nameOf(event.detail("forwardedTo"))));
      default -> {
        // no communication duty
      }
    }
    return plan.build();
  }

  public Plan forResponsibilityEvent(ResponsibilityEvent event, PatientContext patient) {
    Plan.Builder plan = new Plan.Builder();
    switch (event.type()) {
      case RESPONSIBILITY_CHANGED -> {
        if (!Objects.equals(event.fromSor(), event.toSor())) {
          responsibilityChanged(event, patient, plan);
        }
      }
      case HANDOVER_REJECTED ->
          toParty(
              plan,
              "C6",
              CATEGORY_COORDINATION,
              event.toSor(),
              event.fromSor(),
              CareTexts.handoverRejected(event, nameOf(event.toSor())));
      case HANDOVER_TIMED_OUT ->
          toParty(
              plan,
              "C6",
              CATEGORY_COORDINATION,
              null,
              event.fromSor(),
              CareTexts.handoverTimedOut(event, nameOf(event.toSor())));
      default -> {
        if (event.type().isCarePlanChange()) {
          carePlanChanged(event, plan);
        }
        // otherwise no communication duty
      }
    }
    return plan.build();
  }

  /**
   * The HN code for a course fact, from its {@code hnCode} detail or else from its type and class.
   */
  public static Optional<HospitalNotificationEvent> hnCodeOf(CourseEvent event) {
    String code = event.detail("hnCode");
    if (code != null) {
      try {
        return Optional.of(HospitalNotificationEvent.valueOf(code));
      } catch (IllegalArgumentException notSingle) {
        // e.g. "STIN/STAA": decide below
      }
    }
    boolean emergency = "EMER".equals(event.detail("encounterClass"));
    boolean correction = "true".equals(event.detail("correction"));
    return Optional.ofNullable(
        switch (event.type()) {
          case ADMISSION_STARTED ->
              correction
                  ? HospitalNotificationEvent.AN_SLHJ
                  : emergency ? HospitalNotificationEvent.STAA : HospitalNotificationEvent.STIN;
          case ADMISSION_CANCELLED ->
              emergency ? HospitalNotificationEvent.AN_STAA : HospitalNotificationEvent.AN_STIN;
          case LEAVE_STARTED ->
              correction ? HospitalNotificationEvent.AN_SLOR : HospitalNotificationEvent.STOR;
          case LEAVE_ENDED ->
              correction ? HospitalNotificationEvent.AN_STOR : HospitalNotificationEvent.SLOR;
          case DISCHARGED -> HospitalNotificationEvent.SLHJ;
          case DECEASED -> HospitalNotificationEvent.MORS;
          default -> null;
        });
  }

  private void hospitalNotifications(CourseEvent event, PatientContext patient, Plan.Builder plan) {
    if (event.sourceMessageId() != null) {
      return; // reported by a MedCom HN: the hub delivers the original to the municipality
    }
    Optional<HospitalNotificationEvent> code = hnCodeOf(event);
    if (code.isEmpty()) {
      return;
    }
    Optional<Party> municipality = municipalityOf(event, patient);
    if (event.type() == CourseEventType.DECEASED && event.courseId() == null) {
      // A death reported without a stay: a MORS for each stay still open, from its own department.
      for (PatientContext.OpenStay stay : patient.openStays()) {
        hospitalNotification(
            plan, code.get(), stay.serviceProviderSor(), municipality, stay.courseId());
      }
      return;
    }
    if (event.courseId() != null) {
      hospitalNotification(
          plan, code.get(), event.organisationSor(), municipality, event.courseId());
    }
  }

  private void hospitalNotification(
      Plan.Builder plan,
      HospitalNotificationEvent code,
      String senderSor,
      Optional<Party> municipality,
      String courseId) {
    Optional<Party> sender = addressable(senderSor);
    if (sender.isEmpty()) {
      plan.unaddressed("C4", "the hospital department has no GLN in the organisation register");
    } else if (municipality.isEmpty()) {
      plan.unaddressed("C4", "the patient's municipality is unknown or has no GLN");
    } else {
      plan.add(
          new PlannedNotification(
              "C4",
              MessageType.HOSPITAL_NOTIFICATION,
              code.name(),
              sender.get(),
              municipality.get(),
              courseId,
              null));
    }
  }

  private void responsibilityChanged(
      ResponsibilityEvent event, PatientContext patient, Plan.Builder plan) {
    Optional<Party> gp =
        listedGp(patient)
            .or(() -> addressable(event.toSor()).filter(p -> p.isKind(Directory.GP)))
            .or(() -> addressable(event.fromSor()).filter(p -> p.isKind(Directory.GP)));
    if (gp.isEmpty()) {
      plan.unaddressed("C2", "the patient's GP is unknown or has no GLN");
      return;
    }
    // Sent on behalf of the new holder, or of the previous one when responsibility returns to the
    // GP.
    Party sender =
        addressable(event.toSor())
            .filter(p -> !p.gln().equals(gp.get().gln()))
            .or(() -> addressable(event.fromSor()).filter(p -> !p.gln().equals(gp.get().gln())))
            .orElse(hub);
    plan.add(
        new PlannedNotification(
            "C2",
            MessageType.CARE_COMMUNICATION,
            CATEGORY_COORDINATION,
            sender,
            gp.get(),
            null,
            CareTexts.responsibilityChanged(
                event, nameOf(event.fromSor()), nameOf(event.toSor()))));
  }

  /**
   * C10: every change of a shared care plan is told to every organisation in the plan (the event's
   * {@code participants}) except the one that made it, which knows; a change the citizen made (no
   * acting organisation) goes to all of them, sent by Stafet itself.
   */
  private void carePlanChanged(ResponsibilityEvent event, Plan.Builder plan) {
    String participants = event.details().get("participants");
    if (participants == null || participants.isBlank()) {
      plan.unaddressed("C10", "the care plan event names no organisations");
      return;
    }
    String text =
        CareTexts.carePlanChanged(
            event,
            nameOf(event.fromSor()),
            nameOf(event.details().get("activityOwner")),
            nameOf(event.details().get("caseManagerSor")));
    for (String sor : participants.split(",")) {
      String recipient = sor.trim();
      if (!recipient.isEmpty() && !recipient.equals(event.fromSor())) {
        toParty(plan, "C10", CATEGORY_COORDINATION, event.fromSor(), recipient, text);
      }
    }
  }

  private void toGp(
      Plan.Builder plan,
      String duty,
      String category,
      String senderSor,
      PatientContext patient,
      String text) {
    Optional<Party> gp = listedGp(patient);
    if (gp.isEmpty()) {
      plan.unaddressed(duty, "the patient's GP is unknown or has no GLN");
      return;
    }
    Party sender = addressable(senderSor).orElse(hub);
    plan.add(
        new PlannedNotification(
            duty, MessageType.CARE_COMMUNICATION, category, sender, gp.get(), null, text));
  }

  private void toParty(
      Plan.Builder plan,
      String duty,
      String category,
      String senderSor,
      String recipientSor,
      String text) {
    Optional<Party> recipient = addressable(recipientSor);
    if (recipient.isEmpty()) {
      plan.unaddressed(duty, "the recipient is unknown or has no GLN");
      return;
    }
    Party sender = addressable(senderSor).orElse(hub);
    plan.add(
        new PlannedNotification(
            duty, MessageType.CARE_COMMUNICATION, category, sender, recipient.get(), null, text));
  }

  /** The municipality of residence, in the order documented on the class. */
  Optional<Party> municipalityOf(CourseEvent event, PatientContext patient) {
    return Optional.ofNullable(event.detail("municipalityCode"))
        .flatMap(directory::municipality)
        .or(
            () ->
                addressable(patient.municipalitySor())
                    .filter(p -> p.isKind(Directory.MUNICIPALITY)))
        .or(() -> listedGp(patient).map(Party::municipalityCode).flatMap(directory::municipality))
        .or(() -> Optional.ofNullable(defaultMunicipalityCode).flatMap(directory::municipality))
        .filter(Party::hasGln);
  }

  private Optional<Party> listedGp(PatientContext patient) {
    return addressable(patient.listedGpSor());
  }

  private Optional<Party> addressable(String sor) {
    return sor == null ? Optional.empty() : directory.bySor(sor).filter(Party::hasGln);
  }

  private String nameOf(String sor) {
    if (sor == null) {
      return null;
    }
    return directory.bySor(sor).map(Party::name).filter(Objects::nonNull).orElse("SOR " + sor);
  }
}
