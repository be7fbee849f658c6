package dk.stafet.benchmark;

import dk.stafet.contracts.medcom.FastPathSettings;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Warm MedCom validation time per message, p50 and p95, over every MedCom example (HN, CC, Ack;
 * JSON and XML), for a new HAPI InstanceValidator per call (the behaviour before the pool) and for
 * the pooled, reset validators, then with the compiled fast path in front (a third argument {@code
 * fast-path} runs only that). A command, not a timed test: {@code ./stafet bench-validation
 * [ROUNDS] [fast-path]} (docs/performance.md); it also reports the heap the warm validator keeps.
 * One thread, so the figures are per core. Usage: {@code java -cp ...
 * dk.stafet.benchmark.ValidationBenchmark <shared dir> [rounds]}.
 */
public final class ValidationBenchmark {

  private ValidationBenchmark() {}

  public static void main(String[] args) {
    Path shared = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<Example> examples = examples(shared.resolve("medcom-examples"));
    MedcomCodec codec = new MedcomCodec();
    System.out.printf(
        Locale.ROOT,
        "validation benchmark: %d MedCom examples x %d rounds, load average before %.2f%n",
        examples.size(),
        rounds,
        loadAverage());
    boolean fastPathOnly = args.length > 2 && "fast-path".equals(args[2]);
    for (int maxUses : fastPathOnly ? new int[0] : new int[] {1, 10_000}) {
      String label =
          maxUses == 1
              ? "new InstanceValidator per call"
              : "pooled InstanceValidators, reset per call";
      MedcomValidator validator =
          new MedcomValidator(codec, shared.resolve("medcom-profiles"), maxUses);
      validator.warmUp();
      for (int i = 0; i < 3; i++) { // let the JIT settle on every kind of message
        examples.forEach(example -> validator.validate(example.text(), example.contentType()));
      }
      double[] times = new double[examples.size() * rounds];
      int n = 0;
      for (int round = 0; round < rounds; round++) {
        for (Example example : examples) {
          long start = System.nanoTime();
          validator.validate(example.text(), example.contentType());
          times[n++] = (System.nanoTime() - start) / 1e6;
        }
      }
      Arrays.sort(times);
      System.out.printf(
          Locale.ROOT,
          "  %-44s p50 %6.1f ms  p95 %6.1f ms  mean %6.1f ms  (%d messages)%n",
          label,
          percentile(times, 50),
          percentile(times, 95),
          Arrays.stream(times).average().orElse(0),
          times.length);
    }
    fastPath(codec, shared, examples, rounds);
    System.out.printf(
        Locale.ROOT,
        "load average after %.2f, %d cores%n",
        loadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * The compiled fast path in front of the pooled validators (issue 11 item 2): per message over
   * all examples (a deferred one pays the fast path and HAPI), and per message the fast path
   * accepts, against HAPI alone on the same messages.
   */
  private static void fastPath(MedcomCodec codec, Path shared, List<Example> examples, int rounds) {
    // One validator, the fast path switched on and off: both modes share the same HAPI state and
    // heap, so the comparison is not skewed by a second set of profiles in memory.
    MedcomValidator fast = new MedcomValidator(codec, shared.resolve("medcom-profiles"));
    FastPathSettings on = new FastPathSettings(true, 0, Runnable::run, (type, paths) -> {});
    fast.warmUp();
    for (int i = 0; i < 3; i++) {
      fast.configureFastPath(on);
      examples.forEach(example -> fast.validate(example.text(), example.contentType()));
      fast.configureFastPath(FastPathSettings.OFF);
      examples.forEach(example -> fast.validate(example.text(), example.contentType()));
    }
    List<Double> all = new ArrayList<>();
    List<Double> accepted = new ArrayList<>();
    List<Double> hapiOnAccepted = new ArrayList<>();
    List<Double> parseOnAccepted = new ArrayList<>();
    List<Double> checkOnAccepted = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (Example example : examples) {
        fast.configureFastPath(on);
        long before = fast.fastPathAccepted();
        long start = System.nanoTime();
        fast.validate(example.text(), example.contentType());
        double ms = (System.nanoTime() - start) / 1e6;
        all.add(ms);
        if (fast.fastPathAccepted() > before) {
          accepted.add(ms);
          // The two parts of the fast path's time as the front door spends it: the codec's parse
          // (which the front door needs for the message's rules anyway), then the check of that
          // model (MedcomValidator.screen).
          start = System.nanoTime();
          MedcomCodec.Parsed parsed = codec.parseNoted(example.text(), example.contentType());
          long parsedAt = System.nanoTime();
          fast.screen(parsed, example.text());
          parseOnAccepted.add((parsedAt - start) / 1e6);
          checkOnAccepted.add((System.nanoTime() - parsedAt) / 1e6);
          fast.configureFastPath(FastPathSettings.OFF);
          start = System.nanoTime();
          fast.validate(example.text(), example.contentType());
          hapiOnAccepted.add((System.nanoTime() - start) / 1e6);
        }
      }
    }
    print("compiled fast path, then HAPI if deferred", all);
    print("  of which accepted by the fast path", accepted);
    print("    its parts: the codec's parse", parseOnAccepted);
    print("    its parts: the check of the parsed model", checkOnAccepted);
    print("  the same messages, HAPI (pooled) only", hapiOnAccepted);
    // The validator has now converted and compiled everything it uses; what a service holds for it.
    System.out.printf(
        Locale.ROOT,
        "  heap in use after a full collection, the warm validator alive: %.0f MB%n",
        liveHeapBytes(fast) / 1e6);
  }

  /** Heap in use after full collections while {@code keptAlive} is still referenced. */
  private static long liveHeapBytes(Object keptAlive) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    java.lang.ref.Reference.reachabilityFence(keptAlive);
    return used;
  }

  private static void print(String label, List<Double> list) {
    double[] times = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (times.length == 0) {
      System.out.printf(Locale.ROOT, "  %-44s no messages%n", label);
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "  %-44s p50 %6.2f ms  p95 %6.2f ms  mean %6.2f ms  (%d messages)%n",
        label,
        percentile(times, 50),
        percentile(times, 95),
        Arrays.stream(times).average().orElse(0),
        times.length);
  }

  private static double percentile(double[] sorted, int percent) {
    return sorted[
        Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private record Example(String text, String contentType) {}

  private static List<Example> examples(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Example> examples = new ArrayList<>();
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml"))
              .sorted()
              .toList()) {
        examples.add(
            new Example(
                read(file),
                file.toString().endsWith(".xml")
                    ? "application/fhir+xml"
                    : "application/fhir+json"));
      }
      return examples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One example is Latin-1, not UTF-8 (a MedCom test of exactly that). */
  private static String read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }
}
