package dk.stafet.responsibility.domain.handover;

import dk.stafet.responsibility.domain.DomainErrorCode;
import dk.stafet.responsibility.domain.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handovers of one patient: lookup, timeouts due (R24) and voiding on death (R20). */
public final class PatientHandovers {

  private final Map<String, RelayHandover> handovers = new LinkedHashMap<>();

  public void add(RelayHandover handover) {
    if (handovers.putIfAbsent(handover.id(), handover) != null) {
      throw new DomainException(
          DomainErrorCode.EVENT_ID_CONFLICT, "handover " + handover.id() + " exists");
    }
  }

  public Optional<RelayHandover> get(String handoverId) {
    return Optional.ofNullable(handovers.get(handoverId));
  }

  public List<RelayHandover> pending() {
    return handovers.values().stream().filter(h -> h.state().isPending()).toList();
  }

  /** R24: raise the alarm for every proposal past its deadline. */
  public List<HandoverUnansweredAlarm> timeoutsDue(Instant now) {
    List<HandoverUnansweredAlarm> alarms = new ArrayList<>();
    for (RelayHandover h : handovers.values()) {
      h.timeout(now).ifPresent(alarms::add);
    }
    return alarms;
  }

  /** R20: death voids every pending handover. */
  public void voidAllOnDeath(Instant deathAt) {
    handovers.values().forEach(h -> h.voidOnDeath(deathAt));
  }
}
