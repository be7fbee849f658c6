package dk.stafet.referral.inbound;

/** How an input reached the front door. */
public enum Channel {
  HTTP,
  KAFKA
}
