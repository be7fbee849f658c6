package dk.stafet.contracts.medcom;

import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What forwarding a letter in a new envelope costs the hub, per letter, over MedCom's JSON
 * examples: through HAPI's model (parse, new Bundle.id, write) against {@link
 * MessageReenveloper#withBundleId} (a streaming copy). A main class, not a test: timings are not
 * asserted. Run from contracts/ after {@code test-compile}:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   -Dstafet.shared.dir=../../shared dk.stafet.contracts.medcom.ForwardingBenchmark [rounds]
 * </pre>
 */
public final class ForwardingBenchmark {

  private ForwardingBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    List<String> letters =
        MedcomExamples.allExampleFiles().stream()
            .filter(file -> file.toString().endsWith(".json"))
            .map(MedcomExamples::read)
            .filter(text -> text.contains("\"Bundle\""))
            .toList();
    MedcomCodec codec = new MedcomCodec();
    long bytes = letters.stream().mapToLong(String::length).sum();
    System.out.printf(
        Locale.ROOT,
        "%d JSON letters, %.1f KB on average, %d rounds; java %s%n",
        letters.size(),
        bytes / 1024.0 / letters.size(),
        rounds,
        System.getProperty("java.vm.version"));
    for (int pass = 1; pass <= 2; pass++) { // the first pass warms up
      long sink = 0;
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        for (String letter : letters) {
          Bundle bundle = codec.parse(letter, MedcomFormat.JSON.mimeType());
          bundle.setId("e" + i);
          sink += codec.write(bundle, MedcomFormat.JSON).length();
        }
      }
      long model = System.nanoTime() - start;
      start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        for (String letter : letters) {
          sink += MessageReenveloper.withBundleId(letter, "e" + i).length();
        }
      }
      long streaming = System.nanoTime() - start;
      double n = (double) rounds * letters.size();
      System.out.printf(
          Locale.ROOT,
          "pass %d: through the model %.3f ms/letter, streaming copy %.3f ms/letter (%.0fx) [%d]%n",
          pass,
          model / 1e6 / n,
          streaming / 1e6 / n,
          (double) model / streaming,
          sink % 10);
    }
  }
}
