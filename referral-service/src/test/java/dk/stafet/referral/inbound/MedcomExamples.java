package dk.stafet.referral.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * MedCom's example messages, read where they live (../shared/medcom-examples, or the folder in the
 * system property {@code stafet.shared.dir}); they are third-party data and never copied into this
 * repository.
 */
public final class MedcomExamples {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MedcomExamples() {}

  public static Path folder() {
    String shared = System.getProperty("stafet.shared.dir", "../../shared");
    Path folder = Path.of(shared, "medcom-examples").toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          "MedCom examples not found at " + folder + " (set -Dstafet.shared.dir)");
    }
    return folder;
  }

  public static Path hospitalNotification(String name) {
    return folder()
        .resolve(
            "dk-medcom-hospitalnotification-testscripts/HospitalNotification_Ex_" + name + ".json");
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every HospitalNotification and CareCommunication example that MedCom expects a receiver to
   * accept.
   */
  public static List<Path> validHospitalNotificationsAndCareCommunications() {
    try (Stream<Path> files = Files.walk(folder())) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".xml"))
          .filter(file -> !file.toString().contains("acknowledgement"))
          .filter(file -> !file.getFileName().toString().contains("TEK_FCC"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JSON example as a new letter: new Bundle.id, MessageHeader.id (with its fullUrl and the
   * Provenance that names it) and episode of care, so the front door takes it as a message of its
   * own rather than a retransmission.
   */
  public static ObjectNode withNewIds(ObjectNode bundle) {
    bundle.put("id", UUID.randomUUID().toString());
    String letterId = UUID.randomUUID().toString();
    firstResource(bundle, "MessageHeader").put("id", letterId);
    ((ObjectNode) bundle.withArray("entry").get(0)).put("fullUrl", "MessageHeader/" + letterId);
    // The current Provenance describes this letter (MedCom §1).
    firstResource(bundle, "Provenance")
        .withArray("target")
        .forEach(target -> ((ObjectNode) target).put("reference", "MessageHeader/" + letterId));
    firstResource(bundle, "Encounter")
        .withArray("episodeOfCare")
        .forEach(
            episode ->
                ((ObjectNode) episode.with("identifier"))
                    .put("value", UUID.randomUUID().toString()));
    return bundle;
  }

  public static String withNewIds(String json) {
    try {
      return JSON.writeValueAsString(withNewIds((ObjectNode) JSON.readTree(json)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode firstResource(ObjectNode bundle, String type) {
    for (JsonNode entry : bundle.withArray("entry")) {
      if (type.equals(entry.path("resource").path("resourceType").asText())) {
        return (ObjectNode) entry.get("resource");
      }
    }
    throw new IllegalStateException("no " + type);
  }

  public static String contentType(Path file) {
    return (file.toString().endsWith(".xml") ? "application/fhir+xml" : "application/fhir+json")
        + "; charset=UTF-8";
  }
}
