package dk.stafet.contracts.medcom;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Measures warm per-message validation time. A main class, not a test: timings on a shared 2-core
 * machine are too noisy to assert on. Run from contracts/ after {@code test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   -Dstafet.shared.dir=../../shared dk.stafet.contracts.medcom.ValidationBenchmark [rounds]
 * </pre>
 */
public final class ValidationBenchmark {

  private static final List<String> HOSPITAL_NOTIFICATIONS =
      List.of(
          "HospitalNotification_Ex_STIN_A.json",
          "HospitalNotification_Ex_SLOR_G.json",
          "Bundle-a5e5b880-c087-4055-b9ec-99108695f81d.xml");
  private static final List<String> CARE_COMMUNICATIONS =
      List.of(
          "Bundle-0d5b3c18-fab6-4d93-9d88-c9c8abf1f18c.json",
          "Bundle-c0426e3e-978f-46e8-a366-a30f27854b0a.json");
  private static final List<String> ACKNOWLEDGEMENTS =
      List.of("Bundle-bc9535ef-ed94-4060-a928-7baddec7ee71.json");

  private ValidationBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    MedcomCodec codec = new MedcomCodec();
    Path profiles = MedcomExamples.sharedDir().resolve("medcom-profiles");
    for (Path root : new Path[] {profiles, null}) {
      long start = System.nanoTime();
      MedcomValidator validator = new MedcomValidator(codec, root);
      long built = System.nanoTime();
      validator.warmUp();
      long warmed = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "%n%s%n  construct %.0f ms, warmUp %.0f ms%n",
          validator.profileValidationStatus(),
          (built - start) / 1e6,
          (warmed - built) / 1e6);
      report("HospitalNotification", HOSPITAL_NOTIFICATIONS, validator, codec, rounds);
      report("CareCommunication", CARE_COMMUNICATIONS, validator, codec, rounds);
      report("Acknowledgement", ACKNOWLEDGEMENTS, validator, codec, rounds);
    }
  }

  private static void report(
      String label, List<String> files, MedcomValidator validator, MedcomCodec codec, int rounds) {
    for (String file : files) {
      Path path = MedcomExamples.example(file);
      Bundle bundle = codec.parse(MedcomExamples.read(path), MedcomExamples.contentTypeOf(path));
      long first = System.nanoTime();
      validator.validate(bundle);
      double firstMs = (System.nanoTime() - first) / 1e6;
      for (int i = 0; i < rounds / 4; i++) {
        validator.validate(bundle); // let the JIT settle
      }
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        validator.validate(bundle);
      }
      double perMessage = (System.nanoTime() - start) / 1e6 / rounds;
      System.out.printf(
          Locale.ROOT,
          "  %-20s %-52s first %7.1f ms, warm %6.2f ms/message%n",
          label,
          file,
          firstMs,
          perMessage);
    }
  }
}
