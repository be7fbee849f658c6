package dk.stafet.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dk.stafet.contracts.medcom.HospitalNotificationBuilder;
import dk.stafet.contracts.medcom.HospitalNotificationEvent;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.registry.Organisation;
import dk.stafet.tools.IssuerTokens;
import dk.stafet.tools.demo.Call.Service;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Writes the course scripts: what happens to a patient, step by step, in the words of the REST API
 * and of MedCom HospitalNotifications. The kinds and their shares:
 *
 * <ul>
 *   <li>cancer pathway (24 %): GP refers → received → accepted (some rejected, some forwarded to
 *       another department, which continues the same referral) → first contact → named doctor →
 *       admission → leave → discharge (a few die) → referral ends → outpatient course → handover to
 *       the GP, accepted (the GP may name its doctor), rejected or left unanswered → outpatient
 *       course ends;
 *   <li>heart referral (12 %, waiting-time rules W6–W8) to cardiology, some rejected or forwarded;
 *   <li>acute function (22 %): the municipality's acute team/place, referred by the GP in GP hours
 *       and by the out-of-hours service otherwise; some declined, some end in an emergency
 *       admission;
 *   <li>admission (26 %): emergency contact or inpatient stay, some transferred, leave, named
 *       doctor, discharge, outpatient follow-up with a handover to the GP, or a hospital-referred
 *       acute function course; a few die;
 *   <li>practising specialist (10 %): GP refers → accepted → first contact (the specialist treats
 *       in GP hours, R19) → the specialist's course → ends;
 *   <li>death at home, reported by the GP (6 %, only the very old).
 * </ul>
 *
 * Stays are reported by MedCom HospitalNotification through {@code $process-message} (70 %) or over
 * REST.
 */
final class CourseScripts {

  private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
  private static final double MEDCOM_SHARE = 0.7;

  private record Condition(String code, String waitingTimeRule) {}

  private static final List<Condition> CANCER =
      List.of(
          new Condition("DC509", "W1"),
          new Condition("DC189", "W1"),
          new Condition("DC349", "W2"),
          new Condition("DC619", "W3"),
          new Condition("DC679", "W1"),
          new Condition("DC259", "W4"),
          new Condition("DR688", "W5"));
  private static final List<Condition> HEART =
      List.of(
          new Condition("DI200", "W6"),
          new Condition("DI480", "W7"),
          new Condition("DI500", "W7"),
          new Condition("DI350", "W8"));
  private static final List<String> INTERNAL_MEDICINE = List.of("DE119", "DI109", "DJ449", "DE039");
  private static final List<String> PSYCHIATRY = List.of("DF329", "DF411", "DF431");
  private static final List<String> HANDOVER_REASONS =
      List.of(
          "Behandling afsluttet; fortsat kontrol og medicinjustering hos egen læge",
          "Efterbehandling kan varetages i almen praksis; epikrise og plan er sendt",
          "Stabil efter udskrivelse; opfølgning af blodprøver og vægt hos egen læge",
          "Ambulant forløb afsluttet; egen læge overtager opfølgning efter aftale");
  private static final List<String> HANDOVER_REJECTIONS =
      List.of(
          "Praksis kan ikke påtage sig opfølgningen; behov for fortsat specialiseret kontrol",
          "Mangler epikrise og behandlingsplan; kan ikke overtage før de foreligger",
          "Praksis har ikke kapacitet til hyppige kontroller de næste uger");
  private static final List<String> REFERRAL_REJECTIONS =
      List.of(
          "Opfylder ikke kriterierne for pakkeforløb; fortsat udredning hos egen læge",
          "Kan varetages i almen praksis; forslag til behandling fremgår af svaret",
          "Henvisningen mangler oplysninger om aktuel medicin og tidligere udredning");
  private static final List<String> ACUTE_DECLINES =
      List.of(
          "Akutfunktionens kapacitet er opbrugt; henvist til akutmodtagelsen",
          "Borgerens tilstand kræver sygehusvurdering",
          "Opgaven hører under hjemmesygeplejen; videresendt");

  private enum Answer {
    ACCEPT,
    REJECT,
    NONE
  }

  private final Region region;
  private final RandomGenerator random;
  private final Doctors doctors;
  private final HospitalNotificationBuilder notifications;
  private final MedcomCodec codec;

  CourseScripts(
      Region region,
      RandomGenerator random,
      HospitalNotificationBuilder notifications,
      MedcomCodec codec) {
    this.region = region;
    this.random = random;
    this.doctors = new Doctors(random);
    this.notifications = notifications;
    this.codec = codec;
  }

  /**
   * The national register reports the listed GP (and the municipality of residence): the patient's
   * first fact.
   */
  /**
   * The national register feed (the development issuer's synthetic SOR): the only caller that sets
   * a listed GP.
   */
  static final String NATIONAL_REGISTER_SOR = IssuerTokens.NATIONAL_REGISTER_SOR;

  CourseScript registration(Patient p) {
    Script s = new Script("registration", p);
    s.step(
        "listed GP registered at " + p.gp.name(),
        Step.Kind.ESSENTIAL,
        at ->
            Call.json(
                Service.REFERRAL,
                "/api/patients/listed-gp",
                NATIONAL_REGISTER_SOR,
                Bodies.at(at)
                    .put("cpr", p.cpr)
                    .put("gpSor", p.gp.sor())
                    .put("municipalitySor", p.municipality.sor())
                    // The register gives the official name, as the CPR register does: the pages
                    // name the patient by it (docs/web.md, "Patients by name").
                    .put("familyName", p.familyName)
                    .put("givenNames", p.givenNames())
                    .json()),
        json -> {
          p.patientKey = json.path("patientKey").asText(null);
          p.registered = p.patientKey != null;
        });
    return s.script;
  }

  /** The next course of a living, registered patient. */
  CourseScript next(Patient p, LocalDate today) {
    if (p.tour && p.courses++ == 0) {
      return switch (p.tourCourse) {
        case SPECIALIST -> specialist(p, today);
        case FORWARDED_REFERRAL -> cancerPathway(p, true);
        default -> cancerPathway(p, false);
      };
    }
    double r = random.nextDouble();
    if (r < 0.24) {
      return cancerPathway(p);
    } else if (r < 0.36) {
      return heartReferral(p);
    } else if (r < 0.58) {
      return acuteFunction(p, today);
    } else if (r < 0.84) {
      return admission(p, today);
    } else if (r < 0.94) {
      return specialist(p, today);
    }
    return p.ageAt(today) >= 80 ? deathAtHome(p) : admission(p, today);
  }

  // ---------------------------------------------------------------- course kinds

  CourseScript cancerPathway(Patient p) {
    return cancerPathway(p, false);
  }

  /**
   * @param forwarded the first department forwards the referral (else 8 % of pathways are forwarded
   *     at random)
   */
  CourseScript cancerPathway(Patient p, boolean forwarded) {
    Script s = new Script("cancer pathway", p);
    Condition condition = DanishNames.pick(CANCER, random);
    Organisation unit = region.cancerDepartment(p.municipality);
    s.referral(unit, p.gp, true, condition.code(), condition.waitingTimeRule());
    boolean tourPlan = p.tour && p.tourCourse == Patient.TourCourse.CANCER_PATHWAY;
    if (tourPlan) {
      // the README's tour: a shared plan to see on the timeline and in "mit forløb"
      s.after(minutes(2, 5));
      s.sharedPlan(unit, "Kræftforløb: udredning, behandling og hjælp i hjemmet");
    }
    s.after(hours(3, 30));
    // the tour's plan patient is accepted and lives through the course the README describes
    double r = forwarded ? 0.1 : tourPlan ? 0.5 : random.nextDouble();
    if (r < 0.08) {
      s.visitation(unit, "REJECTED", DanishNames.pick(REFERRAL_REJECTIONS, random), null);
      return s.script;
    }
    if (r < 0.16) {
      // The department it is forwarded to continues the same referral: it visits and starts it (R17
      // until then, R18).
      Organisation other = region.otherMedicalDepartment(unit, random);
      s.visitation(unit, "FORWARDED", "Videresendt til afdeling med kortere ventetid", other);
      s.after(hours(3, 26));
      unit = other;
    }
    s.visitation(unit, "ACCEPTED", null, null);
    s.after(days(1, 5));
    s.startReferral(unit);
    if (random.nextDouble() < 0.8) {
      s.after(hours(1, 6));
      s.nameDoctor(unit);
    }
    s.after(days(3, 12));
    Stay stay = s.newStay(unit, false);
    s.admit(stay);
    if (random.nextDouble() < 0.5) {
      s.after(days(1, 3));
      s.leave(stay);
      s.after(hours(20, 60));
      s.leaveEnd(stay);
    }
    if (!tourPlan && random.nextDouble() < 0.07) {
      s.after(days(1, 6));
      s.death(stay);
      return s.script;
    }
    s.after(days(1, 4));
    s.discharge(stay);
    s.after(hours(20, 72));
    s.followUpAndHandover(unit, true);
    return s.script;
  }

  CourseScript heartReferral(Patient p) {
    Script s = new Script("heart referral", p);
    Condition condition = DanishNames.pick(HEART, random);
    Organisation unit = region.cardiology();
    s.referral(unit, p.gp, false, condition.code(), condition.waitingTimeRule());
    s.after(hours(4, 48));
    double r = random.nextDouble();
    if (r < 0.2) {
      s.visitation(unit, "REJECTED", DanishNames.pick(REFERRAL_REJECTIONS, random), null);
      return s.script;
    }
    if (r < 0.35) {
      Organisation other = region.medicalDepartment(p.municipality);
      if (!other.sor().equals(unit.sor())) {
        s.visitation(unit, "FORWARDED", "Kan udredes på regionshospitalet", other);
        s.after(hours(3, 32));
        unit = other; // continues the same referral
      }
    }
    s.visitation(unit, "ACCEPTED", null, null);
    s.after(days(3, 14));
    s.startReferral(unit);
    if (random.nextDouble() < 0.4) {
      s.after(minutes(10, 120));
      s.nameDoctor(unit);
    }
    if (random.nextDouble() < 0.35) {
      s.after(days(1, 5));
      Stay stay = s.newStay(unit, false);
      s.admit(stay);
      s.after(days(1, 4));
      s.discharge(stay);
    }
    s.after(days(1, 10));
    s.endReferral(unit);
    return s.script;
  }

  CourseScript acuteFunction(Patient p, LocalDate today) {
    Script s = new Script("acute function", p);
    Organisation acute = p.municipality;
    if (random.nextDouble() < 0.15) {
      s.declineAcuteReferral(acute);
      if (random.nextBoolean()) {
        s.after(hours(1, 4));
        Stay stay = s.newStay(region.acuteDepartment(p.municipality), true);
        s.admit(stay);
        s.after(hours(3, 12));
        s.discharge(stay);
      }
      return s.script;
    }
    s.startAcuteCourse(acute, null);
    s.after(days(1, 6));
    double r = random.nextDouble();
    String exit =
        r < 0.4 ? "HOME" : r < 0.6 ? "GP_FOLLOW_UP" : r < 0.8 ? "MUNICIPAL_CARE" : "ADMITTED";
    s.endCourse(acute, "course", exit);
    if ("ADMITTED".equals(exit)) {
      s.after(hours(1, 5));
      Stay stay = s.newStay(region.acuteDepartment(p.municipality), true);
      s.admit(stay);
      if (p.ageAt(today) >= 80 && random.nextDouble() < 0.1) {
        s.after(hours(6, 48));
        s.death(stay);
        return s.script;
      }
      s.after(hours(4, 30));
      s.discharge(stay);
    }
    return s.script;
  }

  CourseScript admission(Patient p, LocalDate today) {
    Script s = new Script("admission", p);
    Organisation acuteDepartment = region.acuteDepartment(p.municipality);
    Organisation medical = region.medicalDepartment(p.municipality);
    Stay stay;
    if (random.nextBoolean()) {
      Stay contact = s.newStay(acuteDepartment, true);
      s.admit(contact);
      s.after(hours(3, 12));
      s.discharge(contact);
      if (random.nextBoolean()) {
        return s.script; // an emergency contact, home again the same day
      }
      s.after(minutes(5, 40));
      stay = s.newStay(medical, false); // transferred to the medical department
    } else {
      stay = s.newStay(medical, false);
    }
    s.admit(stay);
    if (random.nextDouble() < 0.5) {
      s.after(hours(2, 20));
      s.nameDoctor(medical);
    }
    if (random.nextDouble() < 0.25) {
      s.after(days(1, 3));
      s.leave(stay);
      s.after(hours(12, 48));
      s.leaveEnd(stay);
    }
    if (random.nextDouble() < (p.ageAt(today) >= 75 ? 0.06 : 0.01)) {
      s.after(days(1, 8));
      s.death(stay);
      return s.script;
    }
    s.after(days(1, 8));
    s.discharge(stay);
    double r = random.nextDouble();
    if (r < 0.3) {
      s.after(hours(20, 96));
      s.followUpAndHandover(medical, false);
    } else if (r < 0.5) {
      s.after(minutes(30, 240));
      s.startAcuteCourse(p.municipality, medical);
      s.after(days(1, 5));
      s.endCourse(p.municipality, "course", random.nextBoolean() ? "HOME" : "GP_FOLLOW_UP");
    }
    return s.script;
  }

  CourseScript specialist(Patient p, LocalDate today) {
    Organisation specialist = region.specialist(random);
    if (specialist == null) {
      return admission(p, today);
    }
    Script s = new Script("specialist", p);
    List<String> conditions =
        specialist.name().contains("Psykiatri") ? PSYCHIATRY : INTERNAL_MEDICINE;
    s.referral(specialist, p.gp, false, DanishNames.pick(conditions, random), null);
    s.after(hours(24, 120));
    s.visitation(specialist, "ACCEPTED", null, null);
    s.after(days(5, 20));
    s.startReferral(specialist);
    s.after(minutes(5, 60));
    s.step(
        "specialist course started at " + specialist.name(),
        Step.Kind.ESSENTIAL,
        at ->
            Call.json(
                Service.REFERRAL,
                "/api/courses",
                specialist.sor(),
                Bodies.at(at)
                    .put("kind", "SPECIALIST")
                    .put("cpr", p.cpr)
                    .put("ownerSor", specialist.sor())
                    .put("referrerSor", p.gp.sor())
                    .json()),
        json -> s.ids.put("course", json.path("id").asText()));
    s.after(days(10, 40));
    s.endCourse(specialist, "course", null);
    s.after(minutes(5, 60));
    s.endReferral(specialist);
    return s.script;
  }

  CourseScript deathAtHome(Patient p) {
    Script s = new Script("death at home", p);
    s.script.endsInDeath = true;
    s.step(
        "death reported by the GP " + p.gp.name(),
        Step.Kind.ESSENTIAL,
        at ->
            Call.json(
                Service.REFERRAL,
                "/api/deaths",
                p.gp.sor(),
                Bodies.at(at).put("cpr", p.cpr).json()),
        json -> p.deceased = true);
    return s.script;
  }

  // ---------------------------------------------------------------- the steps, as one course
  // writes them

  /** A stay reported either by HospitalNotification or over REST. */
  private final class Stay {
    final Organisation department;
    final boolean emergency;
    final StayNotifications medcom;
    final String key = "stay-" + UUID.randomUUID();

    Stay(Patient patient, Organisation department, boolean emergency, boolean viaMedcom) {
      this.department = department;
      this.emergency = emergency;
      this.medcom =
          viaMedcom
              ? new StayNotifications(notifications, codec, patient, department, emergency)
              : null;
    }
  }

  private final class Script {
    final CourseScript script;
    final Patient p;
    final Map<String, String> ids = new HashMap<>();
    Duration t = Duration.ZERO;

    Script(String name, Patient p) {
      this.script = new CourseScript(name, p);
      this.p = p;
    }

    void after(Duration duration) {
      t = t.plus(duration);
    }

    void step(
        String label,
        Step.Kind kind,
        Function<Instant, Call> request,
        Consumer<JsonNode> onSuccess) {
      script.add(new Step(label, t, kind, request, onSuccess));
    }

    /**
     * A shared course and action plan (brief C10, docs/care-plan.md) made by the GP: who does what
     * — the GP, the treating department, the municipality in parallel — and the GP as case manager,
     * chosen on the citizen's behalf. Each organisation in the plan is told by CareCommunication.
     */
    void sharedPlan(Organisation department, String title) {
      step(
          "shared course plan made by " + p.gp.name(),
          Step.Kind.OPTIONAL,
          at ->
              p.patientKey == null
                  ? null
                  : Call.json(
                      Service.RESPONSIBILITY,
                      "/api/care-plans",
                      p.gp.sor(),
                      Bodies.at(at)
                          .put("patientKey", p.patientKey)
                          .put("kind", "COMPLEX_ADULT")
                          .put("title", title)
                          .json()),
          json -> ids.put("plan", json.path("id").asText()));
      Map<Organisation, String> activities = new LinkedHashMap<>();
      activities.put(p.gp, "Opfølgning, medicin og samtaler hos egen læge");
      activities.put(department, "Udredning og behandling");
      activities.put(p.municipality, "Hjemmesygepleje og genoptræning efter udskrivelse");
      for (Map.Entry<Organisation, String> activity : activities.entrySet()) {
        after(minutes(1, 3));
        step(
            "plan activity for " + activity.getKey().name(),
            Step.Kind.OPTIONAL,
            with(
                "plan",
                id ->
                    at ->
                        Call.json(
                            Service.RESPONSIBILITY,
                            "/api/care-plans/" + id + "/activities",
                            p.gp.sor(),
                            Bodies.at(at)
                                .put("ownerSor", activity.getKey().sor())
                                .put("description", activity.getValue())
                                .json())),
            null);
      }
      after(minutes(1, 3));
      step(
          "case manager chosen: " + p.gp.name(),
          Step.Kind.OPTIONAL,
          with(
              "plan",
              id ->
                  at ->
                      Call.json(
                          Service.RESPONSIBILITY,
                          "/api/care-plans/" + id + "/case-manager",
                          p.gp.sor(),
                          Bodies.at(at).put("organisationSor", p.gp.sor()).json())),
          null);
    }

    /** The request, or null (skip) when an earlier step did not give the id it needs. */
    Function<Instant, Call> with(String key, Function<String, Function<Instant, Call>> request) {
      return at -> ids.get(key) == null ? null : request.apply(ids.get(key)).apply(at);
    }

    void referral(
        Organisation receiver,
        Organisation referrer,
        boolean cancer,
        String condition,
        String rule) {
      step(
          "referral received by "
              + receiver.name()
              + (cancer ? " (cancer pathway " + rule + ")" : rule != null ? " (" + rule + ")" : ""),
          Step.Kind.ESSENTIAL,
          at ->
              Call.json(
                  Service.REFERRAL,
                  "/api/referrals",
                  receiver.sor(),
                  Bodies.at(at)
                      .put("cpr", p.cpr)
                      .put("referrerSor", referrer.sor())
                      .put("receiverSor", receiver.sor())
                      .put("cancer", cancer)
                      .put("conditionCode", condition)
                      .put("waitingTimeRule", rule)
                      .json()),
          json -> ids.put("referral", json.path("id").asText()));
    }

    void visitation(
        Organisation receiver, String decision, String reason, Organisation forwardedTo) {
      step(
          "referral "
              + decision.toLowerCase()
              + " by "
              + receiver.name()
              + (forwardedTo != null ? " to " + forwardedTo.name() : ""),
          "ACCEPTED".equals(decision) ? Step.Kind.ESSENTIAL : Step.Kind.OPTIONAL,
          with(
              "referral",
              id ->
                  at ->
                      Call.json(
                          Service.REFERRAL,
                          "/api/referrals/" + id + "/visitation",
                          receiver.sor(),
                          Bodies.at(at)
                              .put("decision", decision)
                              .put("reason", reason)
                              .put("forwardedToSor", forwardedTo == null ? null : forwardedTo.sor())
                              .json())),
          null);
    }

    void startReferral(Organisation receiver) {
      step(
          "referral started (first contact) at " + receiver.name(),
          Step.Kind.ESSENTIAL,
          with(
              "referral",
              id ->
                  at ->
                      Call.json(
                          Service.REFERRAL,
                          "/api/referrals/" + id + "/start",
                          receiver.sor(),
                          Bodies.at(at).json())),
          null);
    }

    void endReferral(Organisation receiver) {
      step(
          "referral ended at " + receiver.name(),
          Step.Kind.OPTIONAL,
          with(
              "referral",
              id ->
                  at ->
                      Call.json(
                          Service.REFERRAL,
                          "/api/referrals/" + id + "/end",
                          receiver.sor(),
                          Bodies.at(at).json())),
          null);
    }

    Stay newStay(Organisation department, boolean emergency) {
      return new Stay(p, department, emergency, random.nextDouble() < MEDCOM_SHARE);
    }

    void admit(Stay stay) {
      if (stay.medcom != null) {
        HospitalNotificationEvent event =
            stay.emergency ? HospitalNotificationEvent.STAA : HospitalNotificationEvent.STIN;
        medcom(stay, event, Step.Kind.ESSENTIAL);
        return;
      }
      step(
          (stay.emergency ? "emergency contact" : "admission")
              + " at "
              + stay.department.name()
              + " (REST)",
          Step.Kind.ESSENTIAL,
          at ->
              Call.json(
                  Service.REFERRAL,
                  "/api/hospital-stays",
                  stay.department.sor(),
                  Bodies.at(at)
                      .put("cpr", p.cpr)
                      .put("episodeOfCareId", UUID.randomUUID().toString())
                      .put("serviceProviderSor", stay.department.sor())
                      .put("encounterClass", stay.emergency ? "EMER" : "IMP")
                      .json()),
          json -> ids.put(stay.key, json.path("id").asText()));
    }

    void leave(Stay stay) {
      stayChange(stay, HospitalNotificationEvent.STOR, "leave", "leave starts");
    }

    void leaveEnd(Stay stay) {
      stayChange(stay, HospitalNotificationEvent.SLOR, "leave-end", "back from leave");
    }

    void discharge(Stay stay) {
      stayChange(stay, HospitalNotificationEvent.SLHJ, "discharge", "discharged");
    }

    /**
     * Dies during the stay: MORS, or (for a stay reported over REST) a death reported by the
     * department.
     */
    void death(Stay stay) {
      script.endsInDeath = true;
      if (stay.medcom != null) {
        script.add(
            new Step(
                "HospitalNotification MORS from " + stay.department.name(),
                t,
                Step.Kind.ESSENTIAL,
                at -> stay.medcom.message(HospitalNotificationEvent.MORS, at),
                json -> {
                  stay.medcom.accepted();
                  p.deceased = true;
                }));
        return;
      }
      step(
          "death reported by " + stay.department.name(),
          Step.Kind.ESSENTIAL,
          at ->
              Call.json(
                  Service.REFERRAL,
                  "/api/deaths",
                  stay.department.sor(),
                  Bodies.at(at).put("cpr", p.cpr).json()),
          json -> p.deceased = true);
    }

    private void stayChange(Stay stay, HospitalNotificationEvent event, String path, String what) {
      if (stay.medcom != null) {
        medcom(stay, event, Step.Kind.ESSENTIAL);
        return;
      }
      step(
          what + " at " + stay.department.name() + " (REST)",
          Step.Kind.ESSENTIAL,
          with(
              stay.key,
              id ->
                  at ->
                      Call.json(
                          Service.REFERRAL,
                          "/api/hospital-stays/" + id + "/" + path,
                          stay.department.sor(),
                          Bodies.at(at).json())),
          null);
    }

    private void medcom(Stay stay, HospitalNotificationEvent event, Step.Kind kind) {
      step(
          "HospitalNotification "
              + event
              + " ("
              + stay.medcom.encounterClass
              + ") from "
              + stay.department.name()
              + " to "
              + p.municipality.name(),
          kind,
          at -> stay.medcom.message(event, at),
          json -> stay.medcom.accepted());
    }

    /**
     * R27: the organisation holding PRD names the doctor; the ledger must have seen the fact that
     * made it holder.
     */
    void nameDoctor(Organisation organisation) {
      Doctors.Doctor doctor = doctors.at(organisation.sor());
      step(
          "named doctor at " + organisation.name(),
          Step.Kind.LEDGER,
          at ->
              p.patientKey == null
                  ? null
                  : Call.json(
                      Service.RESPONSIBILITY,
                      "/api/patients/" + p.patientKey + "/named-doctor",
                      organisation.sor(),
                      Bodies.at(at)
                          .put("doctorId", doctor.authorisationId())
                          .put("name", doctor.name())
                          .json()),
          null);
    }

    /**
     * After discharge the department keeps the patient in an outpatient course (R11: it keeps PRD)
     * and proposes to hand responsibility over to the GP (R23), who accepts, rejects or does not
     * answer (R24).
     */
    void followUpAndHandover(Organisation department, boolean referralOpen) {
      if (referralOpen) {
        // The in-hospital part of the referral ends with the stay; left open, it would keep PRD at
        // the department
        // (R18) whatever the GP accepts for the outpatient course.
        endReferral(department);
        after(hours(2, 48));
      }
      step(
          "outpatient course started at " + department.name(),
          Step.Kind.ESSENTIAL,
          at ->
              Call.json(
                  Service.REFERRAL,
                  "/api/courses",
                  department.sor(),
                  Bodies.at(at)
                      .put("kind", "OUTPATIENT")
                      .put("cpr", p.cpr)
                      .put("ownerSor", department.sor())
                      .put("referrerSor", p.gp.sor())
                      .json()),
          json -> ids.put("course", json.path("id").asText()));
      after(days(3, 14));
      double r = random.nextDouble();
      Answer answer = r < 0.55 ? Answer.ACCEPT : r < 0.75 ? Answer.REJECT : Answer.NONE;
      handoverToGp(department, answer);
      if (answer == Answer.NONE) {
        return; // left open: the coordinators see it unanswered
      }
      if (answer == Answer.ACCEPT && random.nextBoolean()) {
        after(hours(1, 24));
        nameDoctor(p.gp);
      }
      after(days(5, 20));
      endCourse(department, "course", null);
    }

    void handoverToGp(Organisation from, Answer answer) {
      Doctors.Doctor gpDoctor = random.nextBoolean() ? doctors.at(p.gp.sor()) : null;
      String channel = DanishNames.pick(List.of("ORAL", "ELECTRONIC", "WRITTEN"), random);
      boolean channelInProposal = random.nextBoolean();
      boolean relativesInformed = random.nextBoolean();
      String reason = DanishNames.pick(HANDOVER_REASONS, random);
      Duration silence = minutes(3, 25);
      step(
          "handover proposed by "
              + from.name()
              + " to "
              + p.gp.name()
              + " ("
              + switch (answer) {
                case ACCEPT -> "will be accepted";
                case REJECT -> "will be rejected";
                case NONE -> "will stay unanswered";
              }
              + ")",
          Step.Kind.LEDGER,
          at ->
              p.patientKey == null
                  ? null
                  : Call.json(
                      Service.RESPONSIBILITY,
                      "/api/handovers",
                      from.sor(),
                      Bodies.at(at)
                          .put("patientKey", p.patientKey)
                          .put("toSor", p.gp.sor())
                          .doctor("toDoctor", gpDoctor)
                          .put("reason", reason)
                          .put("patientInformed", true)
                          .put("relativesInformed", relativesInformed)
                          .put("agreementChannel", channelInProposal ? channel : null)
                          .put("respondBy", respondBy(at, answer, silence).toString())
                          .json()),
          json -> ids.put("handover", json.path("id").asText()));
      if (answer == Answer.NONE) {
        return;
      }
      after(hours(1, 30));
      if (answer == Answer.ACCEPT) {
        step(
            "handover accepted by " + p.gp.name() + " (" + channel.toLowerCase() + " agreement)",
            Step.Kind.OPTIONAL,
            with(
                "handover",
                id ->
                    at ->
                        Call.json(
                            Service.RESPONSIBILITY,
                            "/api/handovers/" + id + "/accept",
                            p.gp.sor(),
                            Bodies.at(at).put("agreementChannel", channel).json())),
            null);
      } else {
        String rejection = DanishNames.pick(HANDOVER_REJECTIONS, random);
        step(
            "handover rejected by " + p.gp.name(),
            Step.Kind.OPTIONAL,
            with(
                "handover",
                id ->
                    at ->
                        Call.json(
                            Service.RESPONSIBILITY,
                            "/api/handovers/" + id + "/reject",
                            p.gp.sor(),
                            Bodies.at(at).put("reason", rejection).json())),
            null);
      }
    }

    /**
     * An answered handover gets its answer before the deadline (at least ten minutes from now, so
     * the timeout job does not beat the demo to it); an unanswered one times out a few minutes from
     * now, so coordinators see it turn UNANSWERED while they watch.
     */
    private Instant respondBy(Instant at, Answer answer, Duration silence) {
      Instant now = Instant.now();
      if (answer == Answer.NONE) {
        return now.plus(silence);
      }
      Instant usual = at.plus(Duration.ofHours(48));
      Instant soonest = now.plus(Duration.ofMinutes(10));
      return usual.isAfter(soonest) ? usual : soonest;
    }

    /**
     * An acute function course of the municipality; referred by {@code hospital}, or else by GP /
     * out-of-hours by the clock.
     */
    void startAcuteCourse(Organisation municipality, Organisation hospital) {
      String form = random.nextDouble() < 0.75 ? "TEAM" : "PLACE";
      step(
          "acute function course ("
              + form.toLowerCase()
              + ") started by "
              + municipality.name()
              + ",",
          Step.Kind.ESSENTIAL,
          at -> {
            Organisation referrer =
                hospital != null ? hospital : gpHours(at) ? p.gp : region.outOfHours();
            String kind = hospital != null ? "HOSPITAL" : referrer == p.gp ? "GP" : "OUT_OF_HOURS";
            return Call.json(
                    Service.REFERRAL,
                    "/api/courses",
                    municipality.sor(),
                    Bodies.at(at)
                        .put("kind", "ACUTE_FUNCTION")
                        .put("cpr", p.cpr)
                        .put("ownerSor", municipality.sor())
                        .put("referrerKind", kind)
                        .put("referrerSor", referrer.sor())
                        .put("form", form)
                        .json())
                .note("referred by " + referrer.name());
          },
          json -> ids.put("course", json.path("id").asText()));
    }

    void declineAcuteReferral(Organisation municipality) {
      String reason = DanishNames.pick(ACUTE_DECLINES, random);
      step(
          "acute function referral declined by " + municipality.name(),
          Step.Kind.OPTIONAL,
          at -> {
            boolean gp = gpHours(at);
            Organisation referrer = gp ? p.gp : region.outOfHours();
            return Call.json(
                    Service.REFERRAL,
                    "/api/acute-referrals/declined",
                    municipality.sor(),
                    Bodies.at(at)
                        .put("cpr", p.cpr)
                        .put("acuteFunctionSor", municipality.sor())
                        .put("referrerKind", gp ? "GP" : "OUT_OF_HOURS")
                        .put("referrerSor", referrer.sor())
                        .put("reason", reason)
                        .json())
                .note("(referred by " + referrer.name() + ")");
          },
          null);
    }

    void endCourse(Organisation owner, String key, String exit) {
      step(
          "course ended at "
              + owner.name()
              + (exit != null ? " (exit " + exit.toLowerCase() + ")" : ""),
          Step.Kind.OPTIONAL,
          with(
              key,
              id ->
                  at ->
                      Call.json(
                          Service.REFERRAL,
                          "/api/courses/" + id + "/end",
                          owner.sor(),
                          Bodies.at(at).put("exit", exit).json())),
          null);
    }
  }

  // ---------------------------------------------------------------- time

  /** GP hours (R2): Monday to Friday, 08:00 ≤ t < 16:00 Danish time (public holidays aside). */
  static boolean gpHours(Instant at) {
    ZonedDateTime local = at.atZone(DANISH_TIME);
    return local.getDayOfWeek() != DayOfWeek.SATURDAY
        && local.getDayOfWeek() != DayOfWeek.SUNDAY
        && local.getHour() >= 8
        && local.getHour() < 16;
  }

  private Duration minutes(double from, double to) {
    return Duration.ofSeconds((long) ((from + random.nextDouble() * (to - from)) * 60));
  }

  private Duration hours(double from, double to) {
    return minutes(from * 60, to * 60);
  }

  private Duration days(double from, double to) {
    return hours(from * 24, to * 24);
  }
}
