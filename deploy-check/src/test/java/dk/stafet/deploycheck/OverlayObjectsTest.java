package dk.stafet.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of each rendered overlay is valid: custom resources against the operators' CRD
 * schemas, core kinds against fabric8's typed model, both refusing unknown fields. Writes the count
 * per kind to target/deploy-check/OVERLAY-objects.txt.
 */
class OverlayObjectsTest {

  private static CrdSchemas crds;

  @BeforeAll
  static void loadCrds() {
    crds = CrdSchemas.load();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectIsValidAgainstItsSchema(String overlay) throws IOException {
    List<ObjectNode> objects = Manifests.overlay(overlay);
    List<String> problems = new ArrayList<>();
    Map<String, Integer> validated = new TreeMap<>();
    for (ObjectNode object : objects) {
      List<String> found = new ArrayList<>(CoreKinds.validateMetadata(object));
      if (crds.covers(object)) {
        found.addAll(crds.validate(object));
      } else {
        found.addAll(CoreKinds.validate(object));
      }
      problems.addAll(found);
      validated.merge(
          object.path("apiVersion").asText() + " " + object.path("kind").asText(), 1, Integer::sum);
    }
    Path report = Path.of("target/deploy-check/" + overlay + "-objects.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        validated.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining("\n", "", "\n")));
    System.out.printf(
        "deploy-check %s: %d objects validated %s%n", overlay, objects.size(), validated);

    assertThat(problems).as("invalid objects in overlay " + overlay).isEmpty();
    assertThat(validated)
        .containsKeys(
            "kafka.strimzi.io/v1 Kafka",
            "kafka.strimzi.io/v1 KafkaNodePool",
            "kafka.strimzi.io/v1 KafkaTopic",
            "kafka.strimzi.io/v1 KafkaUser",
            "postgresql.cnpg.io/v1 Cluster",
            "postgresql.cnpg.io/v1 ScheduledBackup",
            "apps/v1 Deployment",
            "networking.k8s.io/v1 NetworkPolicy");
  }
}
