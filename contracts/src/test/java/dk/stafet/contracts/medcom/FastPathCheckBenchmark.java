package dk.stafet.contracts.medcom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fast path's check of a received message on its own, as the front door spends it: the codec
 * parses the text (timed apart; the front door needs that model for the message's rules anyway),
 * then {@link MedcomValidator#screen} checks the model. Over the MedCom JSON examples the fast path
 * accepts, for as many seconds as asked; prints the mean parse, and the check's mean, p50 and p95.
 * Uses only the public API, so the same class runs against an earlier build's classes for a
 * before/after. Run like {@link ForwardingBenchmark} ({@code ... FastPathCheckBenchmark 30}).
 */
public final class FastPathCheckBenchmark {

  private FastPathCheckBenchmark() {}

  public static void main(String[] args) {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
    MedcomCodec codec = new MedcomCodec();
    MedcomValidator validator = new MedcomValidator(codec, MedcomExamples.profilesDir());
    validator.configureFastPath(new FastPathSettings(true, 0, Runnable::run, (type, paths) -> {}));
    List<String> accepted = new ArrayList<>();
    for (String text : TwoWaysBenchmark.jsonLetters()) {
      try {
        if (validator
            .screen(codec.parseNoted(text, MedcomFormat.JSON), text)
            .verdict()
            .accepted()) {
          accepted.add(text);
        }
      } catch (MedcomParseException e) {
        // not a message the check sees
      }
    }
    long[] checks = new long[1 << 20];
    int n = 0;
    long parseNanos = 0;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end && n + accepted.size() < checks.length) {
      for (String text : accepted) {
        long start = System.nanoTime();
        MedcomCodec.Parsed parsed = codec.parseNoted(text, MedcomFormat.JSON);
        long parsedAt = System.nanoTime();
        validator.screen(parsed, text);
        checks[n++] = System.nanoTime() - parsedAt;
        parseNanos += parsedAt - start;
      }
    }
    long[] sorted = Arrays.copyOf(checks, n);
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%d accepted JSON examples, %d checks in %d s; parse %.3f ms mean; check %.3f ms mean,"
            + " p50 %.3f ms, p95 %.3f ms; java %s, %d processors%n",
        accepted.size(),
        n,
        seconds,
        parseNanos / 1e6 / n,
        Arrays.stream(sorted).average().orElse(0) / 1e6,
        sorted[n / 2] / 1e6,
        sorted[(int) (n * 0.95)] / 1e6,
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors());
  }
}
