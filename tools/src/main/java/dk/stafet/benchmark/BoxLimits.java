package dk.stafet.benchmark;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What the box itself does, measured in the same run as the pipeline so every figure can be given
 * as a ratio to it: PostgreSQL one-row commits per second at the cluster's own durability, Kafka
 * records per second produced with {@code acks=all}, and HAPI parse+write of the benchmark's own
 * Bundles on one thread.
 */
record BoxLimits(
    double postgresCommitsPerSecond, double kafkaRecordsPerSecond, double hapiPerSecond) {

  static BoxLimits measure(
      String jdbcUrl,
      String user,
      String password,
      String bootstrap,
      List<Bundle> bundles,
      long millis)
      throws Exception {
    return new BoxLimits(
        postgresCommits(jdbcUrl, user, password, millis),
        kafkaProduce(bootstrap, millis),
        hapiParseWrite(bundles, millis));
  }

  /** One INSERT per transaction into a temporary table, autocommit, one connection. */
  static double postgresCommits(String jdbcUrl, String user, String password, long millis)
      throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TEMPORARY TABLE stafet_bench_commit (id BIGINT, note TEXT)");
      }
      long n = 0;
      long end = System.nanoTime() + millis * 1_000_000;
      long start = System.nanoTime();
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO stafet_bench_commit VALUES (?, 'x')")) {
        while (System.nanoTime() < end) {
          insert.setLong(1, n++);
          insert.executeUpdate();
        }
      }
      return n / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** 2-KB records, {@code acks=all}, idempotent, to a topic of its own (deleted afterwards). */
  static double kafkaProduce(String bootstrap, long millis) throws Exception {
    String topic = "stafet.bench.box-" + UUID.randomUUID().toString().substring(0, 8);
    Properties a = new Properties();
    a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(a)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
      String value = "x".repeat(2048);
      long n = 0;
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        List<Future<RecordMetadata>> window = new ArrayList<>();
        while (System.nanoTime() < end) {
          window.add(producer.send(new ProducerRecord<>(topic, Long.toString(n++), value)));
          if (window.size() == 1000) {
            for (Future<RecordMetadata> f : window) {
              f.get();
            }
            window.clear();
          }
        }
        for (Future<RecordMetadata> f : window) {
          f.get();
        }
        return n / ((System.nanoTime() - start) / 1e9);
      } finally {
        admin.deleteTopics(List.of(topic)).all().get();
      }
    }
  }

  /** Parse the JSON text into HAPI's model and write it out again, on one thread, warmed up. */
  static double hapiParseWrite(List<Bundle> bundles, long millis) {
    MedcomCodec codec = new MedcomCodec();
    List<String> texts = bundles.stream().map(b -> codec.write(b, MedcomFormat.JSON)).toList();
    for (int i = 0; i < 200; i++) {
      codec.write(codec.parse(texts.get(i % texts.size()), MedcomFormat.JSON), MedcomFormat.JSON);
    }
    long n = 0;
    long start = System.nanoTime();
    long end = start + millis * 1_000_000;
    while (System.nanoTime() < end) {
      String text = texts.get((int) (n++ % texts.size()));
      codec.write(codec.parse(text, MedcomFormat.JSON), MedcomFormat.JSON);
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }
}
