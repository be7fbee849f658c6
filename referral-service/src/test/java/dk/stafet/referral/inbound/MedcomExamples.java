package dk.stafet.referral.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * MedCom's example messages, read where they live (../shared/medcom-examples, or the folder in the system property
 * {@code stafet.shared.dir}); they are third-party data and never copied into this repository.
 */
public final class MedcomExamples {

  private MedcomExamples() {
  }

  public static Path folder() {
    String shared = System.getProperty("stafet.shared.dir", "../../shared");
    Path folder = Path.of(shared, "medcom-examples").toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("MedCom examples not found at " + folder + " (set -Dstafet.shared.dir)");
    }
    return folder;
  }

  public static Path hospitalNotification(String name) {
    return folder().resolve("dk-medcom-hospitalnotification-testscripts/HospitalNotification_Ex_" + name + ".json");
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every HospitalNotification and CareCommunication example that MedCom expects a receiver to accept. */
  public static List<Path> validHospitalNotificationsAndCareCommunications() {
    try (Stream<Path> files = Files.walk(folder())) {
      return files.filter(Files::isRegularFile)
          .filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".xml"))
          .filter(file -> !file.toString().contains("acknowledgement"))
          .filter(file -> !file.getFileName().toString().contains("TEK_FCC"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String contentType(Path file) {
    return (file.toString().endsWith(".xml") ? "application/fhir+xml" : "application/fhir+json") + "; charset=UTF-8";
  }
}
