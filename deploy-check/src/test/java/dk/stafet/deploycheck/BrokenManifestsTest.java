package dk.stafet.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each check refuses a deliberately broken copy of a real rendered object: the validation that lets
 * the overlays through is not one that lets everything through.
 */
class BrokenManifestsTest {

  private static CrdSchemas crds;

  @BeforeAll
  static void loadCrds() {
    crds = CrdSchemas.load();
  }

  @Test
  void aMisspeltDeploymentFieldIsRefusedByTheTypedModel() {
    ObjectNode deployment =
        broken(
            "Deployment",
            "referral-service",
            d -> {
              ObjectNode spec = (ObjectNode) d.path("spec");
              spec.set("replica", spec.remove("replicas"));
            });
    assertThat(CoreKinds.validate(deployment)).singleElement().asString().contains("replica");
    assertThat(CoreKinds.validate(original("Deployment", "referral-service"))).isEmpty();
  }

  @Test
  void aFieldInTheWrongPlaceOfAContainerIsRefused() {
    ObjectNode deployment =
        broken(
            "Deployment",
            "notification-service",
            d -> container(d).set("livenesProbe", container(d).remove("livenessProbe")));
    assertThat(CoreKinds.validate(deployment)).singleElement().asString().contains("livenesProbe");
  }

  @Test
  void aWrongTypeInANetworkPolicyIsRefused() {
    ObjectNode policy =
        broken(
            "NetworkPolicy",
            "default-deny-all",
            p -> ((ObjectNode) p.path("spec")).put("policyTypes", "Ingress"));
    assertThat(CoreKinds.validate(policy)).isNotEmpty();
  }

  @Test
  void anUnknownKindIsRefused() {
    ObjectNode ingress =
        (ObjectNode)
            Manifests.parse(
                    "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: x}\n")
                .get(0);
    assertThat(crds.covers(ingress)).isFalse();
    assertThat(CoreKinds.validate(ingress)).singleElement().asString().contains("unknown kind");
  }

  @Test
  void aKafkaTopicAgainstStrimzisSchemaNeedsNumbersAndKnownFields() {
    assertThat(
            crds.validate(
                broken(
                    "KafkaTopic",
                    "stafet.course-events",
                    t -> ((ObjectNode) t.path("spec")).put("partitions", "twelve"))))
        .isNotEmpty();
    assertThat(
            crds.validate(
                broken(
                    "KafkaTopic",
                    "stafet.course-events",
                    t -> ((ObjectNode) t.path("spec")).put("partition", 12))))
        .singleElement()
        .asString()
        .contains("partition");
    assertThat(crds.validate(original("KafkaTopic", "stafet.course-events"))).isEmpty();
  }

  @Test
  void aKafkaUserWithAnUnknownAuthenticationIsRefused() {
    assertThat(
            crds.validate(
                broken(
                    "KafkaUser",
                    "referral-service",
                    u ->
                        ((ObjectNode) u.path("spec").path("authentication")).put("type", "plain"))))
        .isNotEmpty();
  }

  @Test
  void aKafkaListenerWithoutItsRequiredTypeIsRefused() {
    assertThat(
            crds.validate(
                broken(
                    "Kafka",
                    "stafet",
                    k ->
                        ((ObjectNode) k.path("spec").path("kafka").path("listeners").path(0))
                            .remove("type"))))
        .isNotEmpty();
  }

  @Test
  void aMisspeltBackupSettingOfAPostgresClusterIsRefusedByCloudNativePgsSchema() {
    ObjectNode cluster =
        broken(
            "Cluster",
            "referral-db",
            c -> {
              ObjectNode store =
                  (ObjectNode) c.path("spec").path("backup").path("barmanObjectStore");
              store.set("destinationPat", store.remove("destinationPath"));
            });
    assertThat(crds.validate(cluster)).anySatisfy(p -> assertThat(p).contains("destinationPat"));
    assertThat(crds.validate(original("Cluster", "referral-db"))).isEmpty();
  }

  @Test
  void aDeploymentWithoutALivenessProbeOrBudgetIsFound() {
    List<ObjectNode> objects =
        replaced(
            broken(
                "Deployment", "responsibility-service", d -> container(d).remove("livenessProbe")));
    objects.removeIf(
        o ->
            o.path("kind").asText().equals("PodDisruptionBudget")
                && Manifests.name(o).equals("responsibility-service"));

    assertThat(ManifestRules.workloads(objects))
        .containsExactlyInAnyOrder(
            "Deployment/responsibility-service container responsibility-service: no livenessProbe on /q/health/live",
            "Deployment/responsibility-service: no PodDisruptionBudget selects its pods");
  }

  @Test
  void aMissingDeadLetterTopicIsFound() {
    List<ObjectNode> objects = new ArrayList<>(Manifests.overlay("prod"));
    objects.removeIf(o -> Manifests.name(o).equals("stafet.notification-service.dlq"));

    assertThat(ManifestRules.topicsDeclared(objects, ServiceSettings.topicsInUse()))
        .containsExactly(
            "topic stafet.notification-service.dlq is used by a service but not declared as a KafkaTopic");
  }

  @Test
  void aSecretNobodyCreatesIsFound() {
    List<ObjectNode> objects =
        replaced(
            broken(
                "Deployment",
                "referral-service",
                d ->
                    ((ArrayNode) container(d).path("env"))
                        .addObject()
                        .put("name", "EXTRA")
                        .putObject("valueFrom")
                        .putObject("secretKeyRef")
                        .put("name", "nobody-makes-this")
                        .put("key", "x")));

    assertThat(ManifestRules.references(objects, ManifestRulesTest.externalSecrets()))
        .singleElement()
        .asString()
        .contains("nobody-makes-this");
  }

  @Test
  void aLiteralSecretOrASecretObjectInProductionIsFound() {
    List<ObjectNode> objects =
        replaced(
            broken(
                "Deployment",
                "referral-service",
                d ->
                    ((ArrayNode) container(d).path("env"))
                        .addObject()
                        .put("name", "STAFET_PSEUDONYM_SECRET")
                        .put("value", "x")));
    objects.addAll(
        Manifests.parse(
            "apiVersion: v1\nkind: Secret\nmetadata: {name: stafet-pseudonym}\nstringData: {secret: x}\n"));

    assertThat(ManifestRules.noShippedSecrets(objects)).hasSize(2);
  }

  @Test
  void aRecipientThatMayReadAnotherRecipientsTopicIsFound() {
    ObjectNode user =
        (ObjectNode)
            Manifests.ofKind(Manifests.overlay("dev"), "KafkaUser")
                .filter(u -> Manifests.name(u).startsWith("recipient-"))
                .findFirst()
                .orElseThrow()
                .deepCopy();
    allowTopicPrefix(user, "medcom.outbound.", "Read");
    List<ObjectNode> objects = new ArrayList<>(Manifests.overlay("dev"));
    objects.replaceAll(
        o ->
            o.path("kind").asText().equals("KafkaUser")
                    && Manifests.name(o).equals(Manifests.name(user))
                ? user
                : o);

    assertThat(ManifestRules.kafkaAccess(objects))
        .singleElement()
        .asString()
        .contains(Manifests.name(user))
        .contains("may read only");
  }

  @Test
  void aServiceThatMayWriteASendersInboundTopicIsFound() {
    List<ObjectNode> objects =
        replaced(
            broken(
                "KafkaUser",
                "notification-service",
                u -> allowTopicPrefix(u, "medcom.inbound.", "Write")));

    assertThat(ManifestRules.kafkaAccess(objects))
        .singleElement()
        .asString()
        .contains("KafkaUser/notification-service")
        .contains("only the sender itself may write its inbound topic");
  }

  @Test
  void aRecipientWithoutItsInboundTopicIsFound() {
    List<ObjectNode> objects = new ArrayList<>(Manifests.overlay("dev"));
    objects.removeIf(
        o ->
            o.path("kind").asText().equals("KafkaTopic")
                && Manifests.name(o).equals("medcom.inbound.5799990000187"));

    assertThat(ManifestRules.kafkaAccess(objects))
        .containsExactly(
            "KafkaUser/recipient-5799990000187: its topic medcom.inbound.5799990000187 is not declared");
  }

  @Test
  void aServiceOnPlaintextKafkaOrAStrangersUserIsFound() {
    List<ObjectNode> objects =
        replaced(
            broken(
                "Deployment",
                "notification-service",
                d ->
                    ((ObjectNode) ManifestRules.envVar(container(d), "KAFKA_SECURITY_PROTOCOL"))
                        .put("value", "PLAINTEXT")));
    objects.addAll(
        Manifests.parse(
            "apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata: {name: someone}\n"
                + "spec: {authentication: {type: scram-sha-512}}\n"));

    assertThat(ManifestRules.kafkaAccess(objects))
        .containsExactlyInAnyOrder(
            "Deployment/notification-service: KAFKA_SECURITY_PROTOCOL is not SASL_SSL",
            "KafkaUser/someone: neither a service nor a recipient-<GLN>");
  }

  @Test
  void aTopicForAnotherKafkaClusterIsFound() {
    List<ObjectNode> objects =
        replaced(
            broken(
                "KafkaTopic",
                "stafet.course-events",
                t ->
                    ((ObjectNode) t.path("metadata").path("labels"))
                        .put("strimzi.io/cluster", "other")));

    assertThat(ManifestRules.strimziClusterLabels(objects))
        .singleElement()
        .asString()
        .contains("stafet.course-events");
  }

  @Test
  void aServiceRunningAsTheDatabaseOwnerIsFound() {
    List<ObjectNode> objects =
        new ArrayList<>(Manifests.overlay("prod").stream().map(ObjectNode::deepCopy).toList());
    Manifests.ofKind(objects, "Deployment")
        .filter(d -> Manifests.name(d).equals("referral-service"))
        .forEach(
            d ->
                d.findParents("secretKeyRef").stream()
                    .map(p -> (ObjectNode) p.path("secretKeyRef"))
                    .filter(r -> r.path("name").asText().equals("referral-db-service"))
                    .forEach(r -> r.put("name", "referral-db-app")));

    assertThat(ManifestRules.databaseRoles(objects))
        .containsExactly(
            "Deployment/referral-service: the datasource does not use its own role's Secret",
            "Deployment/referral-service: STAFET_DB_APP_ROLE 'referral_app' is no login role of"
                + " Cluster/referral-db with passwordSecret referral-db-app");
  }

  @Test
  void aDatabaseWithoutScheduledBackupIsFound() {
    List<ObjectNode> objects = new ArrayList<>(Manifests.overlay("prod"));
    objects.removeIf(
        o ->
            o.path("kind").asText().equals("ScheduledBackup")
                && Manifests.name(o).startsWith("notification"));

    assertThat(ManifestRules.backups(objects))
        .containsExactly("Cluster/notification-db: no ScheduledBackup");
  }

  @Test
  void withoutTheDefaultDenyPolicyItIsFound() {
    List<ObjectNode> objects = new ArrayList<>(Manifests.overlay("prod"));
    objects.removeIf(o -> Manifests.describe(o).equals("NetworkPolicy/default-deny-all"));

    assertThat(ManifestRules.defaultDeny(objects)).hasSize(1);
    assertThat(ManifestRules.defaultDeny(Manifests.overlay("prod"))).isEmpty();
  }

  private static ObjectNode original(String kind, String name) {
    return Manifests.ofKind(Manifests.overlay("prod"), kind)
        .filter(o -> Manifests.name(o).equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Adds an ACL allowing the operation on every topic with the prefix to a KafkaUser. */
  private static void allowTopicPrefix(ObjectNode user, String prefix, String operation) {
    ((ArrayNode) user.path("spec").path("authorization").path("acls"))
        .addObject()
        .<ObjectNode>set(
            "resource",
            Manifests.YAML
                .createObjectNode()
                .put("type", "topic")
                .put("name", prefix)
                .put("patternType", "prefix"))
        .putArray("operations")
        .add(operation);
  }

  private static ObjectNode broken(String kind, String name, Consumer<ObjectNode> breakIt) {
    ObjectNode copy = original(kind, name).deepCopy();
    breakIt.accept(copy);
    return copy;
  }

  /** The prod overlay with {@code replacement} instead of the object of the same kind and name. */
  private static List<ObjectNode> replaced(ObjectNode replacement) {
    List<ObjectNode> objects = new ArrayList<>(Manifests.overlay("prod"));
    objects.replaceAll(
        o -> Manifests.describe(o).equals(Manifests.describe(replacement)) ? replacement : o);
    return objects;
  }

  private static ObjectNode container(JsonNode deployment) {
    return (ObjectNode)
        deployment.path("spec").path("template").path("spec").path("containers").path(0);
  }
}
