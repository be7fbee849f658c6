package dk.stafet.web.pages;

import dk.stafet.web.client.Api;
import dk.stafet.web.client.Fetched;
import dk.stafet.web.client.NotificationClient;
import dk.stafet.web.client.ReferralClient;
import dk.stafet.web.client.ResponsibilityClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What the coordinator page shows, section by section, read from the services as the coordinator
 * organisation.
 */
@ApplicationScoped
public class CoordinatorData {

  static final int LIST_LIMIT = 100;
  static final String RESPONSIBILITY = "responsibility";
  static final String NOTIFICATION = "notification";
  static final String REFERRAL = "referral";

  private final ResponsibilityClient responsibility;
  private final ReferralClient referral;
  private final NotificationClient notification;

  public CoordinatorData(
      @RestClient ResponsibilityClient responsibility,
      @RestClient ReferralClient referral,
      @RestClient NotificationClient notification) {
    this.responsibility = responsibility;
    this.referral = referral;
    this.notification = notification;
  }

  /**
   * Patients with no named patient-responsible doctor, or with a gap / no-receiver alarm (R26,
   * R27).
   */
  public Fetched<List<Api.Attention>> attention() {
    return Fetched.ofProposed(() -> responsibility.attention());
  }

  /** The KPI counts, shown when the list above is not available. */
  public Fetched<Api.Kpis> kpis() {
    return Fetched.of(() -> responsibility.kpis());
  }

  /**
   * Handovers waiting for the receiver's answer: PROPOSED, then UNANSWERED (deadline passed),
   * oldest deadline first.
   */
  public Fetched<List<Api.Handover>> waitingHandovers() {
    return Fetched.of(
        () -> {
          List<Api.Handover> all = new ArrayList<>(responsibility.handovers("PROPOSED"));
          all.addAll(responsibility.handovers("UNANSWERED"));
          all.sort(
              Comparator.comparing(
                  Api.Handover::respondBy, Comparator.nullsLast(Comparator.naturalOrder())));
          return all;
        });
  }

  public Optional<Api.Handover> handover(String id) {
    Fetched<List<Api.Handover>> waiting = waitingHandovers();
    return waiting.ok()
        ? waiting.value().stream().filter(h -> h.id().equals(id)).findFirst()
        : Optional.empty();
  }

  /**
   * Referrals over or near their maximum waiting time, over first, then soonest deadline:
   * referral-service's own assessment (its rules W1–W8 and calendar), never recomputed here.
   */
  public Fetched<List<Api.WaitingTimeReferral>> waitingTimeAttention() {
    return Fetched.ofProposed(
        () -> {
          List<Api.WaitingTimeReferral> all =
              new ArrayList<>(referral.waitingTimeReferrals("exceeded"));
          all.addAll(referral.waitingTimeReferrals("warning"));
          return all;
        });
  }

  /** Messages sent and still waiting for their acknowledgement, and those answered negatively. */
  public Fetched<List<Api.Delivery>> unacknowledged() {
    return Fetched.of(
        () -> {
          List<Api.Delivery> all =
              new ArrayList<>(notification.deliveries("NEGATIVE", null, LIST_LIMIT));
          all.addAll(notification.deliveries("SENT", null, LIST_LIMIT));
          return all;
        });
  }

  public Fetched<List<Api.Delivery>> deadLetters() {
    return Fetched.of(() -> notification.deadLetters(LIST_LIMIT));
  }

  /** Quarantined input not yet replayed successfully. */
  public Fetched<List<Api.QuarantineEntry>> quarantine() {
    return Fetched.of(
        () ->
            referral.quarantine(LIST_LIMIT).entries().stream()
                .filter(e -> !"REPLAYED_ACCEPTED".equals(e.status()))
                .toList());
  }

  /**
   * Records the services' consumers could not apply and that wait for a coordinator (PARKED),
   * newest first: the ledger's (responsibility-service) and the outgoing messages'
   * (notification-service).
   */
  public Fetched<List<Api.ParkedItem>> parked() {
    return Fetched.ofProposed(
        () -> {
          List<Api.ParkedItem> all = new ArrayList<>();
          responsibility
              .parked("PARKED")
              .forEach(r -> all.add(new Api.ParkedItem(RESPONSIBILITY, r)));
          notification.parked("PARKED").forEach(r -> all.add(new Api.ParkedItem(NOTIFICATION, r)));
          all.sort(
              Comparator.comparing(
                  (Api.ParkedItem i) -> i.record().parkedAt(),
                  Comparator.nullsLast(Comparator.reverseOrder())));
          return all;
        });
  }

  /**
   * Replays a parked record in the service that holds it; unknown service names are refused before
   * any call.
   */
  public Fetched<Api.ParkedRecord> replayParked(String service, long id) {
    return switch (service) {
      case RESPONSIBILITY -> Fetched.of(() -> responsibility.replayParked(id));
      case NOTIFICATION -> Fetched.of(() -> notification.replayParked(id));
      default -> new Fetched<>(null, "NOT_FOUND", "UNKNOWN_SERVICE");
    };
  }

  /**
   * Open validation alarms of the two services that validate MedCom input (referral-service's front
   * door, notification-service's acknowledgements), newest first.
   */
  public Fetched<List<Api.ValidationAlarmItem>> validationAlarms() {
    return Fetched.of(
        () -> {
          List<Api.ValidationAlarmItem> all = new ArrayList<>();
          referral
              .validationAlarms()
              .forEach(a -> all.add(new Api.ValidationAlarmItem(REFERRAL, a)));
          notification
              .validationAlarms()
              .forEach(a -> all.add(new Api.ValidationAlarmItem(NOTIFICATION, a)));
          all.sort(
              Comparator.comparing(
                  (Api.ValidationAlarmItem i) -> i.alarm().raisedAt(),
                  Comparator.nullsLast(Comparator.reverseOrder())));
          return all;
        });
  }

  /** Acknowledges a validation alarm in the service that raised it; other names are refused. */
  public Fetched<Long> acknowledgeValidationAlarm(String service, long id) {
    Runnable call =
        switch (service) {
          case REFERRAL -> () -> referral.acknowledgeValidationAlarm(id);
          case NOTIFICATION -> () -> notification.acknowledgeValidationAlarm(id);
          default -> null;
        };
    if (call == null) {
      return new Fetched<>(null, "NOT_FOUND", "UNKNOWN_SERVICE");
    }
    return Fetched.of(
        () -> {
          call.run();
          return id;
        });
  }

  public Fetched<Api.Handover> accept(Api.Handover handover, String agreementChannel) {
    // The coordinator records the receiving department's answer on its behalf, with the
    // coordinator's own token: the
    // service lets the COORDINATOR role do that and the audit names the coordinator
    // (docs/security.md).
    return Fetched.of(
        () ->
            responsibility.accept(
                handover.id(), new Api.Accept(blankToNull(agreementChannel), null)));
  }

  public Fetched<Api.Handover> reject(Api.Handover handover, String reason) {
    return Fetched.of(
        () -> responsibility.reject(handover.id(), new Api.Reject(blankToNull(reason), null)));
  }

  public Fetched<Api.Delivery> resend(String messageHeaderId) {
    return Fetched.of(() -> notification.resend(messageHeaderId));
  }

  public Fetched<Api.ReplayResult> replay(String quarantineId) {
    return Fetched.of(() -> referral.replay(quarantineId));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
