package dk.stafet.responsibility.domain.rules;

import java.util.List;

/**
 * A rule of the table that turns active courses into PRD {@link Claim}s. One implementation per
 * rule (or per closely related pair of rules), each citing its R id.
 */
public interface CourseRule {

  /** The main rule this class implements. */
  RuleId id();

  /** The claims this rule makes for the given situation; empty if it does not apply. */
  List<Claim> claims(PatientSituation situation);
}
