package dk.stafet.responsibility.ledger;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_GODSTRUP;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_RANDERS;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The incremental ledger against the real database: the same course recorded for two patients, one
 * resuming from its checkpoints wherever it can and one replaying every fact for every fact, leaves
 * the same ledger — every entry with its interval, holder, rule, cause and reason, and every
 * correction link — while the first really did resume.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class IncrementalLedgerTests {

  private static final Instant START = dk("2025-03-03T09:00");

  @Inject CourseFactIngestion ingestion;
  @Inject ReplayCheckpoints checkpoints;
  @Inject PatientPseudonym pseudonym;
  @Inject MeterRegistry meters;

  @Test
  void resumingFromCheckpointsWritesTheLedgerAFullReplayWrites() {
    long run = ThreadLocalRandom.current().nextLong() >>> 1;
    String cprResumed = newCpr();
    String cprReplayed = newCpr();
    String resumedKey = pseudonym.of(cprResumed);
    String replayedKey = pseudonym.of(cprReplayed);
    List<CourseEvent> resumedCourse = course(resumedKey, cprResumed, run, 1);
    List<CourseEvent> replayedCourse = course(replayedKey, cprReplayed, run, 2);

    double resumedBefore = replays("resumed");
    double fullBefore = replays("full");
    resumedCourse.forEach(ingestion::apply);
    // Only the late return from leave and the cancellation replay in full.
    assertThat(replays("full") - fullBefore).isEqualTo(2);
    assertThat(replays("resumed") - resumedBefore).isEqualTo(resumedCourse.size() - 2);

    fullBefore = replays("full");
    for (CourseEvent event : replayedCourse) {
      checkpoints.forget(replayedKey);
      ingestion.apply(event);
    }
    // Every fact but the first, which starts from nothing either way.
    assertThat(replays("full") - fullBefore).isEqualTo(replayedCourse.size() - 1);

    List<String> resumedLedger = ledger(resumedKey);
    assertThat(resumedLedger).hasSizeGreaterThan(8).isEqualTo(ledger(replayedKey));
    assertThat(resumedLedger)
        .anyMatch(e -> e.contains("CANCELLATION_CORRECTION"))
        .anyMatch(e -> e.contains("LATE_EVENT_CORRECTION"))
        .anyMatch(e -> e.contains("corrects"));
  }

  /**
   * A cancer referral, a crowded instant (three admissions at once), leave, a waiting-time alert, a
   * late return from leave, a cancellation, more stays and a death. Event ids sort the same way for
   * both patients ({@code variant} only changes their last digit), so simultaneous facts replay in
   * the same order.
   */
  private static List<CourseEvent> course(String key, String cpr, long run, int variant) {
    List<CourseEvent> facts = new ArrayList<>();
    Fact f =
        (type, days, course, org, counterpart, details) -> {
          UUID id = new UUID(run, facts.size() * 16L + variant);
          facts.add(
              new CourseEvent(
                  id,
                  type,
                  START.plus(Duration.ofMinutes(Math.round(days * 24 * 60))),
                  Instant.now(),
                  key,
                  cpr,
                  course,
                  org,
                  counterpart,
                  null,
                  details));
        };
    Map<String, String> inpatient = Map.of("encounterClass", "IMP");
    f.add(CourseEventType.LISTED_GP_REGISTERED, 0, null, GP_AABYHOEJ, null, Map.of());
    f.add(
        CourseEventType.REFERRAL_RECEIVED,
        1,
        "ref-1",
        CARDIOLOGY,
        GP_AABYHOEJ,
        Map.of("cancer", "true", "waitingTimeRule", "W1"));
    f.add(CourseEventType.REFERRAL_ACCEPTED, 2, "ref-1", CARDIOLOGY, GP_AABYHOEJ, Map.of());
    f.add(CourseEventType.ADMISSION_STARTED, 3, "stay-1", CARDIOLOGY, null, inpatient);
    f.add(CourseEventType.ADMISSION_STARTED, 3, "stay-2", MEDICAL_GODSTRUP, null, inpatient);
    f.add(CourseEventType.ADMISSION_STARTED, 3, "stay-3", MEDICAL_RANDERS, null, inpatient);
    f.add(CourseEventType.LEAVE_STARTED, 4, "stay-1", CARDIOLOGY, null, Map.of());
    f.add(CourseEventType.LEAVE_ENDED, 5, "stay-1", CARDIOLOGY, null, Map.of());
    f.add(CourseEventType.DISCHARGED, 6, "stay-2", MEDICAL_GODSTRUP, null, Map.of());
    f.add(
        CourseEventType.WAITING_TIME_WARNING,
        6,
        "ref-1",
        CARDIOLOGY,
        null,
        Map.of("waitingTimeRule", "W1"));
    f.add(CourseEventType.LEAVE_ENDED, 4.5, "stay-1", CARDIOLOGY, null, Map.of()); // late
    f.add(CourseEventType.ADMISSION_CANCELLED, 7, "stay-1", CARDIOLOGY, null, Map.of());
    f.add(CourseEventType.DISCHARGED, 8, "stay-1", CARDIOLOGY, null, Map.of());
    f.add(CourseEventType.ADMISSION_STARTED, 9, "stay-4", CARDIOLOGY, null, inpatient);
    f.add(CourseEventType.DISCHARGED, 10, "stay-4", CARDIOLOGY, null, Map.of());
    f.add(CourseEventType.DECEASED, 11, null, null, null, Map.of());
    f.add(CourseEventType.ADMISSION_STARTED, 12, "stay-5", CARDIOLOGY, null, inpatient);
    return facts;
  }

  @FunctionalInterface
  private interface Fact {
    void add(
        CourseEventType type,
        double days,
        String course,
        String organisation,
        String counterpart,
        Map<String, String> details);
  }

  /** The patient's ledger log and corrections, event ids as their position in the course. */
  private static List<String> ledger(String key) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<String> lines = new ArrayList<>();
              for (LedgerEntryRow e : LedgerEntryRow.log(key)) {
                lines.add(
                    String.join(
                        " ",
                        String.valueOf(e.entryNo),
                        String.valueOf(e.validFrom),
                        String.valueOf(e.validTo),
                        e.holderSor,
                        e.holderKind,
                        e.treatment,
                        e.ruleId,
                        e.treatmentRuleId,
                        e.courseKind,
                        e.courseId,
                        e.alarm,
                        e.treatingSor,
                        position(e.causedByEvent),
                        position(e.recordedForEvent),
                        String.valueOf(e.reason)));
              }
              LedgerCorrection.ofPatient(key)
                  .forEach(c -> lines.add(c.entryNo + " corrects " + c.correctsEntry));
              return lines;
            });
  }

  private static String position(String eventId) {
    return eventId == null
        ? "-"
        : String.valueOf(UUID.fromString(eventId).getLeastSignificantBits() / 16);
  }

  private double replays(String kind) {
    return meters.counter("stafet_ledger_replays", "kind", kind).count();
  }
}
