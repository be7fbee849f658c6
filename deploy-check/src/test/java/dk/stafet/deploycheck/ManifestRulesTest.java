package dk.stafet.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.stafet.contracts.registry.OrganisationRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stafet's own rules over each rendered overlay (ManifestRules); BrokenManifestsTest shows each
 * rule can fail.
 */
class ManifestRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyTopicTheServicesUseIsDeclared(String overlay) {
    assertThat(ServiceSettings.topicsInUse())
        .contains(
            "stafet.course-events.responsibility-dlq",
            "stafet.notification-service.dlq",
            "stafet.course-events")
        .noneMatch(topic -> topic.startsWith("medcom."));
    assertThat(
            ManifestRules.topicsDeclared(Manifests.overlay(overlay), ServiceSettings.topicsInUse()))
        .isEmpty();
  }

  @Test
  void theDevOverlayHasATopicAndAnIdentityForEveryRecipientOfTheDemoRegistry() {
    Set<String> glns =
        OrganisationRegistry.standard().all().stream()
            .map(o -> o.gln())
            .filter(g -> g != null)
            .collect(Collectors.toSet());
    Set<String> topics =
        glns.stream()
            .flatMap(
                g ->
                    java.util.stream.Stream.of(
                        ManifestRules.OUTBOUND_PREFIX + g, ManifestRules.INBOUND_PREFIX + g))
            .collect(Collectors.toSet());

    assertThat(glns).hasSizeGreaterThan(10);
    assertThat(ManifestRules.topicsDeclared(Manifests.overlay("dev"), topics)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyDeploymentHasProbesResourcesABudgetAndAnAutoscaler(String overlay) {
    List<ObjectNode> objects = Manifests.overlay(overlay);
    assertThat(Manifests.ofKind(objects, "Deployment").count()).isEqualTo(4);
    assertThat(ManifestRules.workloads(objects)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void networkTrafficIsDeniedByDefault(String overlay) {
    assertThat(ManifestRules.defaultDeny(Manifests.overlay(overlay))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everySecretAndConfigMapReferenceResolves(String overlay) {
    assertThat(ManifestRules.references(Manifests.overlay(overlay), externalSecrets())).isEmpty();
  }

  @Test
  void productionShipsNoSecret() {
    assertThat(ManifestRules.noShippedSecrets(Manifests.overlay("prod"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void kafkaAccessIsPerServiceAndPerRecipient(String overlay) {
    assertThat(ManifestRules.kafkaAccess(Manifests.overlay(overlay))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyTopicUserAndNodePoolBelongsToTheKafkaCluster(String overlay) {
    assertThat(ManifestRules.strimziClusterLabels(Manifests.overlay(overlay))).isEmpty();
  }

  @Test
  void theProductionRecipientTemplateGivesExactlyARecipientsRights() {
    String template =
        Manifests.read(
                Manifests.repository()
                    .resolve("deploy/overlays/prod/recipients/recipient.yaml.template"))
            .replace("GLN", "5790001348120");
    List<ObjectNode> recipient = Manifests.parse(template);
    List<ObjectNode> withRecipient = new java.util.ArrayList<>(Manifests.overlay("prod"));
    withRecipient.addAll(recipient);

    CrdSchemas crds = CrdSchemas.load();
    assertThat(recipient).hasSize(3).allSatisfy(o -> assertThat(crds.validate(o)).isEmpty());
    assertThat(ManifestRules.kafkaAccess(withRecipient)).isEmpty();
    assertThat(ManifestRules.strimziClusterLabels(withRecipient)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyDatabaseIsBackedUp(String overlay) {
    List<ObjectNode> objects = Manifests.overlay(overlay);
    assertThat(Manifests.ofKind(objects, "Cluster").count()).isEqualTo(3);
    assertThat(ManifestRules.backups(objects)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyServiceRunsAsItsDatabasesApplicationRoleAndOnlyFlywayAsTheOwner(String overlay) {
    List<ObjectNode> objects = Manifests.overlay(overlay);
    assertThat(
            Manifests.ofKind(objects, "Deployment")
                .filter(d -> d.toString().contains("QUARKUS_DATASOURCE_JDBC_URL"))
                .count())
        .isEqualTo(3);
    assertThat(ManifestRules.databaseRoles(objects)).isEmpty();
  }

  @Test
  void theDevSecretOfEachApplicationRoleNamesThatRole() {
    List<ObjectNode> objects = Manifests.overlay("dev");
    for (String service : List.of("referral", "responsibility", "notification")) {
      ObjectNode secret =
          Manifests.ofKind(objects, "Secret")
              .filter(s -> Manifests.name(s).equals(service + "-db-service"))
              .findFirst()
              .orElseThrow();
      assertThat(secret.path("type").asText()).isEqualTo("kubernetes.io/basic-auth");
      assertThat(
              new String(
                  java.util.Base64.getDecoder()
                      .decode(secret.path("data").path("username").asText())))
          .isEqualTo(service + "_app");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theFrontDoorFindsTheMedcomProfilesOfItsImage(String overlay) {
    JsonNode referral =
        Manifests.ofKind(Manifests.overlay(overlay), "Deployment")
            .filter(d -> Manifests.name(d).equals("referral-service"))
            .findFirst()
            .orElseThrow();
    JsonNode container =
        referral.path("spec").path("template").path("spec").path("containers").path(0);

    assertThat(ManifestRules.env(container, "STAFET_SHARED_DIR")).isEqualTo("/medcom");
  }

  /** deploy/external-secrets.yaml: name (with {cluster} / {kafkaUser} placeholders) to keys. */
  static Map<String, Set<String>> externalSecrets() {
    Map<String, Set<String>> secrets = new HashMap<>();
    for (JsonNode entry :
        Manifests.parse(
                "list: "
                    + "\n"
                    + indent(
                        Manifests.read(
                            Manifests.repository().resolve("deploy/external-secrets.yaml"))))
            .get(0)
            .path("list")) {
      Set<String> keys = new HashSet<>();
      entry.path("keys").forEach(k -> keys.add(k.asText()));
      secrets.put(entry.path("name").asText(), keys);
    }
    return secrets;
  }

  private static String indent(String yaml) {
    return yaml.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
  }
}
