package dk.stafet.notification.delivery.rest;

import java.time.Instant;

/** An acknowledgement that matched no outgoing message. */
public record UnmatchedAck(
    String ackHeaderId,
    String acknowledgedHeaderId,
    String ackCode,
    String senderGln,
    Instant receivedAt) {}
