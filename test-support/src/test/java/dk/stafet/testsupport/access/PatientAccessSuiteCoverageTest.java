package dk.stafet.testsupport.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coverage rule of the cross-organisation suite fails for each way a table can be wrong. */
class PatientAccessSuiteCoverageTest {

  private static PatientAccessSuite<String> table() {
    return PatientAccessSuite.<String>auditedIn(null)
        .endpoint(PatientEndpoint.of("GET", "/api/things/{id}", (as, p) -> null))
        .noPatientData("GET /api/kpis", "counts only");
  }

  @Test
  void aDocumentWithExactlyTheTablesOperationsIsCovered() {
    assertThatCode(() -> table().assertCovers(Set.of("GET /api/things/{id}", "GET /api/kpis")))
        .doesNotThrowAnyException();
  }

  @Test
  void anOperationAddedWithoutARecipeOrReasonFails() {
    assertThatThrownBy(
            () ->
                table()
                    .assertCovers(
                        Set.of("GET /api/things/{id}", "GET /api/kpis", "POST /api/things")))
        .hasMessageContaining("Not covered")
        .hasMessageContaining("POST /api/things");
  }

  @Test
  void aTableEntryTheDocumentNoLongerHasFails() {
    assertThatThrownBy(() -> table().assertCovers(Set.of("GET /api/kpis")))
        .hasMessageContaining("not in the document")
        .hasMessageContaining("GET /api/things/{id}");
  }

  @Test
  void anOperationInBothListsFails() {
    PatientAccessSuite<String> suite = table().noPatientData("GET /api/things/{id}", "oops");
    assertThatThrownBy(() -> suite.assertCovers(Set.of("GET /api/things/{id}", "GET /api/kpis")))
        .hasMessageContaining("Both");
  }

  @Test
  void operationsAreReadFromTheDocumentsPaths() {
    Map<String, Map<String, Object>> paths =
        Map.of(
            "/api/things/{id}", Map.of("get", Map.of(), "post", Map.of(), "parameters", Map.of()));
    org.assertj.core.api.Assertions.assertThat(OpenApiOperations.of(paths))
        .containsExactly("GET /api/things/{id}", "POST /api/things/{id}");
  }
}
