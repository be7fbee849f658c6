package dk.stafet.referral.course.service;

/**
 * An organisation that is not in the organisation register, or not of a kind that can play the role
 * (HTTP 422).
 */
public class UnknownOrganisationException extends RuntimeException {

  private final String role;

  public UnknownOrganisationException(String role, String problem) {
    super(role + ": " + problem);
    this.role = role;
  }

  /** The field or role the organisation was given for, e.g. {@code receiverSor}. */
  public String role() {
    return role;
  }
}
