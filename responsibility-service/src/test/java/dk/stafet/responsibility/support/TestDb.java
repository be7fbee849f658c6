package dk.stafet.responsibility.support;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/** Read-only SQL for assertions on what the service stored (outbox, facts, audit). */
public final class TestDb {

  private TestDb() {}

  public static long count(String sql, Object... params) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = Panache.getEntityManager().createNativeQuery(sql);
              for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
              }
              return ((Number) query.getSingleResult()).longValue();
            });
  }

  /** The CloudEvents types of the patient's outgoing responsibility events, in outbox order. */
  @SuppressWarnings("unchecked")
  public static List<String> outboxTypes(String patientKey) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Panache.getEntityManager()
                    .createNativeQuery(
                        "SELECT event_type FROM outbox_event WHERE partition_key = ?1 ORDER BY seq")
                    .setParameter(1, patientKey)
                    .getResultList());
  }
}
