package dk.stafet.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the services build into their images agrees with the manifests: no working default secret in
 * the prod profile, the MedCom profiles required in prod, and the Jib image settings (name, user,
 * port, JVM flags) matching the Deployments. The image itself cannot be built here (no registry or
 * daemon): docs/operations.md says how.
 */
class ServiceSettingsTest {

  /** A value with no default: ${VARIABLE} alone. */
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+}");

  private static final Pattern SECRET_KEY = Pattern.compile(".*(secret|password|credentials).*");

  @Test
  void theProductionProfileHasNoDefaultSecret() {
    List<String> problems = new ArrayList<>();
    for (String service : ServiceSettings.SERVICES) {
      problems.addAll(defaultSecretsInProduction(service, ServiceSettings.of(service)));
    }
    assertThat(problems).isEmpty();
    for (String backend : ServiceSettings.BACKENDS) {
      assertThat(ServiceSettings.of(backend).getProperty("%prod.stafet.pseudonym.secret"))
          .isEqualTo("${STAFET_PSEUDONYM_SECRET}");
      assertThat(ServiceSettings.of(backend).getProperty("%prod.quarkus.datasource.password"))
          .isEqualTo("${QUARKUS_DATASOURCE_PASSWORD}");
    }
  }

  @Test
  void aDefaultSecretWithoutAProductionOverrideIsFound() {
    Properties properties = new Properties();
    properties.setProperty(
        "stafet.pseudonym.secret", "${STAFET_PSEUDONYM_SECRET:local-development-secret-change-me}");
    properties.setProperty("quarkus.datasource.password", "${QUARKUS_DATASOURCE_PASSWORD:stafet}");
    properties.setProperty(
        "%prod.quarkus.datasource.password", "${QUARKUS_DATASOURCE_PASSWORD:stafet}");

    assertThat(defaultSecretsInProduction("example", properties)).hasSize(2);
  }

  @Test
  void theFrontDoorRequiresTheMedcomProfilesInProduction() {
    assertThat(
            ServiceSettings.of("referral-service")
                .getProperty("%prod.stafet.front-door.medcom.profiles-required"))
        .startsWith("${STAFET_MEDCOM_PROFILES_REQUIRED:true}");
  }

  @Test
  void outgoingMessagesAreValidatedAgainstTheMedcomProfilesInProduction() {
    assertThat(
            ServiceSettings.of("notification-service")
                .getProperty("%prod.stafet.notification.medcom.profiles-required"))
        .startsWith("${STAFET_MEDCOM_PROFILES_REQUIRED:true}");
  }

  @Test
  void eachImageIsTheOneItsDeploymentRuns() {
    for (String service : ServiceSettings.SERVICES) {
      Properties settings = ServiceSettings.of(service);
      JsonNode deployment =
          Manifests.ofKind(Manifests.overlay("prod"), "Deployment")
              .filter(d -> Manifests.name(d).equals(service))
              .findFirst()
              .orElseThrow();
      JsonNode pod = deployment.path("spec").path("template").path("spec");
      JsonNode container = pod.path("containers").path(0);
      String image =
          settings.getProperty("quarkus.container-image.group")
              + "/"
              + settings.getProperty("quarkus.container-image.name");

      assertThat(container.path("image").asText()).as(service).contains("/" + image + ":");
      assertThat(settings.getProperty("quarkus.jib.ports"))
          .isEqualTo(container.path("ports").path(0).path("containerPort").asText());
      assertThat(settings.getProperty("quarkus.jib.user"))
          .isEqualTo(pod.path("securityContext").path("runAsUser").asText());
      assertThat(settings.getProperty("quarkus.jib.jvm-additional-arguments"))
          .contains("-XX:+ExitOnOutOfMemoryError");
      assertThat(settings.getProperty("quarkus.jib.base-jvm-image"))
          .matches(".+/.+:[0-9][^:]*")
          .doesNotEndWith(":latest");
      assertThat(settings.getProperty("quarkus.container-image.build", "false"))
          .as("./mvnw verify builds no image")
          .isEqualTo("false");
    }
  }

  /** Secret-like settings whose default value would also apply in the prod profile. */
  static List<String> defaultSecretsInProduction(String service, Properties properties) {
    List<String> problems = new ArrayList<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("%") || !SECRET_KEY.matcher(key).matches()) {
        continue;
      }
      String production = properties.getProperty("%prod." + key, properties.getProperty(key));
      if (!REQUIRED_VARIABLE.matcher(production.trim()).matches()) {
        problems.add(
            service
                + ": "
                + key
                + " has a default in the prod profile ("
                + (production.contains(":") ? "a fallback" : "a literal")
                + ")");
      }
    }
    return problems;
  }
}
