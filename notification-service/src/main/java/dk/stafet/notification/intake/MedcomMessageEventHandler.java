package dk.stafet.notification.intake;

import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.MedcomMessageEvent;
import dk.stafet.contracts.outbox.ProcessedMessages;
import dk.stafet.notification.delivery.DeliveryService;
import dk.stafet.notification.notify.HubDelivery;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A MedCom message event, once: deliver a message for another organisation, or apply an
 * acknowledgement.
 */
@ApplicationScoped
public class MedcomMessageEventHandler {

  static final String CONSUMER = "notification-service.medcom-message-events";

  private final ProcessedMessages processed;
  private final HubDelivery hub;
  private final DeliveryService deliveries;

  public MedcomMessageEventHandler(
      ProcessedMessages processed, HubDelivery hub, DeliveryService deliveries) {
    this.processed = processed;
    this.hub = hub;
    this.deliveries = deliveries;
  }

  @Transactional
  public void handle(String ceId, String payload) {
    MedcomMessageEvent event = EventJson.read(payload, MedcomMessageEvent.class);
    String id = ceId != null ? ceId : String.valueOf(event.eventId());
    if (!processed.firstTime(CONSUMER, id)) {
      Log.debugf("MedCom message event %s seen before; skipped", id);
      return;
    }
    switch (event.kind()) {
      case FOR_DELIVERY -> hub.deliver(event);
      case ACKNOWLEDGEMENT_RECEIVED -> deliveries.acknowledgement(event);
    }
  }
}
