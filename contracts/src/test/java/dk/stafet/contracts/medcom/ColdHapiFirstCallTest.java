package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A validator warmed up for its fast path only ({@link MedcomValidator#warmUpFastPath()}, as
 * notification-service starts it) leaves HAPI's first call per message type to the first message
 * the fast path defers. Several such first calls arriving at once must each get HAPI's full
 * verdict, the same as on a warm validator.
 */
class ColdHapiFirstCallTest {

  private static final String[] LETTERS = {
    "HospitalNotification_Ex_STIN_A.json",
    "Bundle-3dcb5618-3055-406a-9034-1b8fc8de0fea.json", // CareCommunication
    "Bundle-a8c041b8-c65a-4fde-a90f-962076918834.json" // Acknowledgement
  };
  private static final int CALLERS_PER_LETTER = 3;

  @Test
  void simultaneousFirstCallsOnAColdValidatorGetHapisFullVerdict() throws Exception {
    MedcomValidator validator =
        new MedcomValidator(new MedcomCodec(), MedcomExamples.profilesDir());
    validator.configureFastPath(new FastPathSettings(true, 0, Runnable::run, (type, paths) -> {}));
    validator.warmUpFastPath();
    List<String> broken = new ArrayList<>();
    for (String letter : LETTERS) {
      // MessageHeader.source misspelt: parsed (unknown elements are tolerated), deferred by the
      // fast
      // path, an error for HAPI (source is required)
      broken.add(MedcomExamples.read(letter).replace("\"source\" : {", "\"sorce\" : {"));
    }

    Map<String, String> cold = new TreeMap<>();
    ExecutorService callers = Executors.newFixedThreadPool(LETTERS.length * CALLERS_PER_LETTER);
    try {
      CyclicBarrier together = new CyclicBarrier(LETTERS.length * CALLERS_PER_LETTER);
      List<CompletableFuture<Void>> calls = new ArrayList<>();
      for (int i = 0; i < LETTERS.length; i++) {
        for (int caller = 0; caller < CALLERS_PER_LETTER; caller++) {
          String name = LETTERS[i] + " #" + caller;
          String text = broken.get(i);
          calls.add(
              CompletableFuture.runAsync(
                  () -> {
                    await(together);
                    String verdict = describe(validator.validate(text, "application/fhir+json"));
                    synchronized (cold) {
                      cold.put(name, verdict);
                    }
                  },
                  callers));
        }
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
    } finally {
      callers.shutdownNow();
    }

    assertThat(validator.fastPathDeferred()).isEqualTo(LETTERS.length * CALLERS_PER_LETTER);
    for (int i = 0; i < LETTERS.length; i++) {
      String warm = describe(validator.validate(broken.get(i), "application/fhir+json"));
      assertThat(warm).as(LETTERS[i]).contains("ERROR");
      for (int caller = 0; caller < CALLERS_PER_LETTER; caller++) {
        assertThat(cold.get(LETTERS[i] + " #" + caller)).as(LETTERS[i]).isEqualTo(warm);
      }
    }
  }

  private static String describe(List<MedcomIssue> issues) {
    return issues.stream()
        .map(issue -> issue.severity() + " " + issue.detailsCode() + " " + issue.path())
        .sorted()
        .toList()
        .toString();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
