package dk.stafet.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stafet's own rules for a rendered overlay, each a list of problems (empty = fine), so that tests
 * can show both that the real overlays pass and that a deliberately broken object is caught.
 */
final class ManifestRules {

  static final String OUTBOUND_PREFIX = "medcom.outbound.";
  static final String INBOUND_PREFIX = "medcom.inbound.";
  private static final Pattern RECIPIENT = Pattern.compile("recipient-(\\d{13})");
  private static final Pattern SECRET_LIKE_ENV =
      Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|CREDENTIAL).*");

  private ManifestRules() {}

  /** Every topic in {@code required} is declared as a KafkaTopic (auto-creation is off). */
  static List<String> topicsDeclared(List<ObjectNode> objects, Set<String> required) {
    Set<String> declared = declaredTopics(objects);
    return required.stream()
        .filter(topic -> !declared.contains(topic))
        .map(topic -> "topic " + topic + " is used by a service but not declared as a KafkaTopic")
        .sorted()
        .toList();
  }

  static Set<String> declaredTopics(List<ObjectNode> objects) {
    return Manifests.ofKind(objects, "KafkaTopic")
        .map(t -> t.path("spec").path("topicName").asText(Manifests.name(t)))
        .collect(Collectors.toSet());
  }

  /**
   * Each Deployment: the three probes on Quarkus's health endpoints, resources, exit on OOM, a PDB
   * and an HPA.
   */
  static List<String> workloads(List<ObjectNode> objects) {
    List<String> problems = new ArrayList<>();
    for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment").toList()) {
      String name = Manifests.name(deployment);
      JsonNode pod = deployment.path("spec").path("template");
      for (JsonNode container : pod.path("spec").path("containers")) {
        String where = "Deployment/" + name + " container " + container.path("name").asText();
        probe(problems, where, container, "startupProbe", "/q/health/started");
        probe(problems, where, container, "readinessProbe", "/q/health/ready");
        probe(problems, where, container, "livenessProbe", "/q/health/live");
        JsonNode resources = container.path("resources");
        for (String required : List.of("requests/cpu", "requests/memory", "limits/memory")) {
          String[] path = required.split("/");
          if (resources.path(path[0]).path(path[1]).asText().isEmpty()) {
            problems.add(where + ": no resources." + path[0] + "." + path[1]);
          }
        }
        if (!env(container, "JAVA_TOOL_OPTIONS").contains("-XX:+ExitOnOutOfMemoryError")) {
          problems.add(where + ": JAVA_TOOL_OPTIONS lacks -XX:+ExitOnOutOfMemoryError");
        }
      }
      JsonNode podLabels = pod.path("metadata").path("labels");
      boolean budget =
          Manifests.ofKind(objects, "PodDisruptionBudget")
              .anyMatch(
                  pdb -> selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels));
      if (!budget) {
        problems.add("Deployment/" + name + ": no PodDisruptionBudget selects its pods");
      }
      boolean autoscaler =
          Manifests.ofKind(objects, "HorizontalPodAutoscaler")
              .anyMatch(
                  hpa ->
                      hpa.path("spec")
                              .path("scaleTargetRef")
                              .path("kind")
                              .asText()
                              .equals("Deployment")
                          && hpa.path("spec")
                              .path("scaleTargetRef")
                              .path("name")
                              .asText()
                              .equals(name));
      if (!autoscaler) {
        problems.add("Deployment/" + name + ": no HorizontalPodAutoscaler");
      }
    }
    return problems;
  }

  /** A policy that selects every pod and allows nothing either way. */
  static List<String> defaultDeny(List<ObjectNode> objects) {
    boolean present =
        Manifests.ofKind(objects, "NetworkPolicy")
            .anyMatch(
                policy -> {
                  JsonNode spec = policy.path("spec");
                  Set<String> types = new HashSet<>();
                  spec.path("policyTypes").forEach(t -> types.add(t.asText()));
                  return spec.path("podSelector").isEmpty()
                      && types.containsAll(Set.of("Ingress", "Egress"))
                      && spec.path("ingress").isEmpty()
                      && spec.path("egress").isEmpty();
                });
    return present
        ? List.of()
        : List.of(
            "no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
  }

  /**
   * Every Secret and ConfigMap a workload or operator resource refers to, with the key, is defined
   * in the overlay or listed in deploy/external-secrets.yaml ({@code {cluster}} = each CNPG
   * Cluster, {@code {kafkaUser}} = each KafkaUser).
   */
  static List<String> references(
      List<ObjectNode> objects, Map<String, Set<String>> externalSecrets) {
    Map<String, Set<String>> secrets = new java.util.HashMap<>();
    externalSecrets.forEach(
        (pattern, keys) -> {
          if (pattern.contains("{cluster}")) {
            Manifests.ofKind(objects, "Cluster")
                .forEach(c -> secrets.put(pattern.replace("{cluster}", Manifests.name(c)), keys));
          } else if (pattern.contains("{kafkaUser}")) {
            Manifests.ofKind(objects, "KafkaUser")
                .forEach(u -> secrets.put(pattern.replace("{kafkaUser}", Manifests.name(u)), keys));
          } else {
            secrets.put(pattern, keys);
          }
        });
    Manifests.ofKind(objects, "Secret").forEach(s -> secrets.put(Manifests.name(s), keys(s)));
    Map<String, Set<String>> configMaps = new java.util.HashMap<>();
    Manifests.ofKind(objects, "ConfigMap").forEach(c -> configMaps.put(Manifests.name(c), keys(c)));

    List<String> problems = new ArrayList<>();
    for (ObjectNode object : objects) {
      String where = Manifests.describe(object);
      object
          .findParents("secretKeyRef")
          .forEach(p -> check(problems, where, "Secret", secrets, p.path("secretKeyRef")));
      object
          .findParents("configMapKeyRef")
          .forEach(p -> check(problems, where, "ConfigMap", configMaps, p.path("configMapKeyRef")));
      object.findValues("secret").stream()
          .filter(v -> v.has("secretName"))
          .forEach(
              v -> {
                check(problems, where, "Secret", secrets, v.path("secretName").asText(), null);
                v.path("items")
                    .forEach(
                        i ->
                            check(
                                problems,
                                where,
                                "Secret",
                                secrets,
                                v.path("secretName").asText(),
                                i.path("key").asText()));
              });
      object
          .findValues("secretRef")
          .forEach(r -> check(problems, where, "Secret", secrets, r.path("name").asText(), null));
      object
          .findValues("configMapRef")
          .forEach(
              r -> check(problems, where, "ConfigMap", configMaps, r.path("name").asText(), null));
      // CloudNativePG's {name, key} references (backup credentials).
      object
          .findValues("s3Credentials")
          .forEach(
              credentials ->
                  credentials.forEach(
                      ref -> {
                        if (ref.has("name") && ref.has("key")) {
                          check(
                              problems,
                              where,
                              "Secret",
                              secrets,
                              ref.path("name").asText(),
                              ref.path("key").asText());
                        }
                      }));
    }
    return problems;
  }

  /**
   * Production ships no secret: no Secret object, and no secret-like environment variable with a
   * literal value.
   */
  static List<String> noShippedSecrets(List<ObjectNode> objects) {
    List<String> problems = new ArrayList<>();
    Manifests.ofKind(objects, "Secret")
        .forEach(s -> problems.add(Manifests.describe(s) + ": defined in the overlay"));
    for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment").toList()) {
      for (JsonNode env : deployment.findValues("env")) {
        for (JsonNode variable : env) {
          if (SECRET_LIKE_ENV.matcher(variable.path("name").asText()).matches()
              && variable.has("value")) {
            problems.add(
                Manifests.describe(deployment)
                    + ": "
                    + variable.path("name").asText()
                    + " has a literal value");
          }
        }
      }
    }
    return problems;
  }

  /**
   * Kafka access: an authenticated TLS listener and the simple authoriser; the services each with
   * their own identity, SASL_SSL and a JAAS configuration from their own KafkaUser's Secret; every
   * recipient reads exactly its own medcom.outbound.GLN and writes exactly medcom.inbound; nobody
   * else reads a recipient's topic or any topic but a service; every per-recipient topic has its
   * recipient and every recipient its topic.
   */
  static List<String> kafkaAccess(List<ObjectNode> objects) {
    List<String> problems = new ArrayList<>();
    for (ObjectNode kafka : Manifests.ofKind(objects, "Kafka").toList()) {
      for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
        String type = listener.path("authentication").path("type").asText();
        if (!listener.path("tls").asBoolean()
            || !(type.equals("scram-sha-512") || type.equals("tls"))) {
          problems.add(
              "Kafka listener "
                  + listener.path("name").asText()
                  + ": needs TLS and scram-sha-512 or tls authentication");
        }
      }
      if (!kafka
          .path("spec")
          .path("kafka")
          .path("authorization")
          .path("type")
          .asText()
          .equals("simple")) {
        problems.add(
            "Kafka/"
                + Manifests.name(kafka)
                + ": no ACL authorisation (authorization.type: simple)");
      }
    }
    Set<String> services =
        Manifests.ofKind(objects, "Deployment")
            .filter(
                d ->
                    d.path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels")
                        .path("app.kubernetes.io/component")
                        .asText()
                        .equals("backend"))
            .map(Manifests::name)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> users =
        Manifests.ofKind(objects, "KafkaUser").map(Manifests::name).collect(Collectors.toSet());
    for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment").toList()) {
      String name = Manifests.name(deployment);
      if (!services.contains(name)) {
        continue;
      }
      JsonNode container =
          deployment.path("spec").path("template").path("spec").path("containers").path(0);
      if (!env(container, "KAFKA_SECURITY_PROTOCOL").equals("SASL_SSL")) {
        problems.add("Deployment/" + name + ": KAFKA_SECURITY_PROTOCOL is not SASL_SSL");
      }
      JsonNode jaas =
          envVar(container, "KAFKA_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef");
      if (!jaas.path("name").asText().equals(name) || !users.contains(name)) {
        problems.add(
            "Deployment/"
                + name
                + ": KAFKA_SASL_JAAS_CONFIG must come from its own KafkaUser "
                + name);
      }
    }
    Set<String> recipientTopics =
        declaredTopics(objects).stream()
            .filter(t -> t.startsWith(OUTBOUND_PREFIX) || t.startsWith(INBOUND_PREFIX))
            .collect(Collectors.toSet());
    for (ObjectNode user : Manifests.ofKind(objects, "KafkaUser").toList()) {
      String name = Manifests.name(user);
      if (user.path("spec").path("authentication").path("type").asText().isEmpty()) {
        problems.add("KafkaUser/" + name + ": no authentication");
      }
      Set<String> acls = acls(user);
      Matcher recipient = RECIPIENT.matcher(name);
      if (recipient.matches()) {
        String gln = recipient.group(1);
        Set<String> expected =
            Set.of(
                "topic literal " + OUTBOUND_PREFIX + gln + " Describe",
                "topic literal " + OUTBOUND_PREFIX + gln + " Read",
                "group prefix recipient-" + gln + " Read",
                "topic literal " + INBOUND_PREFIX + gln + " Describe",
                "topic literal " + INBOUND_PREFIX + gln + " Write");
        if (!acls.equals(expected)) {
          problems.add(
              "KafkaUser/"
                  + name
                  + ": a recipient may read only "
                  + OUTBOUND_PREFIX
                  + gln
                  + " and write only "
                  + INBOUND_PREFIX
                  + gln
                  + ", but has "
                  + new TreeSet<>(acls));
        }
        for (String own : List.of(OUTBOUND_PREFIX + gln, INBOUND_PREFIX + gln)) {
          if (!recipientTopics.contains(own)) {
            problems.add("KafkaUser/" + name + ": its topic " + own + " is not declared");
          }
        }
      } else if (!services.contains(name)) {
        problems.add("KafkaUser/" + name + ": neither a service nor a recipient-<GLN>");
      } else {
        acls.stream()
            .filter(
                acl ->
                    acl.startsWith("topic")
                        && acl.contains(OUTBOUND_PREFIX)
                        && acl.endsWith(" Read"))
            .forEach(
                acl ->
                    problems.add(
                        "KafkaUser/"
                            + name
                            + ": a service must not read recipients' topics ("
                            + acl
                            + ")"));
        // The inbound topic names its authenticated sender: anyone else writing it could forge one.
        acls.stream()
            .filter(ManifestRules::mayWriteAnInboundTopic)
            .forEach(
                acl ->
                    problems.add(
                        "KafkaUser/"
                            + name
                            + ": only the sender itself may write its inbound topic ("
                            + acl
                            + ")"));
      }
    }
    for (String topic : recipientTopics) {
      String gln = topic.substring(topic.lastIndexOf('.') + 1);
      if (!users.contains("recipient-" + gln)) {
        problems.add("KafkaTopic/" + topic + ": no KafkaUser recipient-" + gln);
      }
    }
    return problems;
  }

  /**
   * Strimzi's operators act only on resources labelled with their Kafka cluster: any other label is
   * silently ignored.
   */
  static List<String> strimziClusterLabels(List<ObjectNode> objects) {
    Set<String> clusters =
        Manifests.ofKind(objects, "Kafka").map(Manifests::name).collect(Collectors.toSet());
    return objects.stream()
        .filter(
            o ->
                Set.of("KafkaTopic", "KafkaUser", "KafkaNodePool")
                    .contains(o.path("kind").asText()))
        .filter(
            o ->
                !clusters.contains(
                    o.path("metadata").path("labels").path("strimzi.io/cluster").asText()))
        .map(
            o ->
                Manifests.describe(o)
                    + ": label strimzi.io/cluster names no Kafka of this overlay "
                    + clusters)
        .toList();
  }

  /** Every CloudNativePG Cluster archives to an object store and has a ScheduledBackup. */
  static List<String> backups(List<ObjectNode> objects) {
    List<String> problems = new ArrayList<>();
    for (ObjectNode cluster : Manifests.ofKind(objects, "Cluster").toList()) {
      String name = Manifests.name(cluster);
      boolean archive =
          cluster.path("spec").path("backup").has("barmanObjectStore")
              || cluster.path("spec").path("plugins").findValues("isWALArchiver").stream()
                  .anyMatch(JsonNode::asBoolean);
      if (!archive) {
        problems.add("Cluster/" + name + ": no backup object store / WAL archiver");
      }
      if (Manifests.ofKind(objects, "ScheduledBackup")
          .noneMatch(b -> b.path("spec").path("cluster").path("name").asText().equals(name))) {
        problems.add("Cluster/" + name + ": no ScheduledBackup");
      }
    }
    return problems;
  }

  /**
   * A service runs as its database's application role, never as the owner (issue 14 item 5): the
   * datasource and Flyway use different Secrets, Flyway the owner's ({@code <cluster>-app}), the
   * datasource the passwordSecret of the Cluster's managed role that STAFET_DB_APP_ROLE names (so
   * V12 grants that role, and no more).
   */
  static List<String> databaseRoles(List<ObjectNode> objects) {
    List<String> problems = new ArrayList<>();
    for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment").toList()) {
      for (JsonNode container :
          deployment.path("spec").path("template").path("spec").path("containers")) {
        String url = env(container, "QUARKUS_DATASOURCE_JDBC_URL");
        if (url.isEmpty()) {
          continue;
        }
        String where = Manifests.describe(deployment) + ": ";
        Matcher host = Pattern.compile("//([a-z0-9-]+)-rw[:/]").matcher(url);
        String cluster = host.find() ? host.group(1) : "?";
        String serviceUser = secretOf(container, "QUARKUS_DATASOURCE_USERNAME");
        String flywayUser = secretOf(container, "QUARKUS_FLYWAY_USERNAME");
        String role = env(container, "STAFET_DB_APP_ROLE");
        if (!flywayUser.equals(cluster + "-app")
            || !secretOf(container, "QUARKUS_FLYWAY_PASSWORD").equals(cluster + "-app")) {
          problems.add(where + "Flyway does not connect as the owner (" + cluster + "-app)");
        }
        if (serviceUser.equals(flywayUser)
            || !secretOf(container, "QUARKUS_DATASOURCE_PASSWORD").equals(serviceUser)) {
          problems.add(where + "the datasource does not use its own role's Secret");
        }
        boolean managed =
            Manifests.ofKind(objects, "Cluster")
                .filter(c -> Manifests.name(c).equals(cluster))
                .flatMap(c -> stream(c.path("spec").path("managed").path("roles")))
                .anyMatch(
                    r ->
                        r.path("name").asText().equals(role)
                            && r.path("login").asBoolean()
                            && r.path("passwordSecret").path("name").asText().equals(serviceUser));
        if (!managed) {
          problems.add(
              where
                  + "STAFET_DB_APP_ROLE '"
                  + role
                  + "' is no login role of Cluster/"
                  + cluster
                  + " with passwordSecret "
                  + serviceUser);
        }
      }
    }
    return problems;
  }

  private static String secretOf(JsonNode container, String name) {
    return envVar(container, name).path("valueFrom").path("secretKeyRef").path("name").asText();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  static String env(JsonNode container, String name) {
    return envVar(container, name).path("value").asText();
  }

  static JsonNode envVar(JsonNode container, String name) {
    for (JsonNode variable : container.path("env")) {
      if (variable.path("name").asText().equals(name)) {
        return variable;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /**
   * An allowing topic ACL ("topic literal|prefix NAME OPERATION") that covers a sender's inbound
   * topic with Write or All: a literal inbound topic, or a prefix of {@code medcom.inbound.<GLN>}
   * (also {@code *}).
   */
  private static boolean mayWriteAnInboundTopic(String acl) {
    String[] parts = acl.split(" ");
    if (parts.length != 4 || !parts[0].equals("topic")) {
      return false;
    }
    boolean writes = parts[3].equals("Write") || parts[3].equals("All");
    String name = parts[2];
    boolean coversInbound =
        name.equals("*")
            || (parts[1].equals("prefix")
                ? (INBOUND_PREFIX + "0000000000000").startsWith(name)
                    || name.startsWith(INBOUND_PREFIX)
                : name.startsWith(INBOUND_PREFIX));
    return writes && coversInbound;
  }

  private static Set<String> acls(JsonNode user) {
    Set<String> acls = new HashSet<>();
    for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
      JsonNode resource = acl.path("resource");
      String pattern = resource.path("patternType").asText("literal");
      for (JsonNode operation : acl.path("operations")) {
        String type = acl.path("type").asText("allow").equals("allow") ? "" : "deny ";
        acls.add(
            type
                + resource.path("type").asText()
                + " "
                + pattern
                + " "
                + resource.path("name").asText()
                + " "
                + operation.asText());
      }
    }
    return acls;
  }

  private static void probe(
      List<String> problems, String where, JsonNode container, String probe, String path) {
    if (!container.path(probe).path("httpGet").path("path").asText().equals(path)) {
      problems.add(where + ": no " + probe + " on " + path);
    }
  }

  private static boolean selects(JsonNode matchLabels, JsonNode labels) {
    if (matchLabels.isEmpty()) {
      return false;
    }
    for (var it = matchLabels.fields(); it.hasNext(); ) {
      var label = it.next();
      if (!labels.path(label.getKey()).asText().equals(label.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> keys(JsonNode object) {
    Set<String> keys = new HashSet<>();
    object.path("data").fieldNames().forEachRemaining(keys::add);
    object.path("stringData").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static void check(
      List<String> problems,
      String where,
      String kind,
      Map<String, Set<String>> known,
      JsonNode ref) {
    check(problems, where, kind, known, ref.path("name").asText(), ref.path("key").asText(null));
  }

  private static void check(
      List<String> problems,
      String where,
      String kind,
      Map<String, Set<String>> known,
      String name,
      String key) {
    Set<String> keys = known.get(name);
    if (keys == null) {
      problems.add(
          where
              + ": refers to "
              + kind
              + " "
              + name
              + ", which is neither in the overlay nor documented as external");
    } else if (key != null && !keys.contains(key)) {
      problems.add(
          where
              + ": refers to key "
              + key
              + " of "
              + kind
              + " "
              + name
              + ", which has only "
              + new TreeSet<>(keys));
    }
  }
}
