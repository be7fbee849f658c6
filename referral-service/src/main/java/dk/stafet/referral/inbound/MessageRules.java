package dk.stafet.referral.inbound;

import dk.stafet.contracts.cpr.CprIssue;
import dk.stafet.contracts.cpr.CprNumber;
import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.contracts.medcom.MedcomIssue.Severity;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomViews.EncounterView;
import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.referral.config.FrontDoorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The business-rule layer of the front door, after structure and profile validation: known sender
 * and receiver, sender = authenticated sender, a well-formed CPR number, consistent dates, a known
 * event. Plain Java: unit tests call it without Quarkus.
 */
@ApplicationScoped
public class MessageRules {

  /** Event times further ahead than this are impossible, not clock skew. */
  static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);

  private static final String HEADER = "Bundle.entry[0].resource.ofType(MessageHeader)";
  private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

  private final OrganisationRegistry registry;
  private final Set<String> hubIdentifiers;
  private final Clock clock;

  @Inject
  public MessageRules(OrganisationRegistry registry, FrontDoorConfig config) {
    this(registry, Set.of(config.hub().sor(), config.hub().gln()), Clock.systemUTC());
  }

  /**
   * @param hubIdentifiers Stafet's own SOR and GLN: messages Stafet sends in its own name are
   *     answered to it, so it is a known receiver (and sender) although it is no health
   *     organisation of the registry
   */
  MessageRules(OrganisationRegistry registry, Set<String> hubIdentifiers, Clock clock) {
    this.registry = registry;
    this.hubIdentifiers = Set.copyOf(hubIdentifiers);
    this.clock = clock;
  }

  /**
   * @param authenticatedSender SOR or GLN of the authenticated caller, or null where the channel
   *     does not tell
   */
  public List<MedcomIssue> check(MedcomMessage message, String authenticatedSender) {
    List<MedcomIssue> issues = new ArrayList<>();
    if (message.bundle().getType() != Bundle.BundleType.MESSAGE) {
      issues.add(
          error("structure", "MSG_BAD_FORMAT", "Bundle.type", "Bundle.type must be 'message'"));
    }
    if (message.messageType() == MessageType.UNKNOWN) {
      issues.add(
          error(
              "code-invalid",
              "MSG_UNKNOWN_TYPE",
              HEADER + ".event",
              "MessageHeader.eventCoding is missing or not a MedCom message event Stafet receives"));
    }
    checkSender(message, authenticatedSender, issues);
    checkReceiver(message, issues);
    checkPatient(message, issues);
    message.encounter().ifPresent(encounter -> checkEncounter(encounter, issues));
    if (message.messageType() == MessageType.HOSPITAL_NOTIFICATION
        && message.hospitalNotificationEvent().isEmpty()
        && message.messageHeader().isPresent()) {
      issues.add(
          MedcomIssue.medcom(
              Severity.ERROR,
              "code-invalid",
              "MSG_VALUESET_VALUE_UNKNOWN",
              "Bundle.entry.resource.ofType(Provenance).activity",
              "The Provenance activity, Encounter.status and Patient.deceased name no HospitalNotification event"));
    }
    return issues;
  }

  /**
   * The sender's problems: not registered, not the authenticated organisation. The front door
   * answers a letter of the wrong sender with these alone, before anything else (docs/security.md).
   */
  public List<MedcomIssue> senderIssues(MedcomMessage message, String authenticatedSender) {
    List<MedcomIssue> issues = new ArrayList<>();
    checkSender(message, authenticatedSender, issues);
    return issues;
  }

  private void checkSender(
      MedcomMessage message, String authenticatedSender, List<MedcomIssue> issues) {
    Optional<OrganisationView> sender = message.sender();
    if (sender.isEmpty()) {
      return; // the front door does not let an input without a sender this far
    }
    Optional<Organisation> known = lookUp(sender.get());
    if (!isKnown(sender.get())) {
      issues.add(
          error(
              "not-found",
              "MSG_NO_EXIST",
              HEADER + ".sender",
              "The sender organisation (SOR "
                  + sender.get().sor()
                  + ", GLN "
                  + sender.get().gln()
                  + ") is not registered"));
    }
    senderMismatch(message, authenticatedSender).ifPresent(issues::add);
  }

  /**
   * The sender in the MessageHeader must be the authenticated organisation (the token's SOR, or the
   * GLN of the Kafka topic only that organisation may write) or a department of it; the issue names
   * both. Empty when they match or the channel authenticates no one.
   */
  public Optional<MedcomIssue> senderMismatch(MedcomMessage message, String authenticatedSender) {
    Optional<OrganisationView> sender = message.sender();
    if (sender.isEmpty() || authenticatedSender == null || authenticatedSender.isBlank()) {
      return Optional.empty();
    }
    String authenticated = authenticatedSender.trim();
    if (isSameOrParent(authenticated, sender.get(), lookUp(sender.get()))) {
      return Optional.empty();
    }
    return Optional.of(
        error(
            "security",
            "MSG_NO_MATCH",
            HEADER + ".sender",
            "The sender of the message (SOR "
                + sender.get().sor()
                + ", GLN "
                + sender.get().gln()
                + ") is not the authenticated organisation ("
                + authenticated
                + ")"));
  }

  private void checkReceiver(MedcomMessage message, List<MedcomIssue> issues) {
    if (message.primaryReceiver().isEmpty() || message.primaryReceiver().get().receiver() == null) {
      issues.add(
          MedcomIssue.medcom(
              Severity.ERROR,
              "required",
              "MSG_Receiver_Identifier_MISSING",
              HEADER + ".destination",
              "The message names no primary receiver"));
      return;
    }
    OrganisationView receiver = message.primaryReceiver().get().receiver();
    if (!isKnown(receiver)) {
      issues.add(
          MedcomIssue.medcom(
              Severity.ERROR,
              "not-found",
              "MSG_Receiver_Identifier_UNKNOWN",
              HEADER + ".destination.receiver",
              "The receiver organisation (SOR "
                  + receiver.sor()
                  + ", GLN "
                  + receiver.gln()
                  + ") is not registered"));
    }
  }

  private void checkPatient(MedcomMessage message, List<MedcomIssue> issues) {
    String path = "Bundle.entry.resource.ofType(Patient).identifier";
    message
        .patient()
        .flatMap(patient -> patient.cprValue())
        .ifPresent(
            cpr -> {
              if (!TEN_DIGITS.matcher(cpr).matches()) {
                // MedCom carries the CPR number as exactly ten digits, without the hyphen people
                // write.
                issues.add(
                    MedcomIssue.medcom(
                        Severity.ERROR,
                        "value",
                        "MSG_Datatype_Wrong",
                        path,
                        "CPR number must be exactly 10 digits without hyphen or spaces"));
                return;
              }
              for (CprIssue finding : CprNumber.validate(cpr)) {
                issues.add(
                    finding.isError()
                        ? MedcomIssue.medcom(
                            Severity.ERROR, "value", "MSG_Datatype_Wrong", path, finding.message())
                        : MedcomIssue.hl7(
                            Severity.WARNING, "value", null, path, finding.message()));
              }
            });
    if (message.messageType() == MessageType.HOSPITAL_NOTIFICATION
        && message.patient().flatMap(patient -> patient.cprValue()).isEmpty()) {
      issues.add(
          error(
              "required",
              "MSG_RESOURCE_REQUIRED",
              "Bundle.entry.resource.ofType(Patient).identifier",
              "A HospitalNotification needs the patient's CPR number"));
    }
  }

  private void checkEncounter(EncounterView encounter, List<MedcomIssue> issues) {
    String path = "Bundle.entry.resource.ofType(Encounter)";
    Instant latestPossible = clock.instant().plus(FUTURE_TOLERANCE);
    if (encounter.periodStart() != null && encounter.periodStart().isAfter(latestPossible)) {
      issues.add(
          error(
              "invariant",
              "MSG_PARAM_INVALID",
              path + ".period.start",
              "Encounter.period.start lies in the future"));
    }
    if (encounter.periodStart() != null
        && encounter.periodEnd() != null
        && encounter.periodEnd().isBefore(encounter.periodStart())) {
      issues.add(
          error(
              "invariant",
              "MSG_PARAM_INVALID",
              path + ".period",
              "Encounter.period ends before it starts"));
    }
    if (encounter.leaveStart() != null
        && encounter.periodStart() != null
        && encounter.leaveStart().isBefore(encounter.periodStart())) {
      issues.add(
          error(
              "invariant",
              "MSG_PARAM_INVALID",
              path + ".extension(leave-period)",
              "The leave starts before the stay"));
    }
    if (encounter.leaveStart() != null
        && encounter.leaveEnd() != null
        && encounter.leaveEnd().isBefore(encounter.leaveStart())) {
      issues.add(
          error(
              "invariant",
              "MSG_PARAM_INVALID",
              path + ".extension(leave-period)",
              "The leave ends before it starts"));
    }
    if (encounter.serviceProvider() != null && lookUp(encounter.serviceProvider()).isEmpty()) {
      issues.add(
          error(
              "not-found",
              "MSG_NO_EXIST",
              path + ".serviceProvider",
              "The service provider (SOR "
                  + encounter.serviceProvider().sor()
                  + ") is not registered"));
    }
  }

  private boolean isKnown(OrganisationView organisation) {
    return isHub(organisation.sor())
        || isHub(organisation.gln())
        || lookUp(organisation).isPresent();
  }

  private boolean isHub(String identifier) {
    return identifier != null && hubIdentifiers.contains(identifier);
  }

  private Optional<Organisation> lookUp(OrganisationView organisation) {
    Optional<Organisation> bySor =
        organisation.sor() == null ? Optional.empty() : registry.bySor(organisation.sor());
    return bySor.isPresent() || organisation.gln() == null
        ? bySor
        : registry.byGln(organisation.gln()).stream().findFirst();
  }

  private static boolean isSameOrParent(
      String authenticated, OrganisationView sender, Optional<Organisation> known) {
    return authenticated.equals(sender.sor())
        || authenticated.equals(sender.gln())
        || known.map(organisation -> authenticated.equals(organisation.parentSor())).orElse(false);
  }

  private static MedcomIssue error(String type, String hl7Code, String path, String diagnostics) {
    return MedcomIssue.hl7(Severity.ERROR, type, hl7Code, path, diagnostics);
  }
}
