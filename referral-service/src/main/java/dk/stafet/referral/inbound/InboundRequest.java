package dk.stafet.referral.inbound;

import java.util.UUID;

/**
 * One input at the front door, as raw bytes: both doors (HTTP and Kafka) hand it over unparsed, so
 * the raw form can be kept in quarantine whatever is wrong with it.
 *
 * @param authenticatedSender SOR or GLN of the authenticated caller, or null where the channel does
 *     not tell
 * @param replayOf the quarantined input being replayed, or null
 */
public record InboundRequest(
    byte[] body, String contentType, Channel channel, String authenticatedSender, UUID replayOf) {

  public static InboundRequest http(byte[] body, String contentType, String authenticatedSender) {
    return new InboundRequest(body, contentType, Channel.HTTP, authenticatedSender, null);
  }

  /**
   * A record from a sender's own topic {@code medcom.inbound.<GLN>}: only that sender's Kafka
   * principal may write it, so the topic's GLN is the authenticated sender.
   */
  public static InboundRequest kafka(byte[] body, String contentType, String senderGlnOfTopic) {
    return new InboundRequest(body, contentType, Channel.KAFKA, senderGlnOfTopic, null);
  }
}
