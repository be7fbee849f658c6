package dk.stafet.contracts.medcom;

/** One validator for all tests: building it reads ~9 MB of profiles and takes seconds. */
final class SharedValidator {

  private static MedcomValidator validator;

  private SharedValidator() {}

  static synchronized MedcomValidator get() {
    if (validator == null) {
      validator = new MedcomValidator(new MedcomCodec(), MedcomExamples.profilesDir());
    }
    return validator;
  }
}
