package dk.stafet.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficTest {

  /**
   * A full chaos run has ~33,000 patients. Before the set of issued numbers, 3,261 patients of seed
   * 12 already held two with one CPR number.
   */
  @Test
  void everyPatientOfARunIsADifferentPerson() {
    Traffic traffic = new Traffic(12);
    Set<String> cprs = new HashSet<>();

    for (int number = 1; number <= 40_000; number++) {
      assertThat(cprs.add(traffic.patient(number).cpr)).as("patient %d", number).isTrue();
    }
  }
}
