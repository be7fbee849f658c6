package dk.stafet.contracts.medcom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastPathProbeTest {
  @Test
  void probe() {
    MedcomValidator validator = SharedValidator.get();
    MedcomCodec codec = new MedcomCodec();
    List<String> texts = new ArrayList<>();
    List<MessageType> types = new ArrayList<>();
    for (Path file : MedcomExamples.allExampleFiles()) {
      if (!file.toString().endsWith(".json")) continue;
      String text = MedcomExamples.read(file);
      texts.add(text);
      types.add(MedcomValidator.messageTypeOf(codec.parse(text, MedcomFormat.JSON)));
    }
    long end = System.currentTimeMillis() + 60_000;
    int n = 0;
    long t = System.nanoTime();
    while (System.currentTimeMillis() < end) {
      for (int i = 0; i < texts.size(); i++) {
        validator.fastPathVerdict(types.get(i), texts.get(i), MedcomFormat.JSON);
        n++;
      }
    }
    System.out.printf("PROBE %d calls %.3f ms mean%n", n, (System.nanoTime() - t) / 1e6 / n);
  }
}
