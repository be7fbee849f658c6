package dk.stafet.referral.security;

import java.util.Objects;

/**
 * Who may see what (docs/course-facts.md, "Access rule"):
 *
 * <ul>
 *   <li>the patient's listed GP and municipality (where known) see all of the patient's referrals,
 *       stays and courses;
 *   <li>any other organisation sees only the referrals, stays and courses it is a party to:
 *       referrer, receiver or forwarded-to organisation of a referral, admitting department of a
 *       stay, owner, referrer or administering organisation of a course;
 *   <li>everything else is answered as if it did not exist (404), so existence is not revealed.
 * </ul>
 *
 * SOR codes are compared exactly: a hospital does not see what its departments registered.
 */
public final class AccessRule {

  /** Something an organisation can be a party to. */
  public interface Involving {
    boolean involves(String sor);
  }

  private AccessRule() {}

  /**
   * True if {@code callerSor} holds a patient-level role: listed GP or municipality of residence.
   */
  public static boolean hasPatientRole(
      String callerSor, String listedGpSor, String municipalitySor) {
    return Objects.equals(callerSor, listedGpSor) || Objects.equals(callerSor, municipalitySor);
  }

  public static boolean maySee(
      String callerSor, String listedGpSor, String municipalitySor, Involving resource) {
    return hasPatientRole(callerSor, listedGpSor, municipalitySor) || resource.involves(callerSor);
  }
}
