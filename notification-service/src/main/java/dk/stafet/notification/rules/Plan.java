package dk.stafet.notification.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What one event yields: the messages to send, and the duties that could not be addressed (to
 * escalate).
 */
public record Plan(List<PlannedNotification> notifications, List<Unaddressed> unaddressed) {

  /**
   * A duty the rules could not fulfil, e.g. no GLN for the recipient; {@code reason} holds no
   * personal data.
   */
  public record Unaddressed(String duty, String reason) {}

  public static Plan nothing() {
    return new Plan(List.of(), List.of());
  }

  public boolean isEmpty() {
    return notifications.isEmpty() && unaddressed.isEmpty();
  }

  /**
   * Collects a plan; a second message of the same type to the same recipient is dropped (one event,
   * one message each).
   */
  static final class Builder {
    private final List<PlannedNotification> notifications = new ArrayList<>();
    private final List<Unaddressed> unaddressed = new ArrayList<>();

    Builder add(PlannedNotification notification) {
      boolean duplicate =
          notifications.stream()
              .anyMatch(
                  n ->
                      n.type() == notification.type()
                          && n.recipient().gln().equals(notification.recipient().gln()));
      if (!duplicate) {
        notifications.add(notification);
      }
      return this;
    }

    Builder unaddressed(String duty, String reason) {
      unaddressed.add(new Unaddressed(duty, reason));
      return this;
    }

    Plan build() {
      return new Plan(List.copyOf(notifications), List.copyOf(unaddressed));
    }
  }
}
