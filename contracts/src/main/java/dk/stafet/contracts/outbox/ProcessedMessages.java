package dk.stafet.contracts.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Makes consumers idempotent: Kafka delivers at least once, so each consumer records the id of
 * every message it acted on in the same transaction as the effect, and skips a message whose id it
 * has seen.
 */
@ApplicationScoped
public class ProcessedMessages {

  private final DataSource dataSource;

  public ProcessedMessages(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * True the first time {@code consumer} sees {@code messageId}; false for a redelivery. Joins the
   * caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstTime(String consumer, String messageId) {
    String sql =
        "INSERT INTO processed_message (consumer, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, consumer);
      insert.setString(2, messageId);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not record processed message for " + consumer, e);
    }
  }
}
