package dk.stafet.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The rendered overlays of deploy/ and where the repository and ../shared are. */
final class Manifests {

  static final List<String> OVERLAYS = List.of("dev", "prod");
  static final ObjectMapper YAML = new YAMLMapper();
  private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

  private Manifests() {}

  static Path repository() {
    return Path.of(System.getProperty("stafet.repository.dir", "..")).toAbsolutePath().normalize();
  }

  /** MedCom data and the operators' CRDs: beside the repository, read in place. */
  static Path shared() {
    return Path.of(
            System.getProperty("stafet.shared.dir", repository().resolve("../shared").toString()))
        .toAbsolutePath()
        .normalize();
  }

  /**
   * Every object of {@code kubectl kustomize deploy/overlays/<overlay>}, rendered once per test
   * run.
   */
  static List<ObjectNode> overlay(String overlay) {
    return RENDERED.computeIfAbsent(
        overlay, o -> parse(kustomize(repository().resolve("deploy/overlays").resolve(o))));
  }

  static String kustomize(Path directory) {
    ProcessBuilder command =
        new ProcessBuilder("kubectl", "kustomize", directory.toString()).redirectErrorStream(false);
    try {
      Path errors = Files.createTempFile("kustomize", ".err");
      Process process = command.redirectError(errors.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(
            "kubectl kustomize " + directory + " failed: " + Files.readString(errors));
      }
      Files.deleteIfExists(errors);
      return out;
    } catch (IOException e) {
      throw new AssertionError(
          "kubectl is needed to render the overlays (kubectl kustomize) and was not found on the"
              + " PATH: install kubectl (Kubernetes' client; its built-in kustomize is used): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static List<ObjectNode> parse(String yaml) {
    List<ObjectNode> objects = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(yaml)) {
      var documents = YAML.readValues(parser, JsonNode.class);
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document != null && document.isObject()) {
          objects.add((ObjectNode) document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  static Stream<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asText();
  }

  static String describe(JsonNode object) {
    return object.path("kind").asText() + "/" + name(object);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
