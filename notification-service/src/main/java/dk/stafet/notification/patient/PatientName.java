package dk.stafet.notification.patient;

import java.util.Arrays;
import java.util.List;

/**
 * The patient's official name for an outgoing MedCom message (MedCom requires the official name).
 *
 * @param family the family name
 * @param given the given names, possibly none
 */
public record PatientName(String family, List<String> given) {

  public PatientName {
    given = given == null ? List.of() : List.copyOf(given);
  }

  /** From the course events' details: given names separated by single spaces. */
  static PatientName of(String family, String givenNames) {
    return new PatientName(
        family,
        givenNames == null || givenNames.isBlank()
            ? List.of()
            : Arrays.asList(givenNames.strip().split(" +")));
  }

  @Override
  public String toString() {
    return "PatientName[***]"; // no patient data in logs
  }
}
