package dk.stafet.responsibility.kpi;

import dk.stafet.responsibility.ledger.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the KPIs from the current view of every patient's ledger (the corrected history).
 * Definitions in docs/responsibility-api.md; aggregates only, no patient data.
 */
@ApplicationScoped
public class KpiService {

  /** The current view: entries no correction replaces. */
  private static final String CURRENT =
      "SELECT e.* FROM ledger_entry e WHERE NOT EXISTS (SELECT 1 FROM ledger_correction c "
          + "WHERE c.patient_key = e.patient_key AND c.corrects_entry = e.entry_no)";

  private static final String ACTIVE =
      "SELECT p.course_type, count(*), count(e.holder_doctor_id) FROM patient p JOIN ("
          + CURRENT
          + ") e ON e.patient_key = p.patient_key WHERE e.valid_to IS NULL AND e.holder_sor IS NOT NULL GROUP BY p.course_type";

  private static final String REFERRAL_TO_NAMED =
      "SELECT p.course_type, extract(epoch FROM (min(e.valid_from) - p.first_referral_at)) "
          + "FROM patient p JOIN ("
          + CURRENT
          + ") e ON e.patient_key = p.patient_key WHERE p.first_referral_at IS NOT NULL "
          + "AND e.holder_doctor_id IS NOT NULL AND e.valid_from >= p.first_referral_at GROUP BY p.patient_key, p.course_type, p.first_referral_at";

  private static final String GAPS =
      "SELECT p.course_type, count(*), coalesce(sum(extract(epoch FROM (coalesce(e.valid_to, now()) - e.valid_from))), 0) "
          + "FROM patient p JOIN ("
          + CURRENT
          + ") e ON e.patient_key = p.patient_key WHERE e.alarm = 'gap' GROUP BY p.course_type";

  /**
   * National target: at least 90 % of cancer patients experience having a PRD (000; cancer plan
   * IV).
   */
  private static final Map<String, Double> TARGETS = Map.of(Patient.CourseType.CANCER.name(), 0.90);

  private final EntityManager em;

  public KpiService(EntityManager em) {
    this.em = em;
  }

  @Transactional
  public Kpis compute() {
    Map<String, long[]> active = new HashMap<>();
    for (Object[] row : rows(ACTIVE)) {
      active.put(
          (String) row[0],
          new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
    }
    Map<String, List<Double>> durations = new HashMap<>();
    for (Object[] row : rows(REFERRAL_TO_NAMED)) {
      durations
          .computeIfAbsent((String) row[0], k -> new ArrayList<>())
          .add(((Number) row[1]).doubleValue());
    }
    Map<String, Object[]> gaps = new HashMap<>();
    for (Object[] row : rows(GAPS)) {
      gaps.put((String) row[0], row);
    }
    List<Kpis.CourseTypeKpis> result = new ArrayList<>();
    for (Patient.CourseType type : Patient.CourseType.values()) {
      String t = type.name();
      long[] a = active.getOrDefault(t, new long[2]);
      List<Double> d = durations.getOrDefault(t, List.of());
      Object[] g = gaps.get(t);
      result.add(
          new Kpis.CourseTypeKpis(
              t,
              a[0],
              a[1],
              a[0] == 0 ? null : (double) a[1] / a[0],
              TARGETS.get(t),
              d.size(),
              median(d),
              d.isEmpty()
                  ? null
                  : d.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
              g == null ? 0 : ((Number) g[1]).longValue(),
              g == null ? 0 : ((Number) g[2]).doubleValue()));
    }
    return new Kpis(Instant.now(), result);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }

  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
