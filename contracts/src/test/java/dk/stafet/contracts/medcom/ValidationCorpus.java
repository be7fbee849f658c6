package dk.stafet.contracts.medcom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every MedCom example and mutants of one message of each type (HospitalNotification, a
 * CareCommunication with an attachment, an Acknowledgement) in every class of damage: the inputs
 * the validation equivalence tests give to two validators that must say the same.
 */
final class ValidationCorpus {

  record Input(String name, String text, String contentType) {}

  private ValidationCorpus() {}

  static List<Input> examplesAndMutants(int mutantsPerClass, long seed) {
    List<Input> corpus = new ArrayList<>();
    for (Path file : MedcomExamples.allExampleFiles()) {
      String text = MedcomExamples.read(file);
      String name = file.getFileName().toString();
      corpus.add(new Input(name, text, MedcomExamples.contentTypeOf(file)));
    }
    for (String source :
        List.of(
            "HospitalNotification_Ex_STIN_A.json",
            "Bundle-0d5b3c18-fab6-4d93-9d88-c9c8abf1f18c.json",
            "Bundle-bc9535ef-ed94-4060-a928-7baddec7ee71.json")) {
      for (MedcomMutants.Mutant mutant :
          MedcomMutants.of(source, MedcomExamples.read(source), mutantsPerClass, seed)) {
        corpus.add(new Input(mutant.name(), mutant.json(), "application/fhir+json"));
      }
    }
    return corpus;
  }
}
