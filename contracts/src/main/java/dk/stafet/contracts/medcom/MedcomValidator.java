package dk.stafet.contracts.medcom;

import dk.stafet.contracts.medcom.MedcomIssue.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * Layered, offline validation of received and outgoing MedCom messages:
 *
 * <ol>
 *   <li>structure: the text must parse as a FHIR Bundle ({@link MedcomCodec});
 *   <li>FHIR R4 base rules;
 *   <li>the MedCom profile of the message type, from the matching {@link ProfileSet} (skipped, and
 *       reported by {@link #profileValidationStatus()}, when no profiles folder is configured).
 * </ol>
 *
 * Layers 2 and 3 run in one HAPI pass (the profile includes the base rules). The result is a list
 * of {@link MedcomIssue}s; errors among them mean {@code fatal-error} (medcom-spec.md §4, §7).
 * Build once and share: construction reads the profiles and costs seconds; {@link #warmUp()} moves
 * the first-call cost to start-up. Thread-safe.
 */
public final class MedcomValidator {

  /**
   * Replacing a pooled InstanceValidator now and then bounds the effect of any state HAPI keeps
   * that the reset does not know of, at a cost of one construction (~10 ms) per this many messages.
   */
  static final int DEFAULT_MAX_USES_PER_INSTANCE_VALIDATOR = 10_000;

  private final MedcomCodec codec;
  private final DirectInstanceValidator baseValidator;
  private final Map<ProfileSet, DirectInstanceValidator> profileValidators =
      new EnumMap<>(ProfileSet.class);
  private final Map<ProfileSet, FastPathValidator> fastPaths = new EnumMap<>(ProfileSet.class);
  private final String profileValidationStatus;
  private volatile FastPathSettings fastPath = FastPathSettings.OFF;
  private final AtomicLong fastPathAccepted = new AtomicLong();
  private final AtomicLong fastPathDeferred = new AtomicLong();
  private final Set<MessageType> hapiWarmTypes = ConcurrentHashMap.newKeySet();
  private final Object hapiFirstCall = new Object();

  /**
   * @param profilesRoot the medcom-profiles folder (holding {@code dk-core/2.0.0} etc.); null or
   *     missing disables profile validation
   */
  public MedcomValidator(MedcomCodec codec, Path profilesRoot) {
    this(codec, profilesRoot, DEFAULT_MAX_USES_PER_INSTANCE_VALIDATOR);
  }

  /**
   * @param maxUsesPerInstanceValidator calls one of HAPI's InstanceValidators serves (reset in
   *     between) before it is replaced; 1 builds a new one per call, as before the pool (kept for
   *     the equivalence test and the validation benchmark's comparison)
   */
  public MedcomValidator(MedcomCodec codec, Path profilesRoot, int maxUsesPerInstanceValidator) {
    this(codec, profilesRoot, maxUsesPerInstanceValidator, true);
  }

  /**
   * @param trimDefinitions false keeps the definitions' narratives and mappings (see {@link
   *     ValidationOnlyDefinitions}); only for the test that proves trimming them changes nothing
   */
  MedcomValidator(
      MedcomCodec codec,
      Path profilesRoot,
      int maxUsesPerInstanceValidator,
      boolean trimDefinitions) {
    this.codec = codec;
    ValidationChainFactory factory =
        new ValidationChainFactory(
            codec.fhirContext(), maxUsesPerInstanceValidator, trimDefinitions);
    if (profilesRoot == null || !Files.isDirectory(profilesRoot)) {
      this.baseValidator = factory.baseValidator();
      this.profileValidationStatus =
          "profile validation disabled: no MedCom profiles folder"
              + (profilesRoot == null ? " configured" : " at " + profilesRoot);
    } else {
      this.baseValidator = null;
      for (ProfileSet set : ProfileSet.values()) {
        var chain = factory.profileChain(profilesRoot, set);
        profileValidators.put(set, factory.profileValidator(chain));
        fastPaths.put(set, new FastPathValidator(codec, chain));
      }
      this.profileValidationStatus =
          "profile validation enabled: sets A and B from " + profilesRoot;
    }
  }

  /**
   * HAPI InstanceValidators built so far over all profile sets: one per concurrent caller once
   * warm.
   */
  int instanceValidatorsCreated() {
    return (baseValidator == null ? 0 : baseValidator.instanceValidatorsCreated())
        + profileValidators.values().stream()
            .mapToInt(DirectInstanceValidator::instanceValidatorsCreated)
            .sum();
  }

  public boolean isProfileValidationEnabled() {
    return !profileValidators.isEmpty();
  }

  /** A line for health checks and start-up logs. */
  public String profileValidationStatus() {
    return profileValidationStatus;
  }

  /**
   * Validates raw message text; a parse failure yields a single fatal MSG_BAD_SYNTAX issue. The
   * text itself is what the instance validator reads, so nothing is lost to a parse/encode round
   * trip.
   */
  public List<MedcomIssue> validate(String body, String contentType) {
    MedcomCodec.Parsed parsed;
    try {
      parsed = codec.parseNoted(body, contentType);
    } catch (MedcomParseException e) {
      return List.of(
          MedcomIssue.hl7(
              Severity.FATAL,
              "structure",
              e.kind() == MedcomParseException.Kind.UNSUPPORTED_FORMAT
                  ? "MSG_BAD_FORMAT"
                  : "MSG_BAD_SYNTAX",
              "Bundle",
              e.getMessage()));
    }
    return validate(screen(parsed, body));
  }

  /** Validates an already parsed (or locally built) message, e.g. an outgoing acknowledgement. */
  public List<MedcomIssue> validate(Bundle bundle) {
    return validate(bundle, codec.write(bundle, MedcomFormat.JSON), MedcomFormat.JSON);
  }

  /**
   * A message this service built, written as JSON, and the findings on it: what is sent is {@code
   * text}, what was validated.
   */
  public record Built(String text, List<MedcomIssue> issues) {}

  /**
   * Writes a message this service built (JSON, with the codec) and validates it. The fast path
   * walks the model the text was written from instead of parsing the text again (a third of
   * composing and validating an outgoing message; docs/medcom-codec.md, "Messages Stafet builds");
   * a message it defers is validated by HAPI on the text, as any other.
   */
  public Built validateBuilt(Bundle bundle) {
    String text = codec.write(bundle, MedcomFormat.JSON);
    MessageType type = messageTypeOf(bundle);
    return new Built(
        text,
        validate(
            new Screened(
                bundle,
                type,
                text,
                MedcomFormat.JSON,
                fastPath.enabled() ? builtVerdict(type, bundle) : null)));
  }

  /** The fast path's verdict on a model this service built, whether it is on or not. */
  FastPathValidator.Verdict builtVerdict(MessageType type, Bundle bundle) {
    if (!isProfileValidationEnabled() || type == MessageType.UNKNOWN) {
      return FastPathValidator.Verdict.askHapi("no profile for the message");
    }
    return fastPaths
        .get(ProfileSet.forMessageType(type))
        .checkBuilt(bundle, type.messageProfile().orElseThrow());
  }

  /**
   * Validates a received message: {@code bundle} is {@code text} parsed (for the message type and
   * the rules that read it), {@code text} is what the validator reads, as received. The fast path
   * parses the text again; a caller that parsed it with {@link MedcomCodec#parseNoted} saves that
   * with {@link #screen} and {@link #validate(Screened)}.
   */
  public List<MedcomIssue> validate(Bundle bundle, String text, MedcomFormat format) {
    MessageType type = messageTypeOf(bundle);
    return validate(
        new Screened(
            bundle,
            type,
            text,
            format,
            fastPath.enabled() ? fastPathVerdict(type, text, format) : null));
  }

  /**
   * A received message with the fast path's verdict on it, taken on the codec's model of the text
   * before anything else read it (HAPI's getters create what they are asked for, so a model read by
   * the message's rules is no longer the text). The verdict is null when the fast path is off.
   */
  public record Screened(
      Bundle bundle,
      MessageType type,
      String text,
      MedcomFormat format,
      FastPathValidator.Verdict verdict) {}

  /**
   * Takes the fast path's verdict on a message the codec has just parsed from {@code text}; call it
   * before anything reads {@code parsed}'s Bundle, and {@link #validate(Screened)} when the message
   * is to be validated.
   */
  public Screened screen(MedcomCodec.Parsed parsed, String text) {
    return new Screened(
        parsed.bundle(),
        messageTypeOf(parsed.bundle()),
        text,
        parsed.format(),
        fastPath.enabled() ? fastPathVerdict(parsed) : null);
  }

  /** The fast path's verdict on a message the codec parsed, whether it is on or not. */
  FastPathValidator.Verdict fastPathVerdict(MedcomCodec.Parsed parsed) {
    MessageType type = messageTypeOf(parsed.bundle());
    if (!isProfileValidationEnabled() || type == MessageType.UNKNOWN) {
      return FastPathValidator.Verdict.askHapi("no profile for the message");
    }
    return fastPaths
        .get(ProfileSet.forMessageType(type))
        .check(parsed, type.messageProfile().orElseThrow());
  }

  /**
   * The findings on a screened message: none if the fast path accepted it (a sample re-checked by
   * HAPI off the hot path), HAPI's otherwise.
   */
  public List<MedcomIssue> validate(Screened message) {
    FastPathSettings settings = fastPath;
    if (settings.enabled() && message.verdict() != null) {
      if (message.verdict().accepted()) {
        fastPathAccepted.incrementAndGet();
        if (settings.sampleShare() > 0
            && ThreadLocalRandom.current().nextDouble() < settings.sampleShare()) {
          settings
              .sampler()
              .execute(
                  () ->
                      recheck(
                          message.type(), message.text(), message.format(), settings.listener()));
        }
        return List.of();
      }
      fastPathDeferred.incrementAndGet();
    }
    return validateWithHapi(message.bundle(), message.type(), message.text(), message.format());
  }

  /**
   * The compiled fast path's verdict alone (for the differential test and the benchmark): accept,
   * or ask HAPI.
   */
  FastPathValidator.Verdict fastPathVerdict(MessageType type, String text, MedcomFormat format) {
    if (!isProfileValidationEnabled() || type == MessageType.UNKNOWN) {
      return FastPathValidator.Verdict.askHapi("no profile for the message");
    }
    return fastPaths
        .get(ProfileSet.forMessageType(type))
        .check(text, format, type.messageProfile().orElseThrow());
  }

  /** HAPI's findings alone, bypassing the fast path (for the differential test). */
  List<MedcomIssue> validateWithHapi(String text, MedcomFormat format) {
    Bundle bundle = codec.parse(text, format);
    return validateWithHapi(bundle, messageTypeOf(bundle), text, format);
  }

  /**
   * Switches the compiled fast path on or off; {@link FastPathSettings#OFF} (every message through
   * HAPI) until called.
   */
  public void configureFastPath(FastPathSettings settings) {
    if (settings.enabled() && !isProfileValidationEnabled()) {
      throw new IllegalStateException("the fast path needs the MedCom profiles");
    }
    this.fastPath = settings;
  }

  /** Messages the fast path accepted so far. */
  public long fastPathAccepted() {
    return fastPathAccepted.get();
  }

  /** Messages the fast path handed to HAPI so far. */
  public long fastPathDeferred() {
    return fastPathDeferred.get();
  }

  private void recheck(
      MessageType type, String text, MedcomFormat format, FastPathDisagreementListener listener) {
    List<MedcomIssue> errors =
        validateWithHapi(text, format).stream().filter(MedcomIssue::isError).toList();
    if (!errors.isEmpty()) {
      listener.disagreement(type, errors.stream().map(MedcomIssue::path).toList());
    }
  }

  private List<MedcomIssue> validateWithHapi(
      Bundle bundle, MessageType type, String text, MedcomFormat format) {
    boolean profiles = isProfileValidationEnabled();
    DirectInstanceValidator validator =
        profiles ? profileValidators.get(ProfileSet.forMessageType(type)) : baseValidator;
    // Validate against the type's profile even if the sender claimed none in meta.profile.
    List<String> requiredProfiles =
        profiles ? type.messageProfile().map(List::of).orElse(List.of()) : List.of();
    boolean retiredIssueDetails = usesRetiredIssueDetails(bundle);
    FhirFormat fhirFormat = format == MedcomFormat.XML ? FhirFormat.XML : FhirFormat.JSON;
    // Keyed on severity, path and code: the base and the MedCom profile often report the same gap
    // twice.
    Map<String, MedcomIssue> issues = new LinkedHashMap<>();
    List<ValidationMessage> messages;
    try {
      messages =
          validateFirstCallsAlone(
              type, () -> validator.validate(text, fhirFormat, requiredProfiles));
    } catch (RuntimeException e) {
      // HAPI's validator gives up on some malformed content by throwing; that is a finding about
      // the input.
      return List.of(
          MedcomIssue.hl7(
              Severity.FATAL,
              "structure",
              "MSG_BAD_SYNTAX",
              "Bundle",
              "The validator cannot process this message (" + e.getClass().getSimpleName() + ")"));
    }
    for (ValidationMessage message : messages) {
      MedcomIssue issue = ValidationFindingPolicy.toIssue(message, retiredIssueDetails);
      issues.putIfAbsent(
          issue.severity()
              + "|"
              + issue.path()
              + "|"
              + issue.detailsCode()
              + "|"
              + (issue.isError() ? "" : issue.diagnostics()),
          issue);
    }
    List<MedcomIssue> result =
        new ArrayList<>(
            ValidationFindingPolicy.applyHeaderConformanceTolerance(List.copyOf(issues.values())));
    if (type == MessageType.UNKNOWN) {
      result.add(
          MedcomIssue.hl7(
              Severity.ERROR,
              "not-supported",
              "MSG_UNKNOWN_TYPE",
              "Bundle.entry[0].resource.ofType(MessageHeader).eventCoding",
              "MessageHeader.eventCoding is missing or not a MedCom message type Stafet handles"));
    }
    return List.copyOf(result);
  }

  /**
   * HAPI's first call for a message type converts and caches that type's profiles, and nothing in
   * it is done once for all threads: two first calls at once did the work twice, and a 384-MB
   * service ran out of heap (docs/front-door.md, "Start-up"). So each type's first call runs alone;
   * later calls run side by side.
   */
  private <T> T validateFirstCallsAlone(MessageType type, Supplier<T> call) {
    if (hapiWarmTypes.contains(type)) {
      return call.get();
    }
    synchronized (hapiFirstCall) {
      try {
        return call.get();
      } finally {
        hapiWarmTypes.add(type); // a call HAPI gave up on has done the conversions all the same
      }
    }
  }

  public static boolean hasErrors(List<MedcomIssue> issues) {
    return issues.stream().anyMatch(MedcomIssue::isError);
  }

  /**
   * Pays the first-call cost (profile conversion, FHIRPath compilation, value-set expansion) at
   * start-up: {@link #warmUpFastPath()}, then HAPI's validator over small synthetic messages of
   * each type. Takes a few seconds; what a front door, where HAPI answers every message the fast
   * path does not accept, wants done before it is ready.
   */
  public void warmUp() {
    warmUpFastPath();
    for (MessageType type :
        List.of(
            MessageType.HOSPITAL_NOTIFICATION,
            MessageType.CARE_COMMUNICATION,
            MessageType.ACKNOWLEDGEMENT)) {
      validate(WarmUpMessages.minimal(type));
    }
  }

  /**
   * Compiles the fast path's check plans only. HAPI's first call for a message type (most of a full
   * warm-up: its profiles converted for HAPI's validator) is then paid by the first message of that
   * type HAPI sees: for a service that validates what it builds itself, which the fast path
   * accepts, that is the 1 % sampled off the hot path. About 40 % of the full warm-up's CPU.
   */
  public void warmUpFastPath() {
    for (ProfileSet set : fastPaths.keySet()) {
      fastPaths
          .get(set)
          .precompile(
              Arrays.stream(MessageType.values())
                  .filter(type -> ProfileSet.forMessageType(type) == set)
                  .flatMap(type -> type.messageProfile().stream())
                  .toList());
    }
  }

  /** Reads without creating anything (the fast path may walk this model afterwards). */
  static MessageType messageTypeOf(Bundle bundle) {
    if (bundle.hasEntry()
        && bundle.getEntry().get(0).getResource() instanceof MessageHeader header
        && header.hasEventCoding()) {
      MessageType type =
          MessageType.fromEventCode(
              header.getEventCoding().getSystem(), header.getEventCoding().getCode());
      if (type != MessageType.UNKNOWN) {
        return type;
      }
    }
    for (CanonicalType profile :
        bundle.hasMeta() ? bundle.getMeta().getProfile() : List.<CanonicalType>of()) {
      MessageType type = MessageType.fromProfileClaim(profile.getValue());
      if (type != MessageType.UNKNOWN) {
        return type;
      }
    }
    return MessageType.UNKNOWN;
  }

  private static boolean usesRetiredIssueDetails(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(OperationOutcome.class::isInstance)
        .map(OperationOutcome.class::cast)
        .flatMap(outcome -> outcome.getIssue().stream())
        .flatMap(issue -> issue.getDetails().getCoding().stream())
        .anyMatch(coding -> MedcomSystems.RETIRED_ACK_ISSUE_DETAILS.equals(coding.getSystem()));
  }
}
