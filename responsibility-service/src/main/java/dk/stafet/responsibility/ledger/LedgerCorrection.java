package dk.stafet.responsibility.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * Ledger entry {@link #entryNo} replaces entry {@link #correctsEntry} of the same patient.
 * Append-only.
 */
@Entity
@Immutable
@Table(name = "ledger_correction")
public class LedgerCorrection extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Column(name = "entry_no", nullable = false)
  public long entryNo;

  @Column(name = "corrects_entry", nullable = false)
  public long correctsEntry;

  public static List<LedgerCorrection> ofPatient(String patientKey) {
    return list("patientKey", patientKey);
  }
}
