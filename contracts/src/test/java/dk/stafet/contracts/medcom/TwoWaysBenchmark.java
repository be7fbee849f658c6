package dk.stafet.contracts.medcom;

import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Times two ways of doing one thing to every MedCom JSON example letter, per letter, in two passes
 * (the first warms up). For the main-class benchmarks beside it: timings are printed, not asserted.
 */
final class TwoWaysBenchmark {

  private TwoWaysBenchmark() {}

  /** MedCom's JSON example Bundles (stafet.shared.dir). */
  static List<String> jsonLetters() {
    return MedcomExamples.allExampleFiles().stream()
        .filter(file -> file.toString().endsWith(".json"))
        .map(MedcomExamples::read)
        .filter(text -> text.contains("\"Bundle\""))
        .toList();
  }

  /** Each way returns a number derived from its result, so the JIT cannot drop the work. */
  static void run(
      List<String> letters,
      int rounds,
      String firstName,
      ToIntFunction<String> first,
      String secondName,
      ToIntFunction<String> second) {
    long bytes = letters.stream().mapToLong(String::length).sum();
    System.out.printf(
        Locale.ROOT,
        "%d JSON letters, %.1f KB on average, %d rounds; java %s, %d processors%n",
        letters.size(),
        bytes / 1024.0 / letters.size(),
        rounds,
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors());
    for (int pass = 1; pass <= 2; pass++) {
      long sink = 0;
      long firstNanos = 0;
      long secondNanos = 0;
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        for (String letter : letters) {
          sink += first.applyAsInt(letter);
        }
        long middle = System.nanoTime();
        for (String letter : letters) {
          sink += second.applyAsInt(letter);
        }
        firstNanos += middle - start;
        secondNanos += System.nanoTime() - middle;
      }
      double n = (double) rounds * letters.size();
      System.out.printf(
          Locale.ROOT,
          "pass %d: %s %.3f ms/letter, %s %.3f ms/letter (%.1fx) [%d]%n",
          pass,
          firstName,
          firstNanos / 1e6 / n,
          secondName,
          secondNanos / 1e6 / n,
          (double) firstNanos / secondNanos,
          sink % 10);
    }
  }
}
