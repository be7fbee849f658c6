package dk.stafet.notification.delivery.rest;

import dk.stafet.notification.delivery.DeliveryState;

/** How many messages to one recipient are in one state. */
public record StateCount(DeliveryState state, String recipientGln, long count) {}
