package dk.stafet.testsupport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates a FHIR R4 resource (JSON) against the base R4 specification only — structure,
 * cardinality, required bindings, invariants — with HAPI's instance validator, for tests of what
 * the services' FHIR bases answer.
 */
public final class BaseR4 {

  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static FhirValidator validator;

  private BaseR4() {}

  /** The validator's errors (and fatal findings) for this resource; empty if it is valid R4. */
  public static synchronized List<String> errors(String json) {
    if (validator == null) {
      ValidationSupportChain chain =
          new ValidationSupportChain(
              new DefaultProfileValidationSupport(R4),
              new CommonCodeSystemsTerminologyService(R4),
              new InMemoryTerminologyServerValidationSupport(R4),
              new SnapshotGeneratingValidationSupport(R4));
      validator = R4.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }
    return validator.validateWithResult(json).getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }
}
