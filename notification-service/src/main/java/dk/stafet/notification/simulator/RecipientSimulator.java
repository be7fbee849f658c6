package dk.stafet.notification.simulator;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.kafka.KafkaClientSettings;
import dk.stafet.contracts.medcom.AcknowledgementBuilder;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.notification.config.SimulatorConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;
import org.hl7.fhir.r4.model.Organization;

/**
 * Plays the recipients (tests and demos): reads every {@code medcom.outbound.<GLN>} topic (a
 * pattern subscription) of the simulated recipients and answers each message that is not itself an
 * acknowledgement with a MedCom Acknowledgement on the addressee's own inbound topic ({@code
 * medcom.inbound.<GLN>}, the front door), sent on behalf of the addressee, as its system would. A
 * configurable share is left unanswered, rejected (fatal-error) or answered late. Off unless {@code
 * stafet.simulator.enabled=true}.
 */
@ApplicationScoped
public class RecipientSimulator {

  static final Pattern OUTBOUND_TOPICS =
      Pattern.compile(Pattern.quote(Topics.MEDCOM_OUTBOUND_PREFIX) + "\\d{13}");

  /** How long to wait before answering again after the broker refused answers. */
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final SimulatorConfig config;
  private final MedcomCodec codec;
  private final Clock clock;
  private final Map<String, Object> kafkaConfig;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong answered = new AtomicLong();
  private final Random random;
  private final Set<String> recipients;
  private ScheduledExecutorService slowAnswers;
  private KafkaConsumer<String, String> consumer;
  private KafkaProducer<String, String> producer;
  private Thread loop;

  public RecipientSimulator(
      SimulatorConfig config,
      MedcomCodec codec,
      Clock clock,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.config = config;
    this.codec = codec;
    this.clock = clock;
    this.kafkaConfig = kafkaConfig;
    this.random = config.seed().map(Random::new).orElseGet(Random::new);
    this.recipients =
        "all".equalsIgnoreCase(config.recipients().trim())
            ? Set.of()
            : Arrays.stream(config.recipients().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
  }

  void onStart(@Observes StartupEvent event) {
    if (config.enabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** How many acknowledgements the simulator has sent. */
  public long answered() {
    return answered.get();
  }

  public synchronized void start() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    // The same connection and security settings as the service's channels (kafka.*), with the
    // simulator's own group.
    Properties consumerConfig =
        KafkaClientSettings.consumer(
            kafkaConfig,
            Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                config.groupId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                // A message counts as answered only once its answer is on the broker (see settle).
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                (int) config.topicRefresh().toMillis()));
    consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
    Properties producerConfig =
        KafkaClientSettings.producer(kafkaConfig, Map.of(ProducerConfig.ACKS_CONFIG, "all"));
    producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    slowAnswers =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "simulator-slow-answers"));
    loop = new Thread(this::run, "recipient-simulator");
    // HAPI creates and caches its StAX factory through the context class loader on first use: it
    // must be the
    // application's, not whatever loader started the thread.
    loop.setContextClassLoader(RecipientSimulator.class.getClassLoader());
    loop.setDaemon(true);
    loop.start();
    Log.infof(
        "Recipient simulator answering %s", recipients.isEmpty() ? "all recipients" : recipients);
  }

  public synchronized void stop() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    // No consumer.wakeup(): it could break off the commit of the last batch, which would then be
    // answered again after a restart. The loop notices within one poll and commits first.
    try {
      loop.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    slowAnswers.shutdownNow();
    producer.close(Duration.ofSeconds(5));
  }

  private void run() {
    try {
      consumer.subscribe(OUTBOUND_TOPICS);
      while (running.get()) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        Map<ConsumerRecord<String, String>, Future<RecordMetadata>> answers = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
          try {
            answer(record).ifPresent(sent -> answers.put(record, sent));
          } catch (RuntimeException | LinkageError e) {
            Log.warnf(
                "Simulator could not answer a record on %s: %s",
                record.topic(), e.getClass().getSimpleName());
          }
        }
        if (!records.isEmpty() && !settle(records, answers)) {
          Thread.sleep(RETRY_PAUSE.toMillis());
        }
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Commits the batch up to the first message whose answer the broker did not take, and rewinds to
   * that message so it is answered again: a lost answer (broker down longer than the producer's
   * delivery timeout) is never silently forgotten. Answers already sent after it in the same
   * partition may go out twice; the sender ignores a second acknowledgement of the same message.
   * Returns whether every answer arrived.
   */
  private boolean settle(
      ConsumerRecords<String, String> records,
      Map<ConsumerRecord<String, String>, Future<RecordMetadata>> answers) {
    producer.flush();
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    Map<TopicPartition, Long> rewind = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, String>> batch = records.records(partition);
      long next = batch.get(batch.size() - 1).offset() + 1;
      for (ConsumerRecord<String, String> record : batch) {
        Future<RecordMetadata> sent = answers.get(record);
        if (sent != null && !arrived(sent, record)) {
          next = record.offset();
          rewind.put(partition, next);
          break;
        }
      }
      commit.put(partition, new OffsetAndMetadata(next));
    }
    try {
      consumer.commitSync(commit);
    } catch (KafkaException e) {
      // Not committed: the batch is read again and answered twice at worst.
      Log.warnf("Simulator could not commit its position: %s", e.getClass().getSimpleName());
    }
    rewind.forEach(consumer::seek);
    return rewind.isEmpty();
  }

  private static boolean arrived(Future<RecordMetadata> sent, ConsumerRecord<?, ?> record) {
    try {
      sent.get();
      return true;
    } catch (ExecutionException e) {
      // Topic and offset only: the message carries patient data.
      Log.warnf(
          "Simulator's answer to %s offset %d was not sent (%s); answering it again",
          record.topic(), record.offset(), e.getCause().getClass().getSimpleName());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Answers one message; the answer being sent now, if any. */
  private Optional<Future<RecordMetadata>> answer(ConsumerRecord<String, String> record) {
    String gln = record.topic().substring(Topics.MEDCOM_OUTBOUND_PREFIX.length());
    if (!recipients.isEmpty() && !recipients.contains(gln)) {
      return Optional.empty();
    }
    String contentType = header(record, "content-type");
    MedcomFormat format =
        MedcomFormat.fromContentType(contentType)
            .or(() -> MedcomFormat.sniff(record.value()))
            .orElse(MedcomFormat.JSON);
    // Only what answering needs: parsing the whole letter cost the simulator most of its CPU.
    MedcomMessage message = codec.parseRoutingPart(record.value(), format);
    if (message.messageType() == MessageType.ACKNOWLEDGEMENT) {
      return Optional.empty(); // an acknowledgement is never acknowledged
    }
    SimulatedAnswer choice =
        SimulatedAnswer.choose(
            gln,
            config.silentRecipients().orElse(Set.of()),
            config.rejectingRecipients().orElse(Set.of()),
            config.slowRecipients().orElse(Set.of()),
            config.silentShare(),
            config.rejectShare(),
            config.slowShare(),
            random);
    Log.infof("Simulated recipient %s answers %s: %s", gln, message.messageHeaderId(), choice);
    return switch (choice) {
      case SILENT -> Optional.empty(); // no answer: the sender retransmits
      case REJECT ->
          Optional.of(send(acknowledgement(message, ResponseType.FATALERROR), format, gln));
      case SLOW -> {
        // A late answer lost in a crash is like silence: the sender retransmits.
        Bundle ack = acknowledgement(message, ResponseType.OK);
        slowAnswers.schedule(
            () -> send(ack, format, gln), config.slowDelay().toMillis(), TimeUnit.MILLISECONDS);
        yield Optional.empty();
      }
      case OK -> Optional.of(send(acknowledgement(message, ResponseType.OK), format, gln));
    };
  }

  private Bundle acknowledgement(MedcomMessage message, ResponseType code) {
    var destination = message.messageHeader().orElseThrow().getDestinationFirstRep();
    Organization addressee =
        message
            .resolve(destination.getReceiver())
            .filter(Organization.class::isInstance)
            .map(Organization.class::cast)
            .orElseThrow(
                () -> new IllegalArgumentException("the message names no receiver Organization"));
    AcknowledgementBuilder builder =
        new AcknowledgementBuilder(
            addressee, destination.getEndpoint(), "https://simulator.stafet.dk/fhir/", clock);
    List<MedcomIssue> issues =
        code == ResponseType.OK
            ? List.of()
            : List.of(
                MedcomIssue.medcom(
                    MedcomIssue.Severity.ERROR,
                    "value",
                    "MSG_VALUESET_VALUE_UNKNOWN",
                    null,
                    "Simulated rejection"));
    return builder.build(message, code, issues);
  }

  private Future<RecordMetadata> send(Bundle ack, MedcomFormat format, String recipientGln) {
    String ackHeaderId = new MedcomMessage(ack).messageHeaderId();
    ProducerRecord<String, String> out =
        new ProducerRecord<>(
            Topics.inboundFrom(recipientGln), ackHeaderId, codec.write(ack, format));
    out.headers().add("content-type", format.mimeType().getBytes(StandardCharsets.UTF_8));
    return producer.send(
        out,
        (metadata, failure) -> {
          if (failure == null) {
            answered.incrementAndGet();
          } else {
            Log.warnf(
                "Simulator's answer on %s failed: %s",
                out.topic(), failure.getClass().getSimpleName());
          }
        });
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
