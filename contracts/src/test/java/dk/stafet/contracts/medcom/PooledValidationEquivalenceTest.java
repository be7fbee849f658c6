package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.ValidationCorpus.Input;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reusing HAPI's InstanceValidators (reset between calls) must not change a single finding: the
 * pooled validator and a validator that builds a new InstanceValidator for every call (the
 * behaviour before the pool) give the same issues for every MedCom example and a mutated corpus.
 * The pooled one validates everything several times in shuffled orders and with one validator per
 * profile set, so anything carried over from one message to the next would show.
 */
class PooledValidationEquivalenceTest {

  private static final int MUTANTS_PER_CLASS = 2;

  @Test
  void reusedValidatorsFindExactlyWhatAFreshValidatorFinds() {
    MedcomCodec codec = new MedcomCodec();
    MedcomValidator freshPerCall = new MedcomValidator(codec, MedcomExamples.profilesDir(), 1);
    MedcomValidator pooled =
        new MedcomValidator(codec, MedcomExamples.profilesDir(), Integer.MAX_VALUE);
    List<Input> corpus = ValidationCorpus.examplesAndMutants(MUTANTS_PER_CLASS, 13);

    Map<String, String> expected = new TreeMap<>();
    for (Input input : corpus) {
      expected.put(
          input.name(), describe(freshPerCall.validate(input.text(), input.contentType())));
    }
    List<String> differences = new ArrayList<>();
    Random random = new Random(11);
    for (int round = 0; round < 3; round++) {
      List<Input> order = new ArrayList<>(corpus);
      Collections.shuffle(order, random);
      for (Input input : order) {
        String actual = describe(pooled.validate(input.text(), input.contentType()));
        if (!actual.equals(expected.get(input.name()))) {
          differences.add(
              "round "
                  + round
                  + " "
                  + input.name()
                  + "\n  fresh:  "
                  + expected.get(input.name())
                  + "\n  pooled: "
                  + actual);
        }
      }
    }

    assertThat(differences).isEmpty();
    // One InstanceValidator per profile set served all of it: the reuse really happened.
    assertThat(pooled.instanceValidatorsCreated()).isEqualTo(ProfileSet.values().length);
    assertThat(freshPerCall.instanceValidatorsCreated())
        .isEqualTo(corpus.size() - unparsable(corpus, codec));
    // Proof that the findings include both accepted and rejected messages, so the comparison covers
    // both.
    assertThat(expected.values())
        .anyMatch(issues -> issues.contains("ERROR"))
        .anyMatch(issues -> !issues.contains("ERROR"));
    System.out.printf(
        "pooled validation equivalent to fresh validation over %d inputs x 3 rounds%n",
        corpus.size());
  }

  private static long unparsable(List<Input> corpus, MedcomCodec codec) {
    return corpus.stream()
        .filter(
            input -> {
              try {
                codec.parse(input.text(), input.contentType());
                return false;
              } catch (MedcomParseException e) {
                return true;
              }
            })
        .count();
  }

  private static String describe(List<MedcomIssue> issues) {
    return issues.toString(); // every field of every issue, in order
  }
}
