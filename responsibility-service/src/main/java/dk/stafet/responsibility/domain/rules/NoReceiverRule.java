package dk.stafet.responsibility.domain.rules;

/**
 * R26 (proposal): a rule that would hand responsibility to nobody — typically the patient has no
 * listed GP (7 in 10 practices are closed to new patients) — leaves it with the previous holder and
 * raises the alarm no-receiver. If there is no previous holder either, the decision is an explicit
 * gap with the alarm gap. Never a silent null.
 */
public final class NoReceiverRule {

  private NoReceiverRule() {}

  static ResponsibilityDecision resolve(PatientSituation situation, Claim winner) {
    return situation
        .previous()
        .filter(previous -> previous.prd().isPresent())
        .map(
            previous ->
                ResponsibilityDecision.noReceiver(
                    previous, winner.rule(), "no listed GP to receive responsibility"))
        .map(
            kept ->
                kept.withNamedDoctor(
                    ResponsibilityRules.namedDoctorIn(
                        situation, kept.prd().orElseThrow().organisation())))
        .orElseGet(() -> ResponsibilityDecision.gap("no listed GP and no previous holder"));
  }
}
