package dk.stafet.responsibility.ledger;

import dk.stafet.responsibility.domain.ledger.CourseReplay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The incremental ledger's memory: for each patient recently recorded, where the replay stood after
 * the patient's last fact ({@link CourseReplay.Checkpoint}) and what else a rebuild needs from the
 * earlier facts. With it, the next fact replays only its own instant instead of the patient's whole
 * history, and the rebuild reads only the ledger entries from the segment in force on.
 *
 * <p>In memory, per process, bounded ({@code stafet.ledger.checkpoints.max-patients}, least
 * recently used dropped), kept only once the transaction that made it has committed (a
 * transactional observer), and trusted only while the patient's stored facts are exactly the ones
 * it was made from: the same number and the same highest sequence number. A fact another replica
 * recorded, a restart or an evicted patient all mean one full replay, which leaves a new
 * checkpoint. Nothing is stored, so there is nothing to migrate or to get out of step.
 */
@ApplicationScoped
public class ReplayCheckpoints {

  /** The patient's facts a checkpoint was made from, and what the rebuild needs of them. */
  public record Entry(
      long factCount,
      long lastSeq,
      Instant latestOccurredAt,
      CourseReplay.Checkpoint checkpoint,
      Set<String> retracted,
      Map<String, String> doctorNames) {
    public Entry {
      retracted = Set.copyOf(retracted);
      doctorNames = Map.copyOf(doctorNames);
    }

    /** Where a patient without facts stands: nothing replayed yet. */
    static Entry beforeFirstFact(CourseReplay replay) {
      return new Entry(
          0, 0, null, replay.replayWithCheckpoint(List.of()).checkpoint(), Set.of(), Map.of());
    }

    /** Made from exactly the facts now stored before the one being recorded? */
    boolean madeFrom(CourseFact.History stored) {
      return stored.count() == factCount && stored.lastSeq() == lastSeq;
    }
  }

  private final int capacity;
  private final Map<String, Entry> entries;
  private final Event<Made> made;
  private final Counter resumed;
  private final Counter replayedInFull;

  public ReplayCheckpoints(
      @ConfigProperty(name = "stafet.ledger.checkpoints.max-patients", defaultValue = "5000")
          int capacity,
      Event<Made> made,
      MeterRegistry registry) {
    this.capacity = capacity;
    this.made = made;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
    this.resumed = replays(registry, "resumed");
    this.replayedInFull = replays(registry, "full");
  }

  private static Counter replays(MeterRegistry registry, String kind) {
    return Counter.builder("stafet_ledger_replays")
        .description("Ledger rebuilds by kind: resumed from a checkpoint, or every fact replayed")
        .tag("kind", kind)
        .register(registry);
  }

  synchronized Optional<Entry> get(String patientKey) {
    return Optional.ofNullable(entries.get(patientKey));
  }

  /** Keeps the patient's new checkpoint once the surrounding transaction has committed. */
  void keepAfterCommit(String patientKey, Entry entry, boolean wasResumed) {
    (wasResumed ? resumed : replayedInFull).increment();
    if (capacity > 0) {
      made.fire(new Made(patientKey, entry));
    }
  }

  /** A checkpoint made in a transaction, kept only if that transaction commits. */
  record Made(String patientKey, Entry entry) {}

  void keep(@Observes(during = TransactionPhase.AFTER_SUCCESS) Made checkpoint) {
    put(checkpoint.patientKey(), checkpoint.entry());
  }

  /** Drops the patient's checkpoint, so that its next fact replays every fact (tests compare). */
  synchronized void forget(String patientKey) {
    entries.remove(patientKey);
  }

  private synchronized void put(String patientKey, Entry entry) {
    entries.put(patientKey, entry);
    if (entries.size() > capacity) {
      entries.remove(entries.keySet().iterator().next());
    }
  }
}
