package dk.stafet.referral.course;

/**
 * The maximum-waiting-time rule a referral falls under (domain brief §8, W1–W8). Only the
 * identifier lives here; the day limits are configuration data of the service that watches the
 * deadlines.
 */
public enum WaitingTimeRule {
  W1,
  W2,
  W3,
  W4,
  W5,
  W6,
  W7,
  W8
}
