package dk.stafet.responsibility.domain.rules;

/** Brief's status column: how firmly a rule is grounded in the seed documents. */
public enum RuleStatus {
  /** Stated in a seed document. */
  SEED,
  /** Our reading of an unclear passage — an open clinical question. */
  INTERPRETATION,
  /**
   * The seeds are silent; the safest option was chosen — an open clinical question, keep
   * configurable.
   */
  PROPOSAL
}
