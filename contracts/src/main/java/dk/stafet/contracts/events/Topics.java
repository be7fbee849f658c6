package dk.stafet.contracts.events;

/** The Kafka topics Stafet's services agree on; documented in docs/events.md. */
public final class Topics {

  /** MedCom message Bundles into Stafet (value: the Bundle as JSON or XML). */
  public static final String MEDCOM_INBOUND = "medcom.inbound";

  /**
   * Prefix of each recipient's own topic; the recipient's GLN follows. Acks and notifications both
   * go here.
   */
  public static final String MEDCOM_OUTBOUND_PREFIX = "medcom.outbound.";

  /**
   * Canonical course facts from referral-service: referrals, admissions, discharges, deaths, acute
   * courses.
   */
  public static final String COURSE_EVENTS = "stafet.course-events";

  /**
   * MedCom messages the front door accepted for delivery to another organisation, and
   * acknowledgements it received.
   */
  public static final String MEDCOM_MESSAGE_EVENTS = "stafet.medcom-message-events";

  /** Responsibility changes, handovers and alarms from responsibility-service. */
  public static final String RESPONSIBILITY_EVENTS = "stafet.responsibility-events";

  /** Delivery states and escalations from notification-service. */
  public static final String DELIVERY_EVENTS = "stafet.delivery-events";

  private Topics() {}

  /** The per-recipient topic, e.g. {@code medcom.outbound.5790001348120}. */
  public static String outboundFor(String recipientGln) {
    if (recipientGln == null || !recipientGln.matches("\\d{13}")) {
      throw new IllegalArgumentException("recipient topic needs a 13-digit GLN");
    }
    return MEDCOM_OUTBOUND_PREFIX + recipientGln;
  }
}
