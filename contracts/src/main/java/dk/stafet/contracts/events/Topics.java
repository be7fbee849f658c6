package dk.stafet.contracts.events;

import java.util.List;
import java.util.Optional;

/** The Kafka topics Stafet's services agree on; documented in docs/events.md. */
public final class Topics {

  /**
   * Prefix of each sender's own inbound topic; the sender's GLN follows. MedCom message Bundles
   * into Stafet (value: the Bundle as JSON or XML). Only the sender's Kafka principal may write its
   * topic, so the topic name is the authenticated sender (docs/security.md).
   */
  public static final String MEDCOM_INBOUND_PREFIX = "medcom.inbound.";

  /** The pattern of every sender's inbound topic, as referral-service subscribes to it. */
  public static final String MEDCOM_INBOUND_PATTERN = "medcom[.]inbound[.][0-9]{13}";

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

  /** The sender's own inbound topic, e.g. {@code medcom.inbound.5790001348120}. */
  public static String inboundFrom(String senderGln) {
    if (senderGln == null || !senderGln.matches("\\d{13}")) {
      throw new IllegalArgumentException("sender topic needs a 13-digit GLN");
    }
    return MEDCOM_INBOUND_PREFIX + senderGln;
  }

  /**
   * An organisation's own two topics, its inbound and its outbound one: what a broker must hold
   * before the organisation's first message (production's KafkaTopics in deploy/; local brokers
   * create them at start, so no answer waits for a topic's auto-creation).
   */
  public static List<String> ofOrganisation(String gln) {
    return List.of(inboundFrom(gln), outboundFor(gln));
  }

  /**
   * The sender GLN an inbound topic names, or empty when the topic is no sender's inbound topic.
   */
  public static Optional<String> senderOfInbound(String topic) {
    return topic != null && topic.matches(MEDCOM_INBOUND_PATTERN)
        ? Optional.of(topic.substring(MEDCOM_INBOUND_PREFIX.length()))
        : Optional.empty();
  }
}
