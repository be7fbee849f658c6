package dk.stafet.responsibility.security;

/**
 * The patient is unknown, or the caller is not involved with the patient. Both answer 404, so a
 * caller cannot learn whether a patient exists. The message names neither the patient nor a CPR
 * number.
 */
public class PatientNotFoundException extends RuntimeException {

  public PatientNotFoundException() {
    super("no such patient for this organisation");
  }
}
