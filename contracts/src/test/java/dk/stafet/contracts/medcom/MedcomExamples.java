package dk.stafet.contracts.medcom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates MedCom's examples and profiles in the shared folder (third-party data, never copied into
 * this repository). Surefire passes {@code stafet.shared.dir}; otherwise "../shared" next to the
 * parent project.
 */
public final class MedcomExamples {

  private MedcomExamples() {}

  public static Path sharedDir() {
    String configured = System.getProperty("stafet.shared.dir");
    Path dir =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("").toAbsolutePath().getParent().resolve("../shared").normalize();
    return dir;
  }

  /** Skips the calling test (with a reason) when the shared folder is genuinely absent. */
  public static Path examplesDir() {
    Path dir = sharedDir().resolve("medcom-examples");
    assumeTrue(
        Files.isDirectory(dir),
        "MedCom examples not found at " + dir + " (set -Dstafet.shared.dir)");
    return dir;
  }

  public static Path profilesDir() {
    Path dir = sharedDir().resolve("medcom-profiles");
    assumeTrue(
        Files.isDirectory(dir),
        "MedCom profiles not found at " + dir + " (set -Dstafet.shared.dir)");
    return dir;
  }

  /** Every example message file (JSON and XML), sorted. */
  public static List<Path> allExampleFiles() {
    try (Stream<Path> files = Files.walk(examplesDir())) {
      return files
          .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path example(String fileName) {
    return allExampleFiles().stream()
        .filter(f -> f.getFileName().toString().equals(fileName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No example " + fileName));
  }

  /**
   * Reads an example. Binary-Ack-AR_B.json is not valid UTF-8 (a Latin-1 'å'), so fall back to
   * ISO-8859-1.
   */
  public static String read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      var decoder = StandardCharsets.UTF_8.newDecoder();
      try {
        return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (java.nio.charset.CharacterCodingException notUtf8) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(String fileName) {
    return read(example(fileName));
  }

  public static String contentTypeOf(Path file) {
    return file.toString().endsWith(".xml") ? "application/fhir+xml" : "application/fhir+json";
  }
}
