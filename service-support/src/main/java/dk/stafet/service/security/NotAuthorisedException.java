package dk.stafet.service.security;

import dk.stafet.contracts.identity.StafetRole;

/**
 * The caller is who its token says, but may not make this request (a write only a role may make,
 * such as the listed GP from the national register); answered 403 with the problem code {@value
 * #CODE} ({@link SecurityProblems}).
 */
public class NotAuthorisedException extends RuntimeException {

  public static final String CODE = "NOT_AUTHORISED";

  public NotAuthorisedException(String what, StafetRole required) {
    super(what + " is for the " + required.name() + " role only", null, false, false);
  }
}
