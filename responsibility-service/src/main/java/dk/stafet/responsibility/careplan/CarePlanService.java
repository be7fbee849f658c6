package dk.stafet.responsibility.careplan;

import dk.stafet.contracts.cpr.CprNumber;
import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.responsibility.domain.careplan.ActivityStatus;
import dk.stafet.responsibility.domain.careplan.CarePlan;
import dk.stafet.responsibility.domain.careplan.CarePlanKind;
import dk.stafet.responsibility.domain.careplan.CarePlanStatus;
import dk.stafet.responsibility.domain.careplan.CarePlans;
import dk.stafet.responsibility.domain.careplan.CaseManager;
import dk.stafet.responsibility.domain.careplan.ClosingTalk;
import dk.stafet.responsibility.domain.careplan.PlanActivity;
import dk.stafet.responsibility.ledger.Patient;
import dk.stafet.responsibility.ledger.PatientDied;
import dk.stafet.responsibility.messaging.ResponsibilityEvents;
import dk.stafet.responsibility.organisation.OrganisationDirectory;
import dk.stafet.responsibility.organisation.OrganisationInfo;
import dk.stafet.responsibility.rest.InvalidRequestException;
import dk.stafet.responsibility.rest.NotFoundException;
import dk.stafet.responsibility.rest.OccurredAt;
import dk.stafet.responsibility.security.PatientAccess;
import dk.stafet.responsibility.security.PatientNotFoundException;
import dk.stafet.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The shared course and action plan (brief C10, docs/care-plan.md): checks who may act, runs the
 * domain's {@link CarePlan} command, stores the result and publishes the change through the outbox
 * in the same transaction. Organisation-scoped like every patient endpoint: a caller not involved
 * gets the answer a plan or patient nobody has gets.
 */
@ApplicationScoped
public class CarePlanService {

  private final PatientAccess access;
  private final Caller caller;
  private final OrganisationDirectory directory;
  private final ResponsibilityEvents events;
  private final CarePlanConfig config;

  public CarePlanService(
      PatientAccess access,
      Caller caller,
      OrganisationDirectory directory,
      ResponsibilityEvents events,
      CarePlanConfig config) {
    this.access = access;
    this.caller = caller;
    this.directory = directory;
    this.events = events;
    this.config = config;
  }

  @Transactional
  public CarePlanViews.Plan create(CarePlanViews.Create command) {
    if (command == null || command.patientKey() == null || command.patientKey().isBlank()) {
      throw new InvalidRequestException("PATIENT_KEY_MISSING", "patientKey is required");
    }
    String author = access.requireInvolved(command.patientKey(), "care-plan-create");
    Patient patient =
        Patient.locked(command.patientKey()).orElseThrow(PatientNotFoundException::new);
    CarePlanKind kind = parse(CarePlanKind.class, command.kind(), "kind", "CHILD, COMPLEX_ADULT");
    Instant at = OccurredAt.orNow(command.occurredAt());
    UUID id = UUID.randomUUID();
    CarePlan plan = CarePlan.create(id.toString(), kind, author, at, birthDate(patient));
    if (command.activities() != null) {
      command.activities().forEach(a -> plan.addActivity(author, activity(a)));
    }
    CarePlanRow row = new CarePlanRow();
    row.id = id;
    row.patientKey = patient.patientKey;
    row.title = command.title();
    row.createdAt = at;
    store(plan, row);
    publish(patient, row, plan, ResponsibilityEventType.CARE_PLAN_CREATED, at, author, d -> {});
    return view(plan, row);
  }

  @Transactional
  public CarePlanViews.Plan addActivity(UUID planId, CarePlanViews.NewActivity body) {
    Acting acting = staff(planId, "care-plan-activity-add");
    if (body == null) {
      throw new InvalidRequestException("BODY_MISSING", "the activity is required");
    }
    PlanActivity activity = activity(body);
    CarePlanStatus before = acting.plan().status();
    acting.plan().addActivity(acting.sor(), activity);
    store(acting.plan(), acting.row());
    publish(
        acting,
        ResponsibilityEventType.CARE_PLAN_ACTIVITY_CHANGED,
        Instant.now(),
        d ->
            d.detail("activityId", activity.id())
                .detail("activityOwner", activity.ownerSor())
                .detail("activityStatus", activity.status())
                .detail("change", "ADDED")
                .detail("activated", before != acting.plan().status() ? "true" : null));
    return view(acting.plan(), acting.row());
  }

  @Transactional
  public CarePlanViews.Plan updateActivity(
      UUID planId, String activityId, CarePlanViews.UpdateActivity body) {
    Acting acting = staff(planId, "care-plan-activity-update");
    if (body == null) {
      throw new InvalidRequestException("BODY_MISSING", "status, start or end is required");
    }
    ActivityStatus status =
        body.status() == null
            ? null
            : parse(
                ActivityStatus.class,
                body.status(),
                "status",
                "PLANNED, ACTIVE, COMPLETED, CANCELLED");
    PlanActivity updated =
        acting.plan().updateActivity(acting.sor(), activityId, status, body.start(), body.end());
    store(acting.plan(), acting.row());
    publish(
        acting,
        ResponsibilityEventType.CARE_PLAN_ACTIVITY_CHANGED,
        Instant.now(),
        d ->
            d.detail("activityId", updated.id())
                .detail("activityOwner", updated.ownerSor())
                .detail("activityStatus", updated.status())
                .detail("change", "UPDATED"));
    return view(acting.plan(), acting.row());
  }

  /** The citizen (through the portal) or the staff of an organisation in the plan chooses. */
  @Transactional
  public CarePlanViews.Plan chooseCaseManager(UUID planId, CarePlanViews.ChooseCaseManager body) {
    if (!access.callerIsPatientPortal()) {
      // The role first, the same 403 for every id (as for the other commands).
      caller.requireRole(StafetRole.STAFF, "choosing a case manager");
    }
    CarePlanRow candidate = candidate(planId);
    String sor;
    try {
      sor = access.requireInvolvedOrCitizen(candidate.patientKey, "care-plan-case-manager");
    } catch (PatientNotFoundException notInvolved) {
      throw new NotFoundException("care plan");
    }
    boolean citizen = access.callerIsPatientPortal();
    Acting acting = load(candidate, sor);
    if (body == null || body.organisationSor() == null || body.organisationSor().isBlank()) {
      throw new InvalidRequestException("ORGANISATION_MISSING", "organisationSor is required");
    }
    Instant at = Instant.now();
    CarePlanStatus before = acting.plan().status();
    acting
        .plan()
        .chooseCaseManager(
            citizen ? null : sor,
            new CaseManager(
                body.organisationSor().trim(),
                blankToNull(body.person()),
                citizen ? CaseManager.ChosenBy.CITIZEN : CaseManager.ChosenBy.STAFF,
                at));
    store(acting.plan(), acting.row());
    publish(
        acting.patient(),
        acting.row(),
        acting.plan(),
        ResponsibilityEventType.CARE_PLAN_CASE_MANAGER_CHOSEN,
        at,
        citizen ? null : sor,
        d ->
            d.detail("caseManagerSor", body.organisationSor().trim())
                .detail("chosenBy", citizen ? "CITIZEN" : "STAFF")
                .detail("activated", before != acting.plan().status() ? "true" : null));
    return view(acting.plan(), acting.row());
  }

  @Transactional
  public CarePlanViews.Plan recordClosingTalk(UUID planId, CarePlanViews.At body) {
    return close(
        planId,
        body,
        "care-plan-closing-talk",
        CarePlan::recordClosingTalk,
        ResponsibilityEventType.CARE_PLAN_CLOSING_TALK_RECORDED);
  }

  @Transactional
  public CarePlanViews.Plan complete(UUID planId, CarePlanViews.At body) {
    return close(
        planId,
        body,
        "care-plan-complete",
        CarePlan::complete,
        ResponsibilityEventType.CARE_PLAN_COMPLETED);
  }

  @Transactional
  public CarePlanViews.Plan revoke(UUID planId, CarePlanViews.At body) {
    return close(
        planId,
        body,
        "care-plan-revoke",
        CarePlan::revoke,
        ResponsibilityEventType.CARE_PLAN_REVOKED);
  }

  /**
   * R20: a plan ends with its patient. In the ledger's recording transaction, every open plan of
   * the patient is revoked at the death with its open efforts cancelled, and the plan's
   * organisations are told (by Stafet: no organisation acted), so none keeps working on the plan.
   */
  void onDeath(@Observes PatientDied died) {
    Patient patient = null; // locked once, when the first plan ends
    for (CarePlanRow row : CarePlanRow.ofPatient(died.patientKey())) {
      CarePlan plan = restore(row);
      if (plan.endOnDeath(died.at())) {
        store(plan, row);
        if (patient == null) {
          patient = Patient.locked(died.patientKey()).orElseThrow(PatientNotFoundException::new);
        }
        publish(
            patient,
            row,
            plan,
            ResponsibilityEventType.CARE_PLAN_REVOKED,
            died.at(),
            null,
            d -> d.detail("reason", "PATIENT_DIED"));
      }
    }
  }

  /** A step towards the plan's end, by the staff of an involved organisation, at a given time. */
  @FunctionalInterface
  private interface ClosingStep {
    void apply(CarePlan plan, String bySor, Instant at);
  }

  /** The closing talk, completion and revocation share one sequence: check, apply, store, tell. */
  private CarePlanViews.Plan close(
      UUID planId,
      CarePlanViews.At body,
      String action,
      ClosingStep step,
      ResponsibilityEventType type) {
    Acting acting = staff(planId, action);
    Instant at = OccurredAt.orNow(body == null ? null : body.occurredAt());
    step.apply(acting.plan(), acting.sor(), at);
    store(acting.plan(), acting.row());
    publish(acting, type, at, d -> {});
    return view(acting.plan(), acting.row());
  }

  /** The patient's plans: involved organisations, coordinators, the portal for its citizen. */
  @Transactional
  public List<CarePlanViews.Plan> ofPatient(String patientKey) {
    if (patientKey == null || patientKey.isBlank()) {
      throw new InvalidRequestException("PATIENT_KEY_MISSING", "patientKey is required");
    }
    access.requireCitizenReadable(patientKey, "care-plans");
    return CarePlanRow.ofPatient(patientKey).stream().map(r -> view(restore(r), r)).toList();
  }

  @Transactional
  public CarePlanViews.Plan read(UUID planId) {
    CarePlanRow row = candidate(planId);
    try {
      access.requireCitizenReadable(row.patientKey, "care-plan");
    } catch (PatientNotFoundException notInvolved) {
      throw new NotFoundException("care plan");
    }
    return view(restore(row), row);
  }

  /** For the FHIR reads: the plans as the domain has them, after the caller's access check. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Stored> storedOfPatient(String patientKey) {
    return CarePlanRow.ofPatient(patientKey).stream().map(r -> new Stored(r, restore(r))).toList();
  }

  /** A plan by id for the FHIR read: empty if nobody has it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Stored> stored(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
    return CarePlanRow.<CarePlanRow>findByIdOptional(uuid).map(r -> new Stored(r, restore(r)));
  }

  /** A stored plan: its row (patient, title, descriptions) and its domain state. */
  public record Stored(CarePlanRow row, CarePlan plan) {}

  // --- acting on a plan -------------------------------------------------------------------------

  private record Acting(Patient patient, CarePlanRow row, CarePlan plan, String sor) {}

  /**
   * A command by the staff of an organisation involved with the patient: the role first, the same
   * 403 for every id, then the same 404 for a plan nobody has and a plan the caller may not see.
   */
  private Acting staff(UUID planId, String action) {
    caller.requireRole(StafetRole.STAFF, "acting on a shared care plan (" + action + ")");
    CarePlanRow candidate = candidate(planId);
    String sor;
    try {
      sor = access.requireInvolved(candidate.patientKey, action);
    } catch (PatientNotFoundException notInvolved) {
      throw new NotFoundException("care plan");
    }
    return load(candidate, sor);
  }

  private Acting load(CarePlanRow candidate, String sor) {
    // Lock the patient first (every write for a patient does), then read the plan as it is now.
    Patient patient =
        Patient.locked(candidate.patientKey).orElseThrow(PatientNotFoundException::new);
    CarePlanRow row = CarePlanRow.findById(candidate.id);
    CarePlanRow.getEntityManager().refresh(row);
    return new Acting(patient, row, restore(row), sor);
  }

  private static CarePlanRow candidate(UUID planId) {
    CarePlanRow row = planId == null ? null : CarePlanRow.findById(planId);
    if (row == null) {
      throw new NotFoundException("care plan");
    }
    return row;
  }

  // --- storage --------------------------------------------------------------------------------

  static CarePlan restore(CarePlanRow row) {
    List<PlanActivity> activities =
        CarePlanActivityRow.ofPlan(row.id).stream()
            .map(
                a ->
                    new PlanActivity(
                        a.id.toString(),
                        a.ownerSor,
                        a.description,
                        ActivityStatus.valueOf(a.status),
                        a.periodStart,
                        a.periodEnd))
            .toList();
    CaseManager manager =
        row.caseManagerSor == null
            ? null
            : new CaseManager(
                row.caseManagerSor,
                row.caseManagerPerson,
                CaseManager.ChosenBy.valueOf(row.caseManagerChosenBy),
                row.caseManagerChosenAt);
    ClosingTalk talk =
        row.closingTalkAt == null ? null : new ClosingTalk(row.closingTalkAt, row.closingTalkBySor);
    return CarePlan.restore(
        row.id.toString(),
        CarePlanKind.valueOf(row.kind),
        row.authorSor,
        row.createdAt,
        row.birthDate,
        CarePlanStatus.valueOf(row.status),
        activities,
        manager,
        talk,
        row.endedAt);
  }

  private static void store(CarePlan plan, CarePlanRow row) {
    row.kind = plan.kind().name();
    row.status = plan.status().name();
    row.authorSor = plan.authorSor();
    row.birthDate = plan.birthDate().orElse(null);
    row.transitionAt = plan.transitionAt().orElse(null);
    row.caseManagerSor = plan.caseManager().map(CaseManager::organisationSor).orElse(null);
    row.caseManagerPerson = plan.caseManager().map(CaseManager::person).orElse(null);
    row.caseManagerChosenBy = plan.caseManager().map(m -> m.chosenBy().name()).orElse(null);
    row.caseManagerChosenAt = plan.caseManager().map(CaseManager::at).orElse(null);
    row.closingTalkAt = plan.closingTalk().map(ClosingTalk::at).orElse(null);
    row.closingTalkBySor = plan.closingTalk().map(ClosingTalk::heldBySor).orElse(null);
    row.endedAt = plan.endedAt().orElse(null);
    if (!row.isPersistent()) {
      row.persist();
    }
    List<PlanActivity> activities = plan.activities();
    for (int position = 0; position < activities.size(); position++) {
      PlanActivity a = activities.get(position);
      UUID id = UUID.fromString(a.id());
      CarePlanActivityRow activity = CarePlanActivityRow.findById(id);
      if (activity == null) {
        activity = new CarePlanActivityRow();
        activity.id = id;
        activity.planId = row.id;
        activity.patientKey = row.patientKey;
        activity.position = position;
        activity.ownerSor = a.ownerSor();
        activity.description = a.description();
      }
      activity.status = a.status().name();
      activity.periodStart = a.start();
      activity.periodEnd = a.end();
      if (!activity.isPersistent()) {
        activity.persist();
      }
    }
  }

  // --- events ---------------------------------------------------------------------------------

  private void publish(
      Acting acting,
      ResponsibilityEventType type,
      Instant at,
      Consumer<ResponsibilityEvents.Draft> details) {
    publish(acting.patient(), acting.row(), acting.plan(), type, at, acting.sor(), details);
  }

  /**
   * One canonical event per change (docs/events.md): ids, codes and SOR codes only, never the title
   * or an activity's description (notification-service may log details).
   */
  private void publish(
      Patient patient,
      CarePlanRow row,
      CarePlan plan,
      ResponsibilityEventType type,
      Instant at,
      String bySor,
      Consumer<ResponsibilityEvents.Draft> details) {
    ResponsibilityEvents.Draft draft =
        events
            .draft(patient, type, at)
            .course(row.id.toString())
            .from(bySor)
            .to(plan.caseManager().map(CaseManager::organisationSor).orElse(null))
            .rule("C10")
            .detail("carePlanId", row.id)
            .detail("planKind", plan.kind())
            .detail("planStatus", plan.status())
            .detail("participants", String.join(",", plan.participants()))
            .detail("transitionAt", plan.transitionAt().orElse(null));
    details.accept(draft);
    draft.publish();
  }

  // --- views ----------------------------------------------------------------------------------

  CarePlanViews.Plan view(CarePlan plan, CarePlanRow row) {
    LocalDate today = LocalDate.now(CarePlans.ZONE);
    List<CarePlanViews.Activity> activities = new ArrayList<>();
    for (PlanActivity a : plan.activities()) {
      activities.add(
          new CarePlanViews.Activity(
              a.id(), org(a.ownerSor()), a.description(), a.status().name(), a.start(), a.end()));
    }
    return new CarePlanViews.Plan(
        row.id.toString(),
        row.patientKey,
        plan.kind().name(),
        plan.status().name(),
        row.title,
        org(plan.authorSor()),
        plan.createdAt(),
        activities,
        plan.caseManager()
            .map(
                m ->
                    new CarePlanViews.CaseManager(
                        org(m.organisationSor()), m.person(), m.chosenBy().name(), m.at()))
            .orElse(null),
        plan.eligibleCaseManagers().stream().map(this::org).toList(),
        plan.closingTalk()
            .map(t -> new CarePlanViews.ClosingTalk(t.at(), org(t.heldBySor())))
            .orElse(null),
        plan.endedAt().orElse(null),
        plan.transitionAt().orElse(null),
        plan.transitionNeedsAttention(today, config.transitionNotice()));
  }

  CarePlanViews.Org org(String sor) {
    return new CarePlanViews.Org(
        sor, directory.bySor(sor).map(OrganisationInfo::name).orElse(null));
  }

  private PlanActivity activity(CarePlanViews.NewActivity a) {
    if (a == null || a.ownerSor() == null || a.ownerSor().isBlank()) {
      throw new InvalidRequestException("OWNER_MISSING", "every activity needs an ownerSor");
    }
    if (directory.bySor(a.ownerSor().trim()).isEmpty()) {
      throw new InvalidRequestException(
          "UNKNOWN_ORGANISATION", "ownerSor is not in the organisation register");
    }
    if (a.description() == null || a.description().isBlank()) {
      throw new InvalidRequestException(
          "DESCRIPTION_MISSING", "every activity says what is done (description)");
    }
    ActivityStatus status =
        a.status() == null
            ? ActivityStatus.PLANNED
            : parse(
                ActivityStatus.class,
                a.status(),
                "status",
                "PLANNED, ACTIVE, COMPLETED, CANCELLED");
    return new PlanActivity(
        UUID.randomUUID().toString(),
        a.ownerSor().trim(),
        a.description(),
        status,
        a.start(),
        a.end());
  }

  /** The birth date from the CPR number, where the ledger knows it (never logged). */
  private static LocalDate birthDate(Patient patient) {
    if (patient.cpr == null) {
      return null;
    }
    try {
      return CprNumber.parse(patient.cpr).birthDate();
    } catch (RuntimeException unparsable) {
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, String allowed) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(
          field.toUpperCase(Locale.ROOT) + "_MISSING", field + " must be one of " + allowed);
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "INVALID_" + field.toUpperCase(Locale.ROOT), field + " must be one of " + allowed);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
