package dk.stafet.notification;

import static dk.stafet.notification.support.Organisations.HERLEV;
import static dk.stafet.notification.support.Organisations.HOSPITAL;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.RetryPoller;
import dk.stafet.notification.delivery.rest.DeliveryOperations;
import dk.stafet.notification.delivery.rest.DeliveryView;
import dk.stafet.notification.support.Deliveries;
import dk.stafet.notification.support.TestEvents;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Retransmission timers survive a restart because they are rows, not memory. The test writes,
 * straight into the database, the state a crashed instance leaves behind: a message transmitted
 * once whose acknowledgement deadline has passed while no instance was running. This JVM never sent
 * it and holds nothing about it; a fresh poller run finds it by {@code next_attempt_at} and
 * retransmits it as the same letter in a new envelope.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class RestartSafetyTest {

  @Inject DataSource dataSource;
  @Inject RetryPoller poller;
  @Inject DeliveryOperations operations;

  @Test
  void overdueMessageLeftByAnEarlierInstanceIsRetransmittedByAFreshPollerRun() throws SQLException {
    String patient = TestEvents.newPatientKey();
    Bundle bundle =
        TestEvents.hospitalStin(
            "https://stafet.dk/fhir/", "Ukendt", Instant.now().minusSeconds(7200));
    MedcomMessage original = new MedcomMessage(bundle);
    insertLeftOverRow(original, patient, new MedcomCodec().write(bundle, MedcomFormat.JSON));

    poller
        .runOnce(); // what the scheduler of a freshly started instance does (it also runs by itself
    // every second)

    DeliveryView resent = operations.get(original.messageHeaderId()).orElseThrow();
    assertThat(resent.state()).isEqualTo(DeliveryState.SENT);
    assertThat(resent.attempts()).isEqualTo(2);
    assertThat(resent.nextAttemptAt()).isAfter(Instant.now());
    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      MedcomMessage onTopic =
          new Deliveries(operations, kafka)
              .transmissions(HERLEV.gln(), original.messageHeaderId(), 1)
              .get(0);
      assertThat(onTopic.messageHeaderId()).isEqualTo(original.messageHeaderId());
      assertThat(onTopic.bundleId()).isNotEqualTo(original.bundleId());
    }
  }

  private void insertLeftOverRow(MedcomMessage message, String patient, String bundleText)
      throws SQLException {
    Instant twoHoursAgo = Instant.now().minusSeconds(7200);
    String sql =
        "INSERT INTO outgoing_message (id, message_header_id, source_event_id, origin, message_type, "
            + "event_code, duty, recipient_gln, recipient_sor, sender_gln, sender_sor, patient_key, state, attempts, "
            + "next_attempt_at, last_bundle_id, last_bundle, content_type, created_at, last_sent_at, updated_at) "
            + "VALUES (?, ?, ?, 'ORIGINATED', 'HOSPITAL_NOTIFICATION', 'STIN', 'C4', ?, ?, ?, ?, ?, 'SENT', 1, ?, ?, ?, "
            + "'application/fhir+json', ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, message.messageHeaderId());
      insert.setObject(3, UUID.randomUUID());
      insert.setString(4, HERLEV.gln());
      insert.setString(5, HERLEV.sor());
      insert.setString(6, HOSPITAL.gln());
      insert.setString(7, HOSPITAL.sor());
      insert.setString(8, patient);
      insert.setTimestamp(9, Timestamp.from(twoHoursAgo.plusSeconds(1800)));
      insert.setString(10, message.bundleId());
      insert.setString(11, bundleText);
      insert.setTimestamp(12, Timestamp.from(twoHoursAgo));
      insert.setTimestamp(13, Timestamp.from(twoHoursAgo));
      insert.setTimestamp(14, Timestamp.from(twoHoursAgo));
      insert.executeUpdate();
    }
  }
}
