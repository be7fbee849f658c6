package dk.stafet.deploycheck;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;

/**
 * Core Kubernetes kinds read into fabric8's typed model (kubernetes-model 8.0.0) so that a misspelt
 * or misplaced field is an error, not silently dropped: fabric8's classes keep unknown fields in an
 * "additional properties" map, so that catch-all is switched off here and {@code
 * FAIL_ON_UNKNOWN_PROPERTIES} applies. Only the kinds and versions Stafet uses are known; any other
 * is refused, so a new kind needs a deliberate entry here.
 */
final class CoreKinds {

  private static final Map<String, Class<?>> KINDS =
      Map.of(
          "v1:Namespace", Namespace.class,
          "v1:ConfigMap", ConfigMap.class,
          "v1:Secret", Secret.class,
          "v1:Service", Service.class,
          "v1:ServiceAccount", ServiceAccount.class,
          "apps/v1:Deployment", Deployment.class,
          "policy/v1:PodDisruptionBudget", PodDisruptionBudget.class,
          "autoscaling/v2:HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "networking.k8s.io/v1:NetworkPolicy", NetworkPolicy.class);

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .addModule(
              new SimpleModule()
                  .setDeserializerModifier(
                      new BeanDeserializerModifier() {
                        @Override
                        public BeanDeserializerBuilder updateBuilder(
                            DeserializationConfig config,
                            BeanDescription description,
                            BeanDeserializerBuilder builder) {
                          builder.setAnySetter(
                              null); // fabric8's @JsonAnySetter would swallow unknown fields
                          return builder;
                        }
                      }))
          .build();

  private CoreKinds() {}

  static boolean covers(JsonNode object) {
    return KINDS.containsKey(key(object));
  }

  /** Problems of {@code object} against the typed model, or empty when it reads cleanly. */
  static List<String> validate(JsonNode object) {
    Class<?> type = KINDS.get(key(object));
    if (type == null) {
      return List.of(Manifests.describe(object) + ": unknown kind " + key(object));
    }
    return read(object, type);
  }

  /** The metadata of any object, custom resources included. */
  static List<String> validateMetadata(JsonNode object) {
    return read(object.path("metadata"), ObjectMeta.class).stream()
        .map(problem -> Manifests.describe(object) + " metadata: " + problem)
        .toList();
  }

  private static List<String> read(JsonNode node, Class<?> type) {
    try {
      STRICT.treeToValue(node, type);
      return List.of();
    } catch (JsonMappingException e) {
      return List.of(
          type.getSimpleName()
              + " at "
              + e.getPathReference()
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (Exception e) {
      return List.of(type.getSimpleName() + ": " + e.getMessage());
    }
  }

  private static String key(JsonNode object) {
    return object.path("apiVersion").asText() + ":" + object.path("kind").asText();
  }
}
