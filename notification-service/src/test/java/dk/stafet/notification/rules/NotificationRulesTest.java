package dk.stafet.notification.rules;

import static dk.stafet.notification.support.Organisations.ACUTE_FUNCTION;
import static dk.stafet.notification.support.Organisations.GLADSAXE;
import static dk.stafet.notification.support.Organisations.GP;
import static dk.stafet.notification.support.Organisations.HERLEV;
import static dk.stafet.notification.support.Organisations.HOSPITAL;
import static dk.stafet.notification.support.Organisations.HUB;
import static dk.stafet.notification.support.Organisations.NO_GLN;
import static dk.stafet.notification.support.Organisations.OTHER_GP;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.ResponsibilityEvent;
import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.notification.support.Organisations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What goes to whom, without Quarkus. */
class NotificationRulesTest {

  static final Instant AT = Instant.parse("2026-03-01T10:15:00Z");
  static final PatientContext LISTED_IN_GLADSAXE =
      new PatientContext(GP.sor(), GLADSAXE.sor(), List.of());

  private final NotificationRules rules =
      new NotificationRules(Organisations.directory(), HUB, HERLEV.municipalityCode());

  @Test
  void admissionReportedOverRestNotifiesTheMunicipalityFromTheHospital() {
    Plan plan =
        rules.forCourseEvent(
            stay(CourseEventType.ADMISSION_STARTED, null, Map.of("hnCode", "STIN")),
            LISTED_IN_GLADSAXE);

    assertThat(plan.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.duty()).isEqualTo("C4");
              assertThat(n.type()).isEqualTo(MessageType.HOSPITAL_NOTIFICATION);
              assertThat(n.code()).isEqualTo("STIN");
              assertThat(n.sender()).isEqualTo(HOSPITAL);
              assertThat(n.recipient()).isEqualTo(GLADSAXE);
              assertThat(n.courseId()).isEqualTo("stay-1");
            });
  }

  @Test
  void factReportedByAMedcomMessageIsNotNotifiedAgain() {
    Plan plan =
        rules.forCourseEvent(
            stay(CourseEventType.DISCHARGED, "mh-from-hospital", Map.of("hnCode", "SLHJ")),
            LISTED_IN_GLADSAXE);

    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void everyStayFactHasItsHospitalNotificationCode() {
    assertThat(code(CourseEventType.ADMISSION_STARTED, Map.of("encounterClass", "EMER")))
        .isEqualTo("STAA");
    assertThat(code(CourseEventType.LEAVE_STARTED, Map.of())).isEqualTo("STOR");
    assertThat(code(CourseEventType.LEAVE_ENDED, Map.of())).isEqualTo("SLOR");
    assertThat(code(CourseEventType.DISCHARGED, Map.of())).isEqualTo("SLHJ");
    assertThat(code(CourseEventType.DECEASED, Map.of())).isEqualTo("MORS");
    assertThat(code(CourseEventType.ADMISSION_CANCELLED, Map.of("hnCode", "AN_STIN")))
        .isEqualTo("AN_STIN");
    assertThat(code(CourseEventType.LEAVE_ENDED, Map.of("correction", "true")))
        .isEqualTo("AN_STOR");
    assertThat(code(CourseEventType.LEAVE_STARTED, Map.of("correction", "true")))
        .isEqualTo("AN_SLOR");
    assertThat(code(CourseEventType.ADMISSION_STARTED, Map.of("correction", "true")))
        .isEqualTo("AN_SLHJ");
  }

  @Test
  void municipalityComesFromTheEventThenTheRegistrationThenTheGpThenTheDefault() {
    CourseEvent withCode =
        stay(
            CourseEventType.DISCHARGED,
            null,
            Map.of("municipalityCode", HERLEV.municipalityCode()));
    assertThat(rules.municipalityOf(withCode, LISTED_IN_GLADSAXE)).contains(HERLEV);

    CourseEvent plain = stay(CourseEventType.DISCHARGED, null, Map.of());
    assertThat(rules.municipalityOf(plain, LISTED_IN_GLADSAXE)).contains(GLADSAXE);
    assertThat(rules.municipalityOf(plain, new PatientContext(OTHER_GP.sor(), null, List.of())))
        .contains(HERLEV);
    assertThat(rules.municipalityOf(plain, new PatientContext(GP.sor(), null, List.of())))
        .contains(GLADSAXE);
    assertThat(rules.municipalityOf(plain, PatientContext.unknown())).contains(HERLEV);
    NotificationRules withoutDefault = new NotificationRules(Organisations.directory(), HUB, null);
    assertThat(withoutDefault.municipalityOf(plain, PatientContext.unknown())).isEmpty();
  }

  @Test
  void unknownMunicipalityOrSenderIsEscalatedNotDropped() {
    NotificationRules withoutDefault = new NotificationRules(Organisations.directory(), HUB, null);
    Plan noMunicipality =
        withoutDefault.forCourseEvent(
            stay(CourseEventType.DISCHARGED, null, Map.of()), PatientContext.unknown());
    assertThat(noMunicipality.notifications()).isEmpty();
    assertThat(noMunicipality.unaddressed())
        .singleElement()
        .satisfies(u -> assertThat(u.duty()).isEqualTo("C4"));

    CourseEvent fromDepartmentWithoutGln =
        new CourseEvent(
            UUID.randomUUID(),
            CourseEventType.DISCHARGED,
            AT,
            AT,
            "p-1",
            "2509479989",
            "stay-1",
            NO_GLN.sor(),
            null,
            null,
            Map.of());
    assertThat(rules.forCourseEvent(fromDepartmentWithoutGln, LISTED_IN_GLADSAXE).unaddressed())
        .hasSize(1);
  }

  @Test
  void deathWithoutAStayNotifiesForEachOpenStay() {
    CourseEvent death =
        new CourseEvent(
            UUID.randomUUID(),
            CourseEventType.DECEASED,
            AT,
            AT,
            "p-1",
            "2509479989",
            null,
            GP.sor(),
            null,
            null,
            Map.of());
    PatientContext twoStays =
        new PatientContext(
            GP.sor(),
            GLADSAXE.sor(),
            List.of(
                new PatientContext.OpenStay("stay-1", HOSPITAL.sor()),
                new PatientContext.OpenStay("stay-2", HOSPITAL.sor())));

    Plan plan = rules.forCourseEvent(death, twoStays);

    // One event, one message per recipient and type: the second MORS to the same municipality is
    // dropped.
    assertThat(plan.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.code()).isEqualTo("MORS");
              assertThat(n.courseId()).isEqualTo("stay-1");
            });
    assertThat(rules.forCourseEvent(death, LISTED_IN_GLADSAXE).isEmpty()).isTrue();
  }

  @Test
  void acuteCourseEndTellsTheGp() {
    CourseEvent ended =
        new CourseEvent(
            UUID.randomUUID(),
            CourseEventType.ACUTE_COURSE_ENDED,
            AT,
            AT,
            "p-1",
            "2509479989",
            "course-1",
            ACUTE_FUNCTION.sor(),
            OTHER_GP.sor(),
            null,
            Map.of("exit", "HOME"));

    Plan plan = rules.forCourseEvent(ended, LISTED_IN_GLADSAXE);

    assertThat(plan.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.duty()).isEqualTo("C3");
              assertThat(n.type()).isEqualTo(MessageType.CARE_COMMUNICATION);
              assertThat(n.code()).isEqualTo(NotificationRules.CATEGORY_ACUTE);
              assertThat(n.sender()).isEqualTo(ACUTE_FUNCTION);
              assertThat(n.recipient()).isEqualTo(GP);
              assertThat(n.text()).contains("akutfunktionen er afsluttet").contains("hjem");
            });
  }

  @Test
  void rejectedAndForwardedReferralsAnswerTheReferrerWithTheReason() {
    CourseEvent rejected =
        new CourseEvent(
            UUID.randomUUID(),
            CourseEventType.REFERRAL_REJECTED,
            AT,
            AT,
            "p-1",
            "2509479989",
            "ref-1",
            HOSPITAL.sor(),
            GP.sor(),
            null,
            Map.of("reason", "Kan behandles i almen praksis"));
    assertThat(rules.forCourseEvent(rejected, LISTED_IN_GLADSAXE).notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.duty()).isEqualTo("C6");
              assertThat(n.code()).isEqualTo(NotificationRules.CATEGORY_REFERRAL);
              assertThat(n.sender()).isEqualTo(HOSPITAL);
              assertThat(n.recipient()).isEqualTo(GP);
              assertThat(n.text()).contains("afvist").contains("Kan behandles i almen praksis");
            });

    CourseEvent forwarded =
        new CourseEvent(
            UUID.randomUUID(),
            CourseEventType.REFERRAL_FORWARDED,
            AT,
            AT,
            "p-1",
            "2509479989",
            "ref-1",
            HOSPITAL.sor(),
            GP.sor(),
            null,
            Map.of("forwardedTo", ACUTE_FUNCTION.sor()));
    assertThat(rules.forCourseEvent(forwarded, LISTED_IN_GLADSAXE).notifications())
        .singleElement()
        .satisfies(
            n -> assertThat(n.text()).contains("videresendt").contains(ACUTE_FUNCTION.name()));
  }

  @Test
  void responsibilityChangeTellsTheGpOnBehalfOfTheOtherParty() {
    Plan toHospital =
        rules.forResponsibilityEvent(
            responsibility(
                ResponsibilityEventType.RESPONSIBILITY_CHANGED, GP.sor(), HOSPITAL.sor()),
            LISTED_IN_GLADSAXE);
    assertThat(toHospital.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo(GP);
              assertThat(n.sender()).isEqualTo(HOSPITAL);
              assertThat(n.text()).contains("overgået");
            });

    Plan backToGp =
        rules.forResponsibilityEvent(
            responsibility(
                ResponsibilityEventType.RESPONSIBILITY_CHANGED, HOSPITAL.sor(), GP.sor()),
            PatientContext.unknown());
    assertThat(backToGp.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo(GP);
              assertThat(n.sender()).isEqualTo(HOSPITAL);
            });

    assertThat(
            rules
                .forResponsibilityEvent(
                    responsibility(
                        ResponsibilityEventType.RESPONSIBILITY_CHANGED, GP.sor(), GP.sor()),
                    LISTED_IN_GLADSAXE)
                .isEmpty())
        .isTrue();
  }

  @Test
  void rejectedOrTimedOutHandoverAnswersTheProposer() {
    Plan rejected =
        rules.forResponsibilityEvent(
            responsibility(ResponsibilityEventType.HANDOVER_REJECTED, HOSPITAL.sor(), GP.sor()),
            LISTED_IN_GLADSAXE);
    assertThat(rejected.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo(HOSPITAL);
              assertThat(n.sender()).isEqualTo(GP);
            });

    Plan timedOut =
        rules.forResponsibilityEvent(
            responsibility(ResponsibilityEventType.HANDOVER_TIMED_OUT, HOSPITAL.sor(), GP.sor()),
            LISTED_IN_GLADSAXE);
    assertThat(timedOut.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo(HOSPITAL);
              assertThat(n.sender()).isEqualTo(HUB);
              assertThat(n.text()).contains("ikke besvaret");
            });
  }

  @Test
  void everyCarePlanChangeIsToldToTheOtherOrganisationsInThePlan() {
    Plan plan =
        rules.forResponsibilityEvent(
            carePlan(
                ResponsibilityEventType.CARE_PLAN_ACTIVITY_CHANGED,
                HOSPITAL.sor(),
                Map.of(
                    "participants",
                    String.join(",", HOSPITAL.sor(), GLADSAXE.sor(), GP.sor(), NO_GLN.sor()),
                    "activityOwner",
                    GLADSAXE.sor(),
                    "activityStatus",
                    "ACTIVE",
                    "change",
                    "UPDATED")),
            LISTED_IN_GLADSAXE);

    assertThat(plan.notifications())
        .extracting(PlannedNotification::recipient)
        .containsExactly(GLADSAXE, GP);
    assertThat(plan.notifications())
        .allSatisfy(
            n -> {
              assertThat(n.duty()).isEqualTo("C10");
              assertThat(n.type()).isEqualTo(MessageType.CARE_COMMUNICATION);
              assertThat(n.sender()).isEqualTo(HOSPITAL);
              assertThat(n.text()).contains("forløbsplan").contains("i gang");
            });
    assertThat(plan.unaddressed()).extracting(Plan.Unaddressed::duty).containsExactly("C10");
  }

  @Test
  void theCitizensChoiceOfCaseManagerGoesToEveryOrganisationFromStafet() {
    Plan plan =
        rules.forResponsibilityEvent(
            carePlan(
                ResponsibilityEventType.CARE_PLAN_CASE_MANAGER_CHOSEN,
                null,
                Map.of(
                    "participants",
                    HOSPITAL.sor() + "," + GLADSAXE.sor(),
                    "caseManagerSor",
                    GLADSAXE.sor(),
                    "chosenBy",
                    "CITIZEN",
                    "activated",
                    "true")),
            LISTED_IN_GLADSAXE);

    assertThat(plan.notifications())
        .extracting(PlannedNotification::recipient)
        .containsExactly(HOSPITAL, GLADSAXE);
    assertThat(plan.notifications())
        .allSatisfy(
            n -> {
              assertThat(n.sender()).isEqualTo(HUB);
              assertThat(n.text())
                  .startsWith("Borgeren har valgt " + GLADSAXE.name())
                  .endsWith("Planen er nu aktiv.");
            });
  }

  @Test
  void aPlanEndedByThePatientsDeathIsToldToEveryOrganisationInItFromStafet() {
    Plan plan =
        rules.forResponsibilityEvent(
            carePlan(
                ResponsibilityEventType.CARE_PLAN_REVOKED,
                null,
                Map.of(
                    "participants",
                    HOSPITAL.sor() + "," + GLADSAXE.sor(),
                    "reason",
                    "PATIENT_DIED")),
            LISTED_IN_GLADSAXE);

    assertThat(plan.notifications())
        .extracting(PlannedNotification::recipient)
        .containsExactly(HOSPITAL, GLADSAXE);
    assertThat(plan.notifications())
        .allSatisfy(
            n -> {
              assertThat(n.sender()).isEqualTo(HUB);
              assertThat(n.text())
                  .startsWith("Den fælles forløbsplan er ophørt, da borgeren er død")
                  .endsWith("Planlagte og igangværende indsatser er annulleret.");
            });
  }

  @Test
  void eventsWithoutDutyYieldNothing() {
    assertThat(
            rules
                .forCourseEvent(
                    stay(CourseEventType.REFERRAL_RECEIVED, null, Map.of()), LISTED_IN_GLADSAXE)
                .isEmpty())
        .isTrue();
    assertThat(
            rules
                .forResponsibilityEvent(
                    responsibility(
                        ResponsibilityEventType.HANDOVER_PROPOSED, HOSPITAL.sor(), GP.sor()),
                    LISTED_IN_GLADSAXE)
                .isEmpty())
        .isTrue();
  }

  private static ResponsibilityEvent carePlan(
      ResponsibilityEventType type, String bySor, Map<String, String> details) {
    return new ResponsibilityEvent(
        UUID.randomUUID(),
        type,
        AT,
        "patient-1",
        "2509479989",
        "plan-1",
        bySor,
        null,
        "C10",
        null,
        null,
        null,
        details);
  }

  private String code(CourseEventType type, Map<String, String> details) {
    return NotificationRules.hnCodeOf(stay(type, null, details)).orElseThrow().name();
  }

  private static CourseEvent stay(
      CourseEventType type, String sourceMessageId, Map<String, String> details) {
    return new CourseEvent(
        UUID.randomUUID(),
        type,
        AT,
        AT,
        "p-1",
        "2509479989",
        "stay-1",
        HOSPITAL.sor(),
        null,
        sourceMessageId,
        details);
  }

  private static ResponsibilityEvent responsibility(
      ResponsibilityEventType type, String from, String to) {
    return new ResponsibilityEvent(
        UUID.randomUUID(),
        type,
        AT,
        "p-1",
        "2509479989",
        "course-1",
        from,
        to,
        "R5",
        "GP",
        "GP",
        null,
        Map.of());
  }
}
