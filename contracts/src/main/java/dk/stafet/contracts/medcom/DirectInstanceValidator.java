package dk.stafet.contracts.medcom;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * Runs HAPI's (org.hl7.fhir.core) {@link InstanceValidator} directly on the message text, with the
 * settings of HAPI's own {@code ValidatorWrapper}.
 *
 * <p>Why not {@code FhirValidator} + {@code FhirInstanceValidator}: for every call they re-encode
 * the resource to text and re-parse that text with Gson just to read meta.profile, before the
 * instance validator parses it a third time. Here the received text goes to the validator as it
 * arrived (so findings point at what the sender sent), and profile look-ups are cached.
 *
 * <p>InstanceValidators are reused through an {@link InstanceValidatorPool}, reset after every
 * call, instead of being built per call (their constructor re-reads an OID table and builds a
 * FHIRPath engine: about a quarter of the warm time). An earlier attempt kept one per thread
 * without resetting it: it accumulated every message's narrative tree, slowed from 26 to 100 ms per
 * message within a few hundred calls and ran out of a 768 MB heap. The pool clears exactly that
 * state; see its documentation for what is reset and how the findings are proven identical.
 */
final class DirectInstanceValidator {

  private final WorkerContextValidationSupportAdapter workerContext;
  private final boolean errorForUnknownProfiles;
  private final Map<String, Optional<StructureDefinition>> profiles = new ConcurrentHashMap<>();
  private final InstanceValidatorPool pool;

  /**
   * @param maxUses calls a pooled InstanceValidator serves before it is replaced (1 = a new one per
   *     call)
   */
  DirectInstanceValidator(
      IValidationSupport supportChain, boolean errorForUnknownProfiles, int maxUses) {
    this.workerContext =
        WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(supportChain);
    this.errorForUnknownProfiles = errorForUnknownProfiles;
    // As many idle validators as threads that validate at once on a small box; more are built (and
    // dropped) on demand.
    this.pool =
        new InstanceValidatorPool(
            this::newInstanceValidator,
            maxUses,
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
  }

  /**
   * InstanceValidators built so far (a fresh pool builds one per concurrent caller, then reuses
   * them).
   */
  int instanceValidatorsCreated() {
    return pool.created();
  }

  /**
   * @param profileUrls profiles the message must conform to, in addition to those it claims in
   *     meta.profile
   */
  List<ValidationMessage> validate(String text, FhirFormat format, List<String> profileUrls) {
    List<StructureDefinition> structureDefinitions = new ArrayList<>();
    List<ValidationMessage> messages = new ArrayList<>();
    for (String url : profileUrls) {
      Optional<StructureDefinition> profile =
          profiles.computeIfAbsent(
              url,
              u -> Optional.ofNullable(workerContext.fetchResource(StructureDefinition.class, u)));
      if (profile.isPresent()) {
        structureDefinitions.add(profile.get());
      } else {
        messages.add(
            new ValidationMessage()
                .setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN)
                .setLevel(ValidationMessage.IssueSeverity.ERROR)
                .setLocation("Bundle")
                .setMessage("Profile " + url + " is not loaded"));
      }
    }
    InstanceValidatorPool.Lent lent = pool.borrow();
    try {
      lent.validator.validate(
          null,
          messages,
          new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          format,
          structureDefinitions);
    } finally {
      pool.release(lent);
    }
    // The same post-processing HAPI's ValidatorWrapper applies.
    messages.removeIf(m -> I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE.equals(m.getMessageId()));
    for (ValidationMessage message : messages) {
      if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(message.getMessageId())
          || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(
              message.getMessageId())) {
        message.setLevel(
            errorForUnknownProfiles
                ? ValidationMessage.IssueSeverity.ERROR
                : ValidationMessage.IssueSeverity.WARNING);
      }
    }
    return messages;
  }

  private InstanceValidator newInstanceValidator() {
    InstanceValidator validator =
        new InstanceValidator(
            workerContext,
            new FhirInstanceValidator.NullEvaluationContext(),
            new XVerExtensionManagerOld(workerContext),
            new ValidatorSession(),
            new ValidatorSettings());
    validator.setAssumeValidRestReferences(false);
    // Best-practice hints (e.g. "should have narrative") are not MedCom rules and cost time.
    validator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
    validator.setAnyExtensionsAllowed(true);
    validator.setResourceIdRule(IdStatus.OPTIONAL);
    validator.setNoTerminologyChecks(false);
    validator.setErrorForUnknownProfiles(errorForUnknownProfiles);
    validator.setUnknownCodeSystemsCauseErrors(true);
    // Nothing is fetched from outside: references resolve inside the Bundle or not at all.
    validator.setFetcher(null);
    // HAPI's default advisor: references that are not in the Bundle are reported, not fetched.
    validator.setPolicyAdvisor(new FhirDefaultPolicyAdvisor());
    validator.setNoExtensibleWarnings(true);
    validator.setAllowXsiLocation(true);
    return validator;
  }
}
