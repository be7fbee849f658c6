package dk.stafet.tools.chaos;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MessageReenveloper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Sends letters as a MedCom sender does (medcom-spec.md §5): over HTTP it sends an unanswered
 * request again (the same envelope: nobody answered it); over the sender's own {@code
 * medcom.inbound.<GLN>} it waits for the acknowledgement on its own topic {@code
 * medcom.outbound.<GLN>} and, when none arrives in time, sends the letter again in a new envelope
 * (same MessageHeader.id, new Bundle.id). A {@code transient-error} answer is a request to send
 * again, too.
 */
final class MedcomSender implements AutoCloseable {

  private static final String FHIR_JSON = "application/fhir+json; charset=UTF-8";
  private static final String TRANSIENT = "transient-error";

  private final ChaosConfig config;
  private final ChaosHttp http;
  private final MedcomCodec codec = new MedcomCodec();
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> acks;
  private final Thread ackReader;
  private final Map<String, List<String>> acksByLetter = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Instant> resendTimes = new ConcurrentLinkedQueue<>();
  private final Instant deadline;
  private volatile boolean running = true;

  MedcomSender(ChaosConfig config, ChaosHttp http, Instant deadline) {
    this.config = config;
    this.http = http;
    this.deadline = deadline;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "stafet-chaos-sender");
    producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "stafet-chaos-sender-" + java.util.UUID.randomUUID());
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2_000); // new senders' topics are picked up fast
    acks = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    ackReader = new Thread(this::readAcks, "chaos-ack-reader");
    ackReader.setDaemon(true);
    ackReader.start();
  }

  /**
   * Sends {@code bundle} until it gets a final answer (ok or fatal-error) or the run's deadline
   * passes.
   *
   * @return the final answer, or null when none came in time
   */
  String deliver(Letter letter, Bundle bundle, String actingSor) throws InterruptedException {
    Bundle envelope = bundle;
    while (Instant.now().isBefore(deadline) && running) {
      String answer =
          letter.door == Letter.Door.HTTP
              ? postUntilAnswered(letter, envelope, actingSor)
              : produceAndAwait(letter, envelope);
      if (answer != null && !TRANSIENT.equals(answer)) {
        return answer;
      }
      resent(letter);
      Thread.sleep(answer == null ? 0 : 1000);
      envelope = MessageReenveloper.reEnvelope(envelope, Clock.systemUTC());
    }
    return null;
  }

  /**
   * The letter once more after its answer, on purpose: the same envelope (HTTP only) or a
   * retransmission.
   */
  String duplicate(Letter letter, Bundle lastEnvelope, String actingSor, boolean sameEnvelope)
      throws InterruptedException {
    letter.deliberateDuplicates++;
    Bundle envelope =
        sameEnvelope && letter.door == Letter.Door.HTTP
            ? lastEnvelope
            : MessageReenveloper.reEnvelope(lastEnvelope, Clock.systemUTC());
    String answer =
        letter.door == Letter.Door.HTTP
            ? postUntilAnswered(letter, envelope, actingSor)
            : produceAndAwait(letter, envelope);
    return answer;
  }

  /**
   * When letters were sent again because an answer was missing or transient: what each fault cost.
   */
  List<Instant> resendTimes() {
    return new ArrayList<>(resendTimes);
  }

  private void resent(Letter letter) {
    synchronized (letter) {
      letter.resends++;
    }
    resendTimes.add(Instant.now());
  }

  /**
   * POSTs until some answer comes; an unanswered request (refused, reset, timed out, a 5xx without
   * an acknowledgement) is sent again.
   */
  private String postUntilAnswered(Letter letter, Bundle envelope, String actingSor)
      throws InterruptedException {
    String json = codec.write(envelope, MedcomFormat.JSON);
    letter.sentIn(envelope.getIdElement().getIdPart());
    long pause = 500;
    while (Instant.now().isBefore(deadline) && running) {
      ChaosHttp.Answer answer =
          http.post(config.referralUrl() + "/fhir/$process-message", actingSor, FHIR_JSON, json);
      String code = answer.unanswered() ? null : acknowledgementCode(answer.body());
      if (code != null) {
        letter.answered(code);
        return code;
      }
      resent(letter);
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 5000);
    }
    return null;
  }

  /**
   * Produces the envelope (again while the broker is away) and waits for an acknowledgement of the
   * letter.
   */
  private String produceAndAwait(Letter letter, Bundle envelope) throws InterruptedException {
    String json = codec.write(envelope, MedcomFormat.JSON);
    int answersBefore = acksOf(letter.id).size();
    letter.sentIn(envelope.getIdElement().getIdPart());
    long pause = 500;
    while (Instant.now().isBefore(deadline) && running) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(Topics.inboundFrom(letter.senderGln), letter.senderGln, json);
      record
          .headers()
          .add("content-type", "application/fhir+json".getBytes(StandardCharsets.UTF_8));
      try {
        producer.send(record).get(30, TimeUnit.SECONDS);
        break;
      } catch (java.util.concurrent.ExecutionException
          | java.util.concurrent.TimeoutException
          | RuntimeException e) {
        resent(letter);
        Thread.sleep(pause);
        pause = Math.min(pause * 2, 5000);
      }
    }
    Instant waitUntil = Instant.now().plus(config.ackTimeout());
    while (Instant.now().isBefore(waitUntil) && running) {
      List<String> answers = acksOf(letter.id);
      if (answers.size() > answersBefore) {
        String code = answers.get(answersBefore);
        letter.answered(code);
        return code;
      }
      Thread.sleep(100);
    }
    return null;
  }

  private List<String> acksOf(String letterId) {
    List<String> answers = acksByLetter.get(letterId);
    if (answers == null) {
      return List.of();
    }
    synchronized (answers) {
      return List.copyOf(answers);
    }
  }

  private void readAcks() {
    acks.subscribe(Pattern.compile("medcom\\.outbound\\.\\d{13}"));
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : acks.poll(Duration.ofMillis(200))) {
          try {
            MedcomMessage ack = new MedcomMessage(codec.parse(record.value(), (String) null));
            ack.acknowledgementResponse()
                .ifPresent(
                    response -> {
                      List<String> answers =
                          acksByLetter.computeIfAbsent(
                              response.identifier(), id -> new ArrayList<>());
                      synchronized (answers) {
                        answers.add(response.code());
                      }
                    });
          } catch (RuntimeException notAnAcknowledgement) {
            // other traffic on the recipients' topics (notifications, deliveries): not ours to read
          }
        }
      }
    } catch (WakeupException stopping) {
      // close()
    } finally {
      acks.close();
    }
  }

  private String acknowledgementCode(String body) {
    if (body == null || body.isBlank() || !body.contains("\"Bundle\"")) {
      return null;
    }
    try {
      return new MedcomMessage(codec.parse(body, (String) null))
          .acknowledgementResponse()
          .map(r -> r.code())
          .orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() {
    running = false;
    acks.wakeup();
    try {
      ackReader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
