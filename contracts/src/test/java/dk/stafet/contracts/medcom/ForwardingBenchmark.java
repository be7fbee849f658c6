package dk.stafet.contracts.medcom;

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
    MedcomCodec codec = new MedcomCodec();
    TwoWaysBenchmark.run(
        TwoWaysBenchmark.jsonLetters(),
        rounds,
        "through the model",
        letter -> {
          Bundle bundle = codec.parse(letter, MedcomFormat.JSON);
          bundle.setId("e");
          return codec.write(bundle, MedcomFormat.JSON).length();
        },
        "streaming copy",
        letter -> MessageReenveloper.withBundleId(letter, "e").length());
  }
}
