package dk.stafet.service.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordedRowTest {

  static final class Row extends RecordedRow {}

  @Test
  void aNewRowIsRecordedNowAndUpdatedAtTheSameInstant() {
    Instant before = Instant.now();
    Row row = new Row();
    row.stampRecorded();
    assertThat(row.recordedAt).isBetween(before, Instant.now());
    assertThat(row.updatedAt).isEqualTo(row.recordedAt);
  }

  @Test
  void aRecordedInstantTheServiceSetIsKept() {
    Row row = new Row();
    row.recordedAt = Instant.parse("2026-12-01T08:00:00Z");
    row.stampRecorded();
    assertThat(row.recordedAt).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(row.updatedAt).isEqualTo(row.recordedAt);
  }

  @Test
  void aChangeMovesOnlyTheUpdatedInstant() {
    Row row = new Row();
    row.recordedAt = Instant.parse("2026-12-01T08:00:00Z");
    row.stampRecorded();
    row.stampUpdated();
    assertThat(row.recordedAt).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(row.updatedAt).isAfter(row.recordedAt);
  }
}
