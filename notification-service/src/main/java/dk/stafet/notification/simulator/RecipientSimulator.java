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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
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
    consumer.wakeup();
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
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          try {
            answer(record);
          } catch (RuntimeException | LinkageError e) {
            Log.warnf(
                "Simulator could not answer a record on %s: %s",
                record.topic(), e.getClass().getSimpleName());
          }
        }
      }
    } catch (WakeupException stopping) {
      // stop() was called
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void answer(ConsumerRecord<String, String> record) {
    String gln = record.topic().substring(Topics.MEDCOM_OUTBOUND_PREFIX.length());
    if (!recipients.isEmpty() && !recipients.contains(gln)) {
      return;
    }
    String contentType = header(record, "content-type");
    MedcomFormat format =
        MedcomFormat.fromContentType(contentType)
            .or(() -> MedcomFormat.sniff(record.value()))
            .orElse(MedcomFormat.JSON);
    MedcomMessage message = codec.parseMessage(record.value(), format.mimeType());
    if (message.messageType() == MessageType.ACKNOWLEDGEMENT) {
      return; // an acknowledgement is never acknowledged
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
    switch (choice) {
      case SILENT -> {
        // no answer: the sender retransmits
      }
      case REJECT -> send(acknowledgement(message, ResponseType.FATALERROR), format, gln);
      case SLOW -> {
        Bundle ack = acknowledgement(message, ResponseType.OK);
        slowAnswers.schedule(
            () -> send(ack, format, gln), config.slowDelay().toMillis(), TimeUnit.MILLISECONDS);
      }
      case OK -> send(acknowledgement(message, ResponseType.OK), format, gln);
    }
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

  private void send(Bundle ack, MedcomFormat format, String recipientGln) {
    String ackHeaderId = new MedcomMessage(ack).messageHeaderId();
    ProducerRecord<String, String> out =
        new ProducerRecord<>(
            Topics.inboundFrom(recipientGln), ackHeaderId, codec.write(ack, format));
    out.headers().add("content-type", format.mimeType().getBytes(StandardCharsets.UTF_8));
    producer.send(out);
    answered.incrementAndGet();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
