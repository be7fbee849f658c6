package dk.stafet.responsibility.fhir;

import dk.stafet.responsibility.careplan.CarePlanService;
import dk.stafet.responsibility.domain.careplan.CarePlan;
import dk.stafet.responsibility.domain.careplan.CaseManager;
import dk.stafet.responsibility.domain.careplan.PlanActivity;
import dk.stafet.service.fhir.FhirReferences;
import java.sql.Date;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A shared course and action plan (brief C10) as a FHIR R4 CarePlan (docs/fhir-api.md, "CarePlan"):
 * id = the plan's id; author = the organisation that created it; contributor = every organisation
 * in the plan; careTeam = a contained CareTeam whose one participant is the case manager (role
 * "case manager", member the person, onBehalfOf the organisation); activity = one per effort, its
 * detail's performer the owning organisation. Stafet's own facts that FHIR has no element for are
 * extensions: who chose the case manager, the closing talk, a child's transition at 18.
 */
class CarePlanMapper {

  static final String EXTENSION = "https://stafet.dk/fhir/StructureDefinition/";
  static final String CHOSEN_BY = EXTENSION + "care-plan-case-manager-chosen-by";
  static final String CLOSING_TALK = EXTENSION + "care-plan-closing-talk";
  static final String TRANSITION_AT_18 = EXTENSION + "care-plan-transition-at-18";
  static final String KIND_SYSTEM = "https://stafet.dk/fhir/CodeSystem/care-plan-kind";

  private final Function<String, String> nameOfSor;

  /**
   * @param nameOfSor an organisation's name by SOR code (null when the register has none)
   */
  CarePlanMapper(Function<String, String> nameOfSor) {
    this.nameOfSor = nameOfSor;
  }

  org.hl7.fhir.r4.model.CarePlan map(CarePlanService.Stored stored, String cpr) {
    CarePlan plan = stored.plan();
    org.hl7.fhir.r4.model.CarePlan fhir = new org.hl7.fhir.r4.model.CarePlan();
    fhir.setId(plan.id());
    fhir.setStatus(status(plan));
    fhir.setIntent(org.hl7.fhir.r4.model.CarePlan.CarePlanIntent.PLAN);
    fhir.addCategory(
        new CodeableConcept()
            .setText("Fælles forpligtende forløbs- og handleplan")
            .addCoding(
                new org.hl7.fhir.r4.model.Coding()
                    .setSystem(KIND_SYSTEM)
                    .setCode(plan.kind().name())));
    fhir.setTitle(stored.row().title);
    fhir.setSubject(
        cpr != null
            ? FhirReferences.patient(cpr)
            : FhirReferences.patientByKey(stored.row().patientKey));
    Period period = new Period().setStartElement(FhirReferences.instant(plan.createdAt()));
    plan.endedAt().ifPresent(end -> period.setEndElement(FhirReferences.instant(end)));
    fhir.setPeriod(period);
    fhir.setCreatedElement(FhirReferences.instant(plan.createdAt()));
    fhir.setAuthor(organisation(plan.authorSor()));
    plan.participants().forEach(sor -> fhir.addContributor(organisation(sor)));
    plan.caseManager().ifPresent(manager -> caseManager(fhir, manager));
    plan.closingTalk()
        .ifPresent(
            talk ->
                fhir.addExtension()
                    .setUrl(CLOSING_TALK)
                    .setValue(FhirReferences.instant(talk.at())));
    plan.transitionAt()
        .ifPresent(
            at ->
                fhir.addExtension()
                    .setUrl(TRANSITION_AT_18)
                    .setValue(new DateType(Date.valueOf(at))));
    plan.activities().forEach(activity -> activity(fhir, activity));
    return fhir;
  }

  private void caseManager(org.hl7.fhir.r4.model.CarePlan fhir, CaseManager manager) {
    CareTeam team = new CareTeam();
    team.setId("case-manager");
    team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
    CareTeam.CareTeamParticipantComponent participant = team.addParticipant();
    participant.addRole().setText("case manager");
    participant.setOnBehalfOf(organisation(manager.organisationSor()));
    participant.setMember(
        manager.person() != null
            ? new Reference().setType("Practitioner").setDisplay(manager.person())
            : organisation(manager.organisationSor()));
    participant.setPeriod(new Period().setStartElement(FhirReferences.instant(manager.at())));
    team.addExtension().setUrl(CHOSEN_BY).setValue(new CodeType(manager.chosenBy().name()));
    fhir.addContained(team);
    fhir.addCareTeam(new Reference("#case-manager"));
  }

  private void activity(org.hl7.fhir.r4.model.CarePlan fhir, PlanActivity activity) {
    org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent component = fhir.addActivity();
    component.setId(activity.id());
    org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent detail = component.getDetail();
    detail.setStatus(
        switch (activity.status()) {
          case PLANNED -> org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus.NOTSTARTED;
          case ACTIVE -> org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus.INPROGRESS;
          case COMPLETED -> org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus.COMPLETED;
          case CANCELLED -> org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus.CANCELLED;
        });
    detail.setDescription(activity.description());
    detail.addPerformer(organisation(activity.ownerSor()));
    if (activity.start() != null || activity.end() != null) {
      Period scheduled = new Period();
      if (activity.start() != null) {
        scheduled.setStartElement(
            new org.hl7.fhir.r4.model.DateTimeType(activity.start().toString()));
      }
      if (activity.end() != null) {
        scheduled.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(activity.end().toString()));
      }
      detail.setScheduled(scheduled);
    }
  }

  private static org.hl7.fhir.r4.model.CarePlan.CarePlanStatus status(CarePlan plan) {
    return switch (plan.status()) {
      case DRAFT -> org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.DRAFT;
      case ACTIVE -> org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.ACTIVE;
      case COMPLETED -> org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.COMPLETED;
      case REVOKED -> org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.REVOKED;
    };
  }

  private Reference organisation(String sor) {
    Reference reference =
        new Reference()
            .setType("Organization")
            .setIdentifier(new Identifier().setSystem(FhirSupport.SOR_SYSTEM).setValue(sor));
    String name = nameOfSor.apply(sor);
    if (name != null) {
      reference.setDisplay(name);
    }
    return reference;
  }
}
