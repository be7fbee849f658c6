package dk.stafet.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UntilStoredTest {

  private final List<Duration> pauses = new ArrayList<>();
  private final UntilStored untilStored = new UntilStored(Duration.ofSeconds(5), pauses::add);

  /**
   * What Hibernate/Agroal throw when PostgreSQL is gone: a wrapper around the driver's connection
   * failure.
   */
  private static RuntimeException databaseDown() {
    return new IllegalStateException(
        "could not execute statement",
        new SQLException(
            "Connection to 127.0.0.1:5433 refused", "08001", new ConnectException("refused")));
  }

  @Test
  void aDatabaseOutageIsWaitedOutWithGrowingPauses() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    String result =
        untilStored.run(
            "record",
            () -> {
              if (calls.incrementAndGet() <= 5) {
                throw databaseDown();
              }
              return "stored";
            });
    assertThat(result).isEqualTo("stored");
    assertThat(calls).hasValue(6);
    assertThat(pauses).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 5L, 5L);
  }

  @Test
  void aRecordThatCannotBeReadIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                untilStored.run(
                    "record",
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalArgumentException("course event without eventId");
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(calls).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void whichFailuresAreTheInfrastructures() {
    assertThat(UntilStored.isInfrastructureFailure(databaseDown())).isTrue();
    assertThat(
            UntilStored.isInfrastructureFailure(
                new RuntimeException(new SQLException("deadlock", "40P01"))))
        .isTrue();
    assertThat(
            UntilStored.isInfrastructureFailure(
                new RuntimeException(new SQLException("Acquisition timeout"))))
        .isTrue();
    assertThat(
            UntilStored.isInfrastructureFailure(
                new RuntimeException(new SQLException("terminated", "57P01"))))
        .isTrue();
    assertThat(
            UntilStored.isInfrastructureFailure(
                new RuntimeException(new SQLException("no connections", "55000"))))
        .isTrue();
    assertThat(
            UntilStored.isInfrastructureFailure(
                new RuntimeException(new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(
            UntilStored.isInfrastructureFailure(
                new RuntimeException(new SQLException("append-only", "P0001"))))
        .isFalse();
    assertThat(UntilStored.isInfrastructureFailure(new IllegalArgumentException("bad record")))
        .isFalse();
  }

  /**
   * The connection broke during the commit: Quarkus' transaction exception around the transaction
   * manager's rollback, no SQL exception in the chain (CI's chaos run, 2026-12-05). A commit that
   * fails on a constraint the flush met is the record's fault and is not waited out.
   */
  @Test
  void aCommitTheDatabaseWentAwayUnderIsWaitedOut() {
    RuntimeException brokenCommit =
        new QuarkusTransactionException(
            new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit"));
    RuntimeException constraintAtCommit =
        new QuarkusTransactionException(
            (jakarta.transaction.RollbackException)
                new jakarta.transaction.RollbackException("flush failed")
                    .initCause(new SQLException("duplicate key", "23505")));

    assertThat(UntilStored.isInfrastructureFailure(brokenCommit)).isTrue();
    assertThat(UntilStored.isInfrastructureFailure(constraintAtCommit)).isFalse();
  }

  @Test
  void onlyAnInterruptEndsTheWait() {
    UntilStored interrupted =
        new UntilStored(
            Duration.ofSeconds(5),
            duration -> {
              throw new InterruptedException("shutdown");
            });
    assertThatThrownBy(
            () ->
                interrupted.run(
                    "record",
                    () -> {
                      throw databaseDown();
                    }))
        .isInstanceOf(InterruptedException.class);
  }

  /**
   * Reproduces the parked records of a graceful restart under traffic: while Quarkus stops, the
   * persistence unit is closed and the work fails with an IllegalStateException
   * ("EntityManagerFactory is closed"), which used to reach the dead-letter topic as the record's
   * own failure.
   */
  @Test
  void whatFailsWhileTheServiceStopsIsLeftForTheNextStartNotBlamedOnTheRecord() {
    AtomicBoolean stopping = new AtomicBoolean();
    UntilStored untilStored = new UntilStored(Duration.ofSeconds(5), pauses::add, stopping::get);
    assertThatThrownBy(
            () ->
                untilStored.run(
                    "record",
                    () -> {
                      stopping.set(true); // the shutdown begins while the record is handled
                      throw new IllegalStateException("EntityManagerFactory is closed");
                    }))
        .isInstanceOf(InterruptedException.class)
        .hasMessageContaining("left for the next start");

    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> untilStored.run("next record", calls::incrementAndGet))
        .isInstanceOf(InterruptedException.class);
    assertThat(calls).as("no work starts once the service stops").hasValue(0);
    assertThat(pauses).isEmpty();
  }
}
