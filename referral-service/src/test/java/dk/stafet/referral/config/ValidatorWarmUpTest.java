package dk.stafet.referral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomValidator;
import dk.stafet.referral.health.MedcomValidationHealthCheck;
import dk.stafet.referral.inbound.FrontDoor;
import dk.stafet.referral.inbound.InboundKafkaListener;
import dk.stafet.referral.inbound.InboundRequest;
import dk.stafet.referral.inbound.InboundResult;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * The Kafka consumer and the validator warm-up do not run side by side: a record that arrives while
 * the validator warms up reaches the front door only once it is warm, and readiness is DOWN until
 * then.
 *
 * <p>Deterministic: the warm-up is held open until the consumer thread either waits at the gate
 * (seen in its stack) or has finished. Without the gate the consumer finishes first, having handed
 * the record to the front door with a cold validator, and the test fails.
 */
class ValidatorWarmUpTest {

  private static final MedcomValidator BASE_ONLY = new MedcomValidator(new MedcomCodec(), null);

  @Test
  void aRecordThatArrivesDuringWarmUpWaitsForTheWarmValidator() throws Exception {
    ValidatorWarmUp warmUp = new ValidatorWarmUp();
    RecordingFrontDoor frontDoor = new RecordingFrontDoor(warmUp);
    InboundKafkaListener listener = new InboundKafkaListener(frontDoor, warmUp, null);
    CountDownLatch warming = new CountDownLatch(1);
    CountDownLatch finishWarmUp = new CountDownLatch(1);
    Thread main =
        new Thread(
            () ->
                warmUp.run(
                    () -> {
                      warming.countDown();
                      await(finishWarmUp);
                    }),
            "warm-up");
    main.start();
    assertThat(warming.await(30, TimeUnit.SECONDS)).isTrue();

    Thread consumer =
        new Thread(
            () -> listener.onMessage(fromSender("{}".getBytes(StandardCharsets.UTF_8))),
            "consumer");
    consumer.start();
    awaitAtGateOrDone(consumer);
    assertThat(frontDoor.warmAtEachCall)
        .as("the front door was called during the warm-up")
        .isEmpty();
    assertThat(warmUp.isWarm()).isFalse();

    finishWarmUp.countDown();
    main.join(30_000);
    consumer.join(30_000);
    assertThat(consumer.isAlive()).isFalse();
    assertThat(frontDoor.warmAtEachCall).containsExactly(true);
  }

  @Test
  void aRecordAfterTheWarmUpGoesStraightThrough() {
    ValidatorWarmUp warmUp = new ValidatorWarmUp();
    warmUp.run(() -> {});
    RecordingFrontDoor frontDoor = new RecordingFrontDoor(warmUp);

    new InboundKafkaListener(frontDoor, warmUp, null)
        .onMessage(fromSender(new byte[0]))
        .toCompletableFuture()
        .join();

    assertThat(frontDoor.warmAtEachCall).containsExactly(true);
  }

  /** A record as the consumer hands it over: from a sender's own inbound topic. */
  private static Message<byte[]> fromSender(byte[] value) {
    return Message.of(value)
        .addMetadata(
            new IncomingKafkaRecordMetadata<>(
                new ConsumerRecord<>(Topics.inboundFrom("5790000209354"), 0, 0L, "key", value),
                InboundKafkaListener.CHANNEL));
  }

  @Test
  void readinessIsDownUntilTheValidatorIsWarm() throws Exception {
    ValidatorWarmUp warmUp = new ValidatorWarmUp();
    MedcomValidationHealthCheck check = new MedcomValidationHealthCheck(BASE_ONLY, warmUp);
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(check.call().getData().orElseThrow()).containsEntry("warm", false);

    CountDownLatch warming = new CountDownLatch(1);
    CountDownLatch finishWarmUp = new CountDownLatch(1);
    Thread main =
        new Thread(
            () ->
                warmUp.run(
                    () -> {
                      warming.countDown();
                      await(finishWarmUp);
                    }));
    main.start();
    warming.await(30, TimeUnit.SECONDS);
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

    finishWarmUp.countDown();
    main.join(30_000);
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(check.call().getData().orElseThrow()).containsEntry("warm", true);
  }

  @Test
  void aFailedWarmUpFailsTheStartUpKeepsReadinessDownAndDoesNotHoldTheConsumerForEver()
      throws Exception {
    ValidatorWarmUp warmUp = new ValidatorWarmUp();
    assertThatThrownBy(
            () ->
                warmUp.run(
                    () -> {
                      throw new IllegalStateException("profiles unreadable");
                    }))
        .hasMessage("profiles unreadable");

    assertThat(new MedcomValidationHealthCheck(BASE_ONLY, warmUp).call().getStatus())
        .isEqualTo(HealthCheckResponse.Status.DOWN);
    CompletableFuture<Void> waited = CompletableFuture.runAsync(warmUp::awaitWarm);
    waited.get(30, TimeUnit.SECONDS);
  }

  /** Until the thread has finished, or waits inside {@link ValidatorWarmUp#awaitWarm()}. */
  private static void awaitAtGateOrDone(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Thread.State state = thread.getState();
      if (state == Thread.State.TERMINATED) {
        return;
      }
      if (state == Thread.State.WAITING
          && Arrays.stream(thread.getStackTrace())
              .anyMatch(
                  frame ->
                      frame.getClassName().equals(ValidatorWarmUp.class.getName())
                          && frame.getMethodName().equals("awaitWarm"))) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError(
        "consumer thread neither waits at the gate nor finished: " + thread.getState());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records, for each record handed over, whether the validator was warm at that moment. */
  private static final class RecordingFrontDoor extends FrontDoor {

    final List<Boolean> warmAtEachCall = new CopyOnWriteArrayList<>();
    private final ValidatorWarmUp warmUp;

    RecordingFrontDoor(ValidatorWarmUp warmUp) {
      super(null, null, null, null, null, null, null, null, null);
      this.warmUp = warmUp;
    }

    @Override
    public InboundResult receive(InboundRequest request) {
      warmAtEachCall.add(warmUp.isWarm());
      return null;
    }
  }
}
