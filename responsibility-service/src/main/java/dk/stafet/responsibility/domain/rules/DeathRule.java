package dk.stafet.responsibility.domain.rules;

/**
 * R20 (proposal): from the instant of death there is no PRD and no treatment responsibility;
 * pending handovers become void and later events reopen nothing. Strongest in R21's precedence.
 */
public final class DeathRule {

  private DeathRule() {}

  public static boolean applies(PatientSituation situation) {
    return situation.deathAt().isPresent();
  }
}
