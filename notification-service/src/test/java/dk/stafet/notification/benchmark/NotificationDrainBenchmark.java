package dk.stafet.notification.benchmark;

import static dk.stafet.notification.support.Organisations.GLADSAXE;
import static dk.stafet.notification.support.Organisations.GP;
import static dk.stafet.notification.support.Organisations.HERLEV;
import static dk.stafet.notification.support.Organisations.HOSPITAL;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.MedcomMessageEvent;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomValidator;
import dk.stafet.notification.support.TestEvents;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Measures how fast notification-service drains a backlog: a burst of events is put on its input
 * topics at once (far faster than it consumes them) and the time until every one is recorded as
 * processed is taken. The real consumer path runs — Kafka channels, one transaction per record,
 * composing, MedCom validation of every outgoing message, the outbox and its relay — against the
 * real broker and PostgreSQL test-support starts. Not a test: it asserts nothing and its name keeps
 * it out of {@code ./mvnw test}; run it on purpose (docs/performance.md, "Notification drain"):
 *
 * <pre>
 * ./mvnw -B -o -pl notification-service -am test -Dtest=NotificationDrainBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     "-Dstafet.test.argLine=-Xmx1g -XX:+UseSerialGC -Dstafet.notification.medcom.profiles-dir=$PWD/../shared/medcom-profiles -D%test.stafet.delivery.ack-timeout=PT30M" \
 *     [-Dbench.patients=300]</pre>
 *
 * (the MedCom profiles as in the local stack, so the compiled fast path is on; an acknowledgement
 * wait as in production, so unacknowledged notifications are not retransmitted during the run; the
 * test JVM also runs the Kafka broker, so its CPU is in the JVM figure).
 *
 * <p>Per patient: on {@code stafet.course-events} a listed GP, an admission (a HospitalNotification
 * STIN to the municipality) and a discharge (SLHJ); on {@code stafet.medcom-message-events} a
 * hospital's HospitalNotification for hub delivery and the addressee's acknowledgement of it. Each
 * channel's backlog is drained separately, after a warm-up of its own. Results also go to {@code
 * target/notification-drain-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class NotificationDrainBenchmark {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  @Inject AgroalDataSource dataSource;

  @Inject MedcomValidator validator;

  @Inject MeterRegistry meters;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  private final MedcomCodec codec = new MedcomCodec();
  private final StringBuilder out = new StringBuilder();

  @Test
  void run() throws Exception {
    int patients = Integer.getInteger("bench.patients", 300);
    print(
        String.format(
            "Notification drain benchmark, %s, %d cores, Java %s, load %s",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            load()));
    try (KafkaProducer<String, String> producer = producer()) {
      drain(producer, "warm-up course events", courseEvents(50), "course-events");
      drain(producer, "warm-up medcom events", medcomEvents(50), "medcom-message-events");
      drain(
          producer,
          "course events, " + patients + " patients",
          courseEvents(patients),
          "course-events");
      drain(
          producer,
          "medcom message events, " + patients + " patients",
          medcomEvents(patients),
          "medcom-message-events");
    }
    Files.writeString(
        Path.of("target", "notification-drain-benchmark.txt"), out, StandardCharsets.UTF_8);
  }

  /** One record to publish, with its CloudEvents id. */
  private record Published(String topic, String key, UUID ceId, String type, Object event) {}

  private void drain(
      KafkaProducer<String, String> producer, String name, List<Published> records, String channel)
      throws Exception {
    String consumer = "notification-service." + channel;
    long before = processed(consumer);
    long target = before + records.size();
    long pollsBefore = polls(channel);
    long cpu = OS.getProcessCpuTime();
    long wall = System.nanoTime();
    for (Published p : records) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(p.topic(), p.key(), EventJson.write(p.event()));
      Map.of(
              "ce_specversion", "1.0",
              "ce_id", p.ceId().toString(),
              "ce_type", p.type(),
              "ce_source", "/stafet/benchmark",
              "content-type", "application/json")
          .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(record);
    }
    producer.flush();
    double published = (System.nanoTime() - wall) / 1e9;
    long done;
    while ((done = processed(consumer)) < target) {
      Thread.sleep(50);
      if ((System.nanoTime() - wall) / 1e9 > 900) {
        print("  gave up after 900 s: " + (done - before) + " of " + records.size());
        return;
      }
    }
    double seconds = (System.nanoTime() - wall) / 1e9;
    double cpuMs = (OS.getProcessCpuTime() - cpu) / 1e6;
    print(
        String.format(
            "%s: %d records (published in %.1f s) drained in %.1f s = %.1f records/s;"
                + " JVM CPU %.1f ms per record; %d polls (transactions); load %s;"
                + " validation so far: %s, fast path accepted %d, deferred %d",
            name,
            records.size(),
            published,
            seconds,
            records.size() / seconds,
            cpuMs / records.size(),
            polls(channel) - pollsBefore,
            load(),
            validator.profileValidationStatus(),
            validator.fastPathAccepted(),
            validator.fastPathDeferred()));
  }

  /** How many polls the channel has handled (each one transaction, PollBatches). */
  private long polls(String channel) {
    DistributionSummary polls =
        meters.find("stafet.kafka.poll.records").tag("channel", channel).summary();
    return polls == null ? 0 : polls.count();
  }

  private List<Published> courseEvents(int patients) {
    List<Published> records = new ArrayList<>();
    for (int i = 0; i < patients; i++) {
      String patient = TestEvents.newPatientKey();
      records.add(
          course(
              TestEvents.course(
                  CourseEventType.LISTED_GP_REGISTERED,
                  patient,
                  null,
                  GP.sor(),
                  null,
                  Map.of("municipalitySor", GLADSAXE.sor()))));
      CourseEvent admission = TestEvents.admission(patient);
      records.add(course(admission));
      records.add(
          course(
              TestEvents.course(
                  CourseEventType.DISCHARGED,
                  patient,
                  admission.courseId(),
                  HOSPITAL.sor(),
                  null,
                  Map.of("hnCode", "SLHJ", "encounterClass", "IMP"))));
    }
    return records;
  }

  private static Published course(CourseEvent event) {
    return new Published(
        Topics.COURSE_EVENTS,
        event.patientKey(),
        event.eventId(),
        event.type().cloudEventType(),
        event);
  }

  private List<Published> medcomEvents(int patients) {
    List<Published> records = new ArrayList<>();
    for (int i = 0; i < patients; i++) {
      String patient = TestEvents.newPatientKey();
      Bundle letter =
          TestEvents.hospitalStin("https://hospital.example/fhir/", "Elmer", Instant.now());
      String text = codec.write(letter, MedcomFormat.JSON);
      MedcomMessage message = new MedcomMessage(letter);
      String headerId = message.messageHeaderId();
      MedcomMessageEvent delivery =
          TestEvents.forDelivery(patient, "HospitalNotification", message, text, HOSPITAL, HERLEV);
      records.add(medcom(delivery));
      records.add(
          medcom(
              TestEvents.ack(UUID.randomUUID().toString(), headerId, "ok", HERLEV.gln(), patient)));
    }
    return records;
  }

  private static Published medcom(MedcomMessageEvent event) {
    return new Published(
        Topics.MEDCOM_MESSAGE_EVENTS,
        event.patientKey(),
        event.eventId(),
        event.cloudEventType(),
        event);
  }

  private KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private long processed(String consumer) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM processed_message WHERE consumer = ?")) {
      s.setString(1, consumer);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private void print(String line) {
    System.out.println(line);
    out.append(line).append('\n');
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
