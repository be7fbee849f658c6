package dk.stafet.contracts.outbox;

import dk.stafet.contracts.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The writing side of the transactional outbox: an event is stored in the same database transaction
 * as the state change it reports, so a crash between the commit and the Kafka send cannot lose it.
 * {@link OutboxRelay} sends it.
 */
@ApplicationScoped
public class Outbox {

  private final DataSource dataSource;
  private final OutboxRelay relay;

  public Outbox(DataSource dataSource, OutboxRelay relay) {
    this.dataSource = dataSource;
    this.relay = relay;
  }

  /**
   * Adds an event to the caller's transaction (mandatory: an event without its state change would
   * be a lie).
   *
   * @param partitionKey the patient pseudonym, so one patient's events stay in order
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(
      String topic,
      UUID eventId,
      String partitionKey,
      String cloudEventType,
      String subject,
      Object event) {
    add(topic, eventId, partitionKey, cloudEventType, subject, event, "application/json");
  }

  /**
   * As {@link #add(String, UUID, String, String, String, Object)} with the content type of the
   * value, e.g. a FHIR Bundle.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(
      String topic,
      UUID eventId,
      String partitionKey,
      String cloudEventType,
      String subject,
      Object event,
      String contentType) {
    String sql =
        "INSERT INTO outbox_event (event_id, topic, partition_key, event_type, subject, payload, content_type, traceparent) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setObject(1, eventId);
      insert.setString(2, topic);
      insert.setString(3, partitionKey);
      insert.setString(4, cloudEventType);
      insert.setString(5, subject);
      insert.setString(6, event instanceof String raw ? raw : EventJson.write(event));
      insert.setString(7, contentType);
      insert.setString(8, TraceParent.current());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not add event " + eventId + " to the outbox", e);
    }
    relay.wakeUpAfterCommit();
  }
}
