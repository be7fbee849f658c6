package dk.stafet.contracts.medcom;

import dk.stafet.contracts.medcom.MedcomViews.AcknowledgementResponseView;
import dk.stafet.contracts.medcom.MedcomViews.CommunicationView;
import dk.stafet.contracts.medcom.MedcomViews.DestinationView;
import dk.stafet.contracts.medcom.MedcomViews.EncounterView;
import dk.stafet.contracts.medcom.MedcomViews.IdentifierView;
import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.medcom.MedcomViews.PatientView;
import dk.stafet.contracts.medcom.MedcomViews.ProvenanceEntityView;
import dk.stafet.contracts.medcom.MedcomViews.ProvenanceView;
import dk.stafet.contracts.medcom.MedcomViews.ThreadView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A typed, read-only view of a parsed MedCom message Bundle. References are resolved inside the
 * Bundle only (MedCom messages are self-contained). Missing parts give empty Optionals or nulls,
 * never exceptions, so an invalid message can still be described in its acknowledgement. {@link
 * #toString()} shows ids and the message type only.
 */
public final class MedcomMessage {

  private final Bundle bundle;
  private final Map<String, Resource> resourcesByReference = new HashMap<>();
  private final MessageHeader header;

  public MedcomMessage(Bundle bundle) {
    this.bundle = bundle;
    for (BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      if (entry.hasFullUrl()) {
        resourcesByReference.put(entry.getFullUrl(), resource);
      }
      if (resource.hasIdElement()) {
        resourcesByReference.put(
            resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
      }
    }
    this.header =
        bundle.getEntry().stream()
            .map(BundleEntryComponent::getResource)
            .filter(MessageHeader.class::isInstance)
            .map(MessageHeader.class::cast)
            .findFirst()
            .orElse(null);
  }

  /** The underlying Bundle; treat it as read-only. */
  public Bundle bundle() {
    return bundle;
  }

  public String bundleId() {
    return bundle.getIdElement().getIdPart();
  }

  public Instant bundleTimestamp() {
    return bundle.hasTimestamp() ? bundle.getTimestamp().toInstant() : null;
  }

  public MessageType messageType() {
    if (header == null || !header.hasEventCoding()) {
      return MessageType.UNKNOWN;
    }
    return MessageType.fromEventCode(
        header.getEventCoding().getSystem(), header.getEventCoding().getCode());
  }

  public Optional<MessageHeader> messageHeader() {
    return Optional.ofNullable(header);
  }

  /** The letter id: kept on retransmission, the duplicate key (spec §1). */
  public String messageHeaderId() {
    return header == null ? null : header.getIdElement().getIdPart();
  }

  public Optional<OrganisationView> sender() {
    return header == null ? Optional.empty() : organisation(header.getSender());
  }

  public Optional<DestinationView> primaryReceiver() {
    return destinations().stream().filter(DestinationView::isPrimary).findFirst();
  }

  public List<DestinationView> ccReceivers() {
    return destinations().stream().filter(d -> "cc".equals(d.use())).toList();
  }

  public List<DestinationView> destinations() {
    if (header == null) {
      return List.of();
    }
    List<DestinationView> result = new ArrayList<>();
    for (MessageHeader.MessageDestinationComponent destination : header.getDestination()) {
      Extension use = destination.getExtensionByUrl(MedcomSystems.DESTINATION_USE_EXTENSION);
      String useCode =
          use != null && use.getValue() instanceof Coding coding ? coding.getCode() : null;
      result.add(
          new DestinationView(
              useCode,
              destination.getEndpoint(),
              organisation(destination.getReceiver()).orElse(null)));
    }
    return List.copyOf(result);
  }

  /** MessageHeader.source.endpoint: where the acknowledgement goes. */
  public String sourceEndpoint() {
    return header == null || !header.hasSource() ? null : header.getSource().getEndpoint();
  }

  public Optional<Resource> focus() {
    return header == null || !header.hasFocus()
        ? Optional.empty()
        : resolve(header.getFocusFirstRep());
  }

  public Optional<Resource> resolve(Reference reference) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    return Optional.ofNullable(resourcesByReference.get(reference.getReference()));
  }

  public Optional<PatientView> patient() {
    return first(Patient.class).map(MedcomMessage::patientView);
  }

  public Optional<EncounterView> encounter() {
    Optional<Encounter> focused =
        focus().filter(Encounter.class::isInstance).map(Encounter.class::cast);
    return focused.or(() -> first(Encounter.class)).map(this::encounterView);
  }

  public Optional<CommunicationView> communication() {
    return first(Communication.class).map(MedcomMessage::communicationView);
  }

  /** The Provenance chain, oldest first and the one describing this message last (spec §1). */
  public List<ProvenanceView> provenances() {
    String currentHeader = header == null ? null : "MessageHeader/" + messageHeaderId();
    List<ProvenanceView> views =
        all(Provenance.class).stream().map(MedcomMessage::provenanceView).toList();
    return views.stream()
        .sorted(
            Comparator.comparing(
                    (ProvenanceView p) -> currentHeader != null && currentHeader.equals(p.target()))
                .thenComparing(
                    MedcomMessage::sortTime, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  /** The Provenance of this message itself (target = this MessageHeader), if present. */
  public Optional<ProvenanceView> currentProvenance() {
    List<ProvenanceView> chain = provenances();
    return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
  }

  /**
   * The thread of a CareCommunication: its identifier and the earlier message its own Provenance
   * names with role {@code revision}; empty for other messages.
   */
  public Optional<ThreadView> careCommunicationThread() {
    if (messageType() != MessageType.CARE_COMMUNICATION) {
      return Optional.empty();
    }
    Optional<CommunicationView> communication = communication();
    Optional<ProvenanceView> own =
        currentProvenance()
            .filter(p -> header != null && messageHeaderId().equals(p.targetMessageHeaderId()));
    Optional<ProvenanceEntityView> preceding =
        own.flatMap(
            p ->
                p.entities().stream()
                    .filter(e -> "revision".equals(e.role()))
                    .filter(e -> e.reference() != null || e.identifier() != null)
                    .findFirst());
    return Optional.of(
        new ThreadView(
            communication.map(CommunicationView::identifier).orElse(null),
            own.map(ProvenanceView::activityCode).orElse(null),
            preceding
                .map(ProvenanceEntityView::reference)
                .filter(r -> r.contains("MessageHeader/"))
                .map(r -> r.substring(r.lastIndexOf('/') + 1))
                .orElse(null),
            preceding.map(ProvenanceEntityView::identifier).orElse(null)));
  }

  /**
   * Only for HospitalNotifications; empty when the activity is unknown or contradicts the status.
   */
  public Optional<HospitalNotificationEvent> hospitalNotificationEvent() {
    if (messageType() != MessageType.HOSPITAL_NOTIFICATION) {
      return Optional.empty();
    }
    Boolean deceased = patient().map(PatientView::deceased).orElse(null);
    return HospitalNotificationEvent.derive(provenances(), encounter().orElse(null), deceased);
  }

  /**
   * What the letter is about, in one word for lists and the sent-message log: a
   * HospitalNotification's event (STIN, SLHJ, ...) or a CareCommunication's category; empty for
   * other messages.
   */
  public Optional<String> eventCode() {
    return hospitalNotificationEvent()
        .map(Enum::name)
        .or(() -> communication().map(c -> c.category()));
  }

  /** MessageHeader.response with its OperationOutcome issues; only for acknowledgements. */
  public Optional<AcknowledgementResponseView> acknowledgementResponse() {
    if (header == null || !header.hasResponse()) {
      return Optional.empty();
    }
    MessageHeader.MessageHeaderResponseComponent response = header.getResponse();
    List<MedcomIssue> issues =
        resolve(response.getDetails())
            .filter(OperationOutcome.class::isInstance)
            .map(OperationOutcome.class::cast)
            .map(MedcomMessage::issuesOf)
            .orElse(List.of());
    return Optional.of(
        new AcknowledgementResponseView(
            response.getIdentifier(),
            response.hasCode() ? response.getCode().toCode() : null,
            issues));
  }

  @Override
  public String toString() {
    return "MedcomMessage[type="
        + messageType()
        + ", bundleId="
        + bundleId()
        + ", messageHeaderId="
        + messageHeaderId()
        + "]";
  }

  // --- mapping helpers ---------------------------------------------------------------------------

  private Optional<OrganisationView> organisation(Reference reference) {
    return resolve(reference)
        .filter(Organization.class::isInstance)
        .map(Organization.class::cast)
        .map(MedcomMessage::organisationView);
  }

  static OrganisationView organisationView(Organization organization) {
    return new OrganisationView(
        organization.getIdElement().getIdPart(),
        identifierValue(organization.getIdentifier(), MedcomSystems.SOR),
        identifierValue(organization.getIdentifier(), MedcomSystems.GLN),
        organization.getName());
  }

  private static PatientView patientView(Patient patient) {
    String cpr = identifierValue(patient.getIdentifier(), MedcomSystems.CPR);
    List<IdentifierView> others =
        patient.getIdentifier().stream()
            .filter(id -> !MedcomSystems.CPR.equals(id.getSystem()))
            .map(id -> new IdentifierView(id.getSystem(), id.getValue()))
            .toList();
    String family = patient.hasName() ? patient.getNameFirstRep().getFamily() : null;
    List<String> given =
        patient.hasName()
            ? patient.getNameFirstRep().getGiven().stream().map(g -> g.getValue()).toList()
            : List.of();
    Boolean deceased =
        patient.hasDeceasedBooleanType() ? patient.getDeceasedBooleanType().getValue() : null;
    return new PatientView(cpr, others, family, given, deceased);
  }

  private EncounterView encounterView(Encounter encounter) {
    Period period = encounter.getPeriod();
    Extension leave = encounter.getExtensionByUrl(MedcomSystems.LEAVE_PERIOD_EXTENSION);
    Period leavePeriod = leave != null && leave.getValue() instanceof Period p ? p : new Period();
    List<IdentifierView> episodes =
        encounter.getEpisodeOfCare().stream()
            .filter(Reference::hasIdentifier)
            .map(Reference::getIdentifier)
            .map(id -> new IdentifierView(id.getSystem(), id.getValue()))
            .toList();
    return new EncounterView(
        encounter.hasStatus() ? encounter.getStatus().toCode() : null,
        encounter.hasClass_() ? encounter.getClass_().getCode() : null,
        instant(period.getStartElement()),
        instant(period.getEndElement()),
        episodes,
        organisation(encounter.getServiceProvider()).orElse(null),
        instant(leavePeriod.getStartElement()),
        instant(leavePeriod.getEndElement()));
  }

  private static CommunicationView communicationView(Communication communication) {
    List<String> texts = new ArrayList<>();
    int attachments = 0;
    for (Communication.CommunicationPayloadComponent payload : communication.getPayload()) {
      if (payload.hasContentStringType()) {
        texts.add(payload.getContentStringType().getValue());
      } else if (payload.hasContentAttachment()) {
        attachments++;
      }
    }
    Coding category = communication.getCategoryFirstRep().getCodingFirstRep();
    return new CommunicationView(
        communication.hasIdentifier() ? communication.getIdentifierFirstRep().getValue() : null,
        category.getCode(),
        communication.hasPriority() ? communication.getPriority().toCode() : null,
        communication.hasTopic() ? communication.getTopic().getText() : null,
        List.copyOf(texts),
        attachments);
  }

  private static ProvenanceView provenanceView(Provenance provenance) {
    List<ProvenanceEntityView> entities =
        provenance.getEntity().stream()
            .map(
                entity ->
                    new ProvenanceEntityView(
                        entity.hasRole() ? entity.getRole().toCode() : null,
                        entity.getWhat().getReference(),
                        entity.getWhat().hasIdentifier()
                            ? entity.getWhat().getIdentifier().getValue()
                            : null))
            .toList();
    Instant occurred =
        provenance.hasOccurredDateTimeType() ? instant(provenance.getOccurredDateTimeType()) : null;
    return new ProvenanceView(
        provenance.getIdElement().getIdPart(),
        provenance.getActivity().getCodingFirstRep().getCode(),
        provenance.hasTarget() ? provenance.getTargetFirstRep().getReference() : null,
        occurred,
        provenance.hasRecorded() ? provenance.getRecorded().toInstant() : null,
        provenance.hasAgent() ? provenance.getAgentFirstRep().getWho().getReference() : null,
        entities);
  }

  static List<MedcomIssue> issuesOf(OperationOutcome outcome) {
    List<MedcomIssue> issues = new ArrayList<>();
    for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
      Coding details = issue.getDetails().getCodingFirstRep();
      MedcomIssue.Severity severity =
          issue.hasSeverity()
              ? MedcomIssue.Severity.valueOf(issue.getSeverity().name())
              : MedcomIssue.Severity.ERROR;
      issues.add(
          new MedcomIssue(
              severity,
              issue.hasCode() ? issue.getCode().toCode() : "unknown",
              details.getCode(),
              details.getSystem(),
              issue.hasExpression() ? issue.getExpression().get(0).getValue() : null,
              issue.getDiagnostics()));
    }
    return List.copyOf(issues);
  }

  private static Instant sortTime(ProvenanceView provenance) {
    return provenance.recorded() != null ? provenance.recorded() : provenance.occurred();
  }

  private static Instant instant(BaseDateTimeType value) {
    return value == null || value.getValue() == null ? null : value.getValue().toInstant();
  }

  private static String identifierValue(List<Identifier> identifiers, String system) {
    return identifiers.stream()
        .filter(id -> system.equals(id.getSystem()))
        .map(Identifier::getValue)
        .findFirst()
        .orElse(null);
  }

  private <T extends Resource> Optional<T> first(Class<T> type) {
    return all(type).stream().findFirst();
  }

  private <T extends Resource> List<T> all(Class<T> type) {
    return bundle.getEntry().stream()
        .map(BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }
}
