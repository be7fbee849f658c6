package dk.stafet.referral.course.service;

/**
 * A command that is well-formed but incomplete or contradictory for its case, e.g. a rejection
 * without reason (422).
 */
public class InvalidCommandException extends RuntimeException {

  public InvalidCommandException(String problem) {
    super(problem);
  }
}
