package dk.stafet.responsibility.ledger;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.OrgId;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.CourseKind;
import dk.stafet.responsibility.domain.course.CourseRef;
import dk.stafet.responsibility.domain.rules.PatientResponsibleDoctor;
import dk.stafet.responsibility.domain.rules.ResponsibilityAlarm;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.RuleId;
import dk.stafet.responsibility.domain.rules.TreatmentArrangement;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ResponsibilityDecision} flattened into the columns of {@code ledger_entry}, plus the
 * named doctor's display name. Converts both ways, so reads answer from the stored ledger without a
 * replay.
 */
public record StoredDecision(
    String holderSor,
    String holderKind,
    String doctorId,
    String doctorName,
    String treatment,
    String ruleId,
    String treatmentRuleId,
    String courseKind,
    String courseId,
    String alarm,
    String alarmReason,
    String alarmIntendedBy,
    String treatingSor) {

  public static StoredDecision of(
      ResponsibilityDecision decision, Map<String, String> doctorNames) {
    Optional<PatientResponsibleDoctor> prd = decision.prd();
    String doctorId =
        prd.flatMap(PatientResponsibleDoctor::namedDoctor)
            .map(DoctorId::authorisationId)
            .orElse(null);
    String alarm = null;
    String alarmReason = null;
    String intendedBy = null;
    if (decision.alarm().isPresent()) {
      ResponsibilityAlarm a = decision.alarm().get();
      alarm = a.name();
      if (a instanceof ResponsibilityAlarm.GapAlarm gap) {
        alarmReason = gap.reason();
      } else if (a instanceof ResponsibilityAlarm.NoReceiverAlarm noReceiver) {
        alarmReason = noReceiver.reason();
        intendedBy = noReceiver.intendedBy().name();
      }
    }
    return new StoredDecision(
        prd.map(p -> p.organisation().id().sor()).orElse(null),
        prd.map(p -> p.organisation().kind().name()).orElse(null),
        doctorId,
        doctorId == null ? null : doctorNames.get(doctorId),
        decision.treatment().name(),
        decision.decidedBy().name(),
        decision.treatmentDecidedBy().name(),
        decision.decidingCourse().map(c -> c.kind().name()).orElse(null),
        decision.decidingCourse().map(CourseRef::id).orElse(null),
        alarm,
        alarmReason,
        intendedBy,
        decision.treatingSpecialist().map(s -> s.id().sor()).orElse(null));
  }

  public ResponsibilityDecision toDomain() {
    Optional<PatientResponsibleDoctor> prd =
        Optional.ofNullable(holderSor)
            .map(
                sor ->
                    new PatientResponsibleDoctor(
                        new Organisation(OrgId.of(sor), OrganisationKind.valueOf(holderKind)),
                        Optional.ofNullable(doctorId).map(DoctorId::of)));
    Optional<CourseRef> course =
        courseKind == null
            ? Optional.empty()
            : Optional.of(new CourseRef(CourseKind.valueOf(courseKind), courseId));
    Optional<ResponsibilityAlarm> alarmValue =
        Optional.ofNullable(alarm)
            .map(
                name ->
                    "gap".equals(name)
                        ? new ResponsibilityAlarm.GapAlarm(alarmReason)
                        : new ResponsibilityAlarm.NoReceiverAlarm(
                            RuleId.valueOf(alarmIntendedBy), alarmReason));
    return new ResponsibilityDecision(
        prd,
        TreatmentArrangement.valueOf(treatment),
        RuleId.valueOf(ruleId),
        RuleId.valueOf(treatmentRuleId),
        course,
        alarmValue,
        Optional.ofNullable(treatingSor).map(Organisation::practisingSpecialist));
  }

  public boolean isDeceased() {
    return RuleId.R20.name().equals(ruleId);
  }
}
