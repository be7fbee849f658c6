package dk.stafet.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain kafka-clients producer and consumer for tests, with String keys and values.
 *
 * <pre>{@code
 * try (KafkaTestClient kafka = KafkaTestClient.create()) {
 *     kafka.send("stafet.referrals", "key-1", json, Map.of("ce_type", "ReferralReceived"));
 *     ConsumerRecord<String, String> r = kafka.awaitRecord("stafet.notifications",
 *             rec -> "key-1".equals(rec.key()), Duration.ofSeconds(20));
 * }
 * }</pre>
 *
 * Reading starts at the beginning of the topic and uses no consumer group, so it never disturbs the
 * application's groups; since the broker is shared by the test classes of a JVM, match on something
 * unique to your test (a key, an id in the value).
 */
public final class KafkaTestClient implements AutoCloseable {

  private final String bootstrapServers;
  private final Map<String, String> security;
  private KafkaProducer<String, String> producer;

  public KafkaTestClient(String bootstrapServers) {
    this(bootstrapServers, Map.of());
  }

  /**
   * A client that logs in to a secured broker with these settings (e.g. {@link
   * KafkaBroker#clientSettings}: SASL mechanism and JAAS login), and so has that user's rights
   * only.
   */
  public KafkaTestClient(String bootstrapServers, Map<String, String> security) {
    this.bootstrapServers = bootstrapServers;
    this.security = Map.copyOf(security);
  }

  /**
   * A client for {@code kafka.bootstrap.servers} of the running Quarkus test application
   * (MicroProfile Config), else the system property of that name, else the JVM's shared test
   * broker.
   */
  public static KafkaTestClient create() {
    String servers = null;
    try {
      servers =
          org.eclipse.microprofile.config.ConfigProvider.getConfig()
              .getOptionalValue("kafka.bootstrap.servers", String.class)
              .orElse(null);
    } catch (RuntimeException | LinkageError noConfig) {
      // not inside a Quarkus test
    }
    if (servers == null) {
      servers = System.getProperty("kafka.bootstrap.servers");
    }
    return new KafkaTestClient(servers != null ? servers : KafkaKraftResource.bootstrapServers());
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public RecordMetadata send(String topic, String key, String value) {
    return send(topic, key, value, Map.of());
  }

  /** Sends one record and waits until the broker has it. */
  public synchronized RecordMetadata send(
      String topic, String key, String value, Map<String, String> headers) {
    if (producer == null) {
      producer = producer("0");
    }
    return await(topic, producer.send(record(topic, key, value, headers)));
  }

  /**
   * Sends the records as one batch per partition (one append to the log, so a consumer's poll gets
   * them together, as after an outage or in a burst) and waits until the broker has them.
   */
  public void sendTogether(String topic, List<ProducerRecord<String, String>> records) {
    try (KafkaProducer<String, String> batching = producer("60000")) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ProducerRecord<String, String> record : records) {
        sent.add(batching.send(record));
      }
      batching.flush();
      sent.forEach(future -> await(topic, future));
    }
  }

  /** A record with String headers, for {@link #sendTogether}. */
  public static ProducerRecord<String, String> record(
      String topic, String key, String value, Map<String, String> headers) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    headers.forEach(
        (k, v) -> record.headers().add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private KafkaProducer<String, String> producer(String lingerMs) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "1048576");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    p.putAll(security);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static RecordMetadata await(String topic, Future<RecordMetadata> sent) {
    try {
      return sent.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not send to " + topic + ": " + e.getMessage(), e);
    }
  }

  /** The first record of the topic matching the predicate; fails after the timeout. */
  public ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
    return poll(topic, match, 1, timeout).get(0);
  }

  /**
   * Reads the topic from its beginning until {@code count} records match (then returns them, in
   * order) or the timeout passes (then fails, saying what it saw).
   */
  public List<ConsumerRecord<String, String>> poll(
      String topic, Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    int seen = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = newConsumer()) {
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        partitions =
            infos == null
                ? List.of()
                : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        if (partitions.isEmpty()) {
          sleep(100);
        }
      }
      if (!partitions.isEmpty()) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (found.size() < count && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            seen++;
            if (found.size() < count && match.test(r)) {
              found.add(r);
            }
          }
        }
      }
    }
    if (found.size() < count) {
      throw new AssertionError(
          String.format(
              "Expected %d matching record(s) on %s within %s, found %d of %d read",
              count, topic, timeout, found.size(), seen));
    }
    return found;
  }

  /** All records now on the topic (read until the end offsets at the time of the call). */
  public List<ConsumerRecord<String, String>> readAll(String topic, Duration timeout) {
    List<ConsumerRecord<String, String>> all = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = newConsumer()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        return all;
      }
      List<TopicPartition> partitions =
          infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (System.nanoTime() < deadline
          && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
    }
    return all;
  }

  /** A header's value as UTF-8 text. */
  public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null || h.value() == null
        ? Optional.empty()
        : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
  }

  private KafkaConsumer<String, String> newConsumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "stafet-test-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.putAll(security);
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
