package dk.stafet.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Retransmission per MedCom (medcom-spec.md §5): wait for the acknowledgement, resend a limited
 * number of times.
 */
@ConfigMapping(prefix = "stafet.delivery")
public interface DeliveryConfig {

  /** How long to wait for an acknowledgement before resending (MedCom: 30 minutes). */
  @WithDefault("PT30M")
  Duration ackTimeout();

  /** Automatic resends after the first transmission (MedCom: at most 2, i.e. 3 transmissions). */
  @WithDefault("2")
  int maxResends();

  /**
   * How often the retransmission poller looks for due messages (a scheduler interval such as {@code
   * 15s}).
   */
  @WithDefault("15s")
  String pollInterval();

  /** How long after start-up the poller first runs. */
  @WithDefault("5s")
  String pollDelay();

  /** How many due messages one poller run takes. */
  @WithDefault("50")
  int batchSize();
}
