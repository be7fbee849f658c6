package dk.stafet.contracts.medcom;

import static dk.stafet.contracts.medcom.MessageEnvelope.dateTime;
import static dk.stafet.contracts.medcom.MessageEnvelope.describe;
import static dk.stafet.contracts.medcom.MessageEnvelope.endpoint;
import static dk.stafet.contracts.medcom.MessageEnvelope.narrative;
import static dk.stafet.contracts.medcom.MessageEnvelope.newId;
import static dk.stafet.contracts.medcom.MessageEnvelope.organisation;
import static dk.stafet.contracts.medcom.MessageEnvelope.patient;
import static dk.stafet.contracts.medcom.MessageEnvelope.profile;
import static dk.stafet.contracts.medcom.MessageEnvelope.reference;

import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.medcom.MedcomViews.ThreadView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Builds new MedCom CareCommunication 5.0.2 Bundles (medcom-spec.md §1, §3), shaped like MedCom's
 * published examples: MessageHeader (eventCoding, definition {@code …|5.0}, primary destination,
 * sender, source endpoint, focus), Patient, Communication (thread identifier, category, one text
 * segment with the four medcom-core extensions), the author's PractitionerRole and Practitioner,
 * both Organizations, and a {@code new-message} Provenance naming the segment. {@link #reply} and
 * {@link #forward} continue a thread as MedCom defines it (§3). Thread-safe; build once and share.
 */
public final class CareCommunicationBuilder {

  public static final String PROFILE_MESSAGE =
      "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-message";
  public static final String PROFILE_HEADER =
      "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-messageHeader";
  public static final String PROFILE_COMMUNICATION =
      "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-communication";
  public static final String PROFILE_PROVENANCE =
      "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-provenance";
  public static final String PROFILE_PRACTITIONER_ROLE =
      "http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitionerrole";
  public static final String PROFILE_PRACTITIONER =
      "http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner";
  public static final String MESSAGE_DEFINITION =
      "http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0";
  public static final String CATEGORY_CODES =
      "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-careCommunication-categoryCodes";
  public static final String ROLE_CODES =
      "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-PractitionerRolesSKSadministrativ";
  public static final String DATETIME_EXTENSION =
      "http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-datetime-extension";
  public static final String IDENTIFIER_EXTENSION =
      "http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-identifier-extension";
  public static final String PRACTITIONER_EXTENSION =
      "http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension";
  public static final String CONTACT_EXTENSION =
      "http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-contact-extension";

  /** The categories of terminology 2.0.1 (medcom-spec.md §3). */
  public static final Set<String> CATEGORIES =
      Set.of(
          "alcohol-and-drug-treatment",
          "assistive-devices",
          "carecoordination",
          "decease",
          "discharge",
          "examination-results",
          "healthcare",
          "home-care-assessment",
          "medicine",
          "nursing",
          "outpatient",
          "psychiatry-social-disability",
          "regarding-referral",
          "telemedicine",
          "training",
          "acute-ambulant",
          "extended-care-responsibility",
          "other");

  private final MessageEnvelope envelope;

  /**
   * @param fullUrlBase absolute base for entry fullUrls; fullUrl = base + Type/id
   */
  public CareCommunicationBuilder(String fullUrlBase, Clock clock) {
    this.envelope = new MessageEnvelope(fullUrlBase, clock);
  }

  /**
   * Who wrote the text segment (the payload's practitioner and contact extensions).
   *
   * @param roleCode a code of MedCom's SKS administrative practitioner roles, e.g. {@code
   *     laegesekretaer}; may be null
   */
  public record Author(String givenName, String familyName, String roleCode, String phone) {
    public Author {
      Objects.requireNonNull(familyName, "familyName");
      Objects.requireNonNull(phone, "phone");
    }
  }

  /**
   * One new CareCommunication.
   *
   * @param messageHeaderId null for a new letter id
   * @param threadId Communication.identifier as a bare UUID; null starts a new thread
   * @param category a category code; {@code other} needs a topic
   * @param topic Communication.topic.text, or null
   * @param text the text segment (clinical content: never logged)
   * @param writtenAt when the author sent it (the datetime extension); null means now
   * @param patientFamilyName the patient's official family name (MedCom requires the official name)
   */
  public record CareCommunication(
      String messageHeaderId,
      String threadId,
      OrganisationView sender,
      OrganisationView receiver,
      String cpr,
      String patientFamilyName,
      List<String> patientGivenNames,
      String category,
      String topic,
      String text,
      Instant writtenAt,
      Author author) {
    public CareCommunication {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(cpr, "cpr");
      Objects.requireNonNull(patientFamilyName, "patientFamilyName");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(author, "author");
      if (!CATEGORIES.contains(category)) {
        throw new IllegalArgumentException("unknown CareCommunication category " + category);
      }
      if ("other".equals(category) && (topic == null || topic.isBlank())) {
        throw new IllegalArgumentException(
            "category 'other' needs a topic (medcom-careCommunication-6)");
      }
      patientGivenNames = patientGivenNames == null ? List.of() : List.copyOf(patientGivenNames);
    }

    @Override
    public String toString() {
      return "CareCommunication["
          + category
          + " header="
          + messageHeaderId
          + " thread="
          + threadId
          + "]";
    }
  }

  public Bundle build(CareCommunication c) {
    String headerId = c.messageHeaderId() != null ? c.messageHeaderId() : newId();
    Organization sender = organisation(c.sender());
    Organization receiver = organisation(c.receiver());
    Patient patient = patient(c.cpr(), c.patientFamilyName(), c.patientGivenNames());
    Practitioner practitioner = practitioner(c.author());
    PractitionerRole role = role(c.author(), practitioner);
    String segmentId = "urn:uuid:" + newId();
    Communication communication = communication(c, patient, sender, role, segmentId);

    MessageHeader header = header(c, headerId, sender, receiver, communication, c.category());
    Provenance provenance = provenance(headerId, ThreadView.NEW, sender, segmentId);

    return envelope.bundle(
        PROFILE_MESSAGE,
        header,
        patient,
        communication,
        role,
        practitioner,
        receiver,
        sender,
        provenance);
  }

  /**
   * A reply to {@code earlier} (medcom-spec.md §3): the same thread id, category and topic, every
   * earlier text segment repeated, earlier attachments as metadata only (no data, no url), the
   * earlier Provenances kept, and a {@code reply-message} Provenance naming the new segment and, as
   * {@code revision}, the MessageHeader replied to. {@code c.threadId()}, category and topic are
   * taken from the earlier message. MedCom: reply only to the latest message of a thread.
   *
   * @throws IllegalArgumentException if {@code earlier} is no CareCommunication about {@code
   *     c.cpr()}
   */
  public Bundle reply(CareCommunication c, MedcomMessage earlier) {
    return continued(c, earlier, ThreadView.REPLY);
  }

  /**
   * A forward of {@code earlier} to a new receiver: a new thread id, every earlier segment with its
   * attachment data and the earlier Provenances, and a {@code forward-message} Provenance naming
   * the new segment and, as {@code revision}, the MessageHeader forwarded.
   */
  public Bundle forward(CareCommunication c, MedcomMessage earlier) {
    return continued(c, earlier, ThreadView.FORWARD);
  }

  private Bundle continued(CareCommunication c, MedcomMessage earlier, String activity) {
    if (earlier.messageType() != MessageType.CARE_COMMUNICATION) {
      throw new IllegalArgumentException("only a CareCommunication can be replied to or forwarded");
    }
    boolean reply = ThreadView.REPLY.equals(activity);
    Bundle previous = earlier.bundle().copy();
    MedcomMessage prior = new MedcomMessage(previous);
    Communication communication =
        prior
            .focus()
            .filter(Communication.class::isInstance)
            .map(Communication.class::cast)
            .orElseThrow(() -> new IllegalArgumentException("the earlier message has no focus"));
    Patient patient =
        prior
            .resolve(communication.getSubject())
            .filter(Patient.class::isInstance)
            .map(Patient.class::cast)
            .orElseThrow(() -> new IllegalArgumentException("the earlier message has no patient"));
    if (prior.patient().flatMap(p -> p.cprValue()).filter(c.cpr()::equals).isEmpty()) {
      throw new IllegalArgumentException("the earlier message is about another patient");
    }
    String headerId = c.messageHeaderId() != null ? c.messageHeaderId() : newId();
    List<Resource> added = new ArrayList<>();
    Organization sender = organisationIn(previous, c.sender(), added);
    Organization receiver = organisationIn(previous, c.receiver(), added);
    Practitioner practitioner = practitioner(c.author());
    PractitionerRole role = role(c.author(), practitioner);
    added.add(role);
    added.add(practitioner);

    communication.setId(newId());
    if (!reply) {
      communication.getIdentifier().clear();
      communication.addIdentifier().setValue("urn:uuid:" + newId());
    }
    // A specific recipient or sender names the earlier parties, whose organisations must be this
    // message's (medcom-careCommunication-11, -12); the earlier segments keep their authors.
    communication.getRecipient().clear();
    communication.getExtension().removeIf(e -> e.getUrl().endsWith("medcom-core-sender-extension"));
    if (reply) {
      for (Communication.CommunicationPayloadComponent payload : communication.getPayload()) {
        if (payload.hasContentAttachment()) {
          payload.getContentAttachment().setData(null).setUrl(null);
        }
      }
    }
    String segmentId = "urn:uuid:" + newId();
    addSegment(communication, c, sender, role, segmentId);

    MessageHeader header =
        header(c, headerId, sender, receiver, communication, reply ? "reply" : "forward");
    Provenance provenance = provenance(headerId, activity, sender, segmentId);
    provenance
        .addEntity()
        .setRole(Provenance.ProvenanceEntityRole.REVISION)
        .setWhat(new Reference("MessageHeader/" + earlier.messageHeaderId()));

    Bundle bundle = envelope.bundle(PROFILE_MESSAGE, header, patient, communication);
    List<Provenance> provenances = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : previous.getEntry()) {
      Resource resource = entry.getResource();
      if (resource instanceof Provenance earlierProvenance) {
        provenances.add(earlierProvenance);
      } else if (!(resource instanceof MessageHeader)
          && resource != patient
          && resource != communication) {
        envelope.add(bundle, resource);
      }
    }
    added.forEach(resource -> envelope.add(bundle, resource));
    provenances.forEach(resource -> envelope.add(bundle, resource));
    envelope.add(bundle, provenance);
    return bundle;
  }

  private static MessageHeader header(
      CareCommunication c,
      String headerId,
      Organization sender,
      Organization receiver,
      Communication communication,
      String kind) {
    MessageHeader header =
        MessageEnvelope.header(
            headerId,
            PROFILE_HEADER,
            MedcomSystems.EVENT_CARE_COMMUNICATION,
            sender,
            endpoint(c.sender()),
            receiver,
            endpoint(c.receiver()));
    header.addFocus(reference(communication));
    header.setDefinition(MESSAGE_DEFINITION);
    header.setText(
        narrative(
            "CareCommunication ("
                + kind
                + ") from "
                + describe(c.sender())
                + " to "
                + describe(c.receiver())));
    return header;
  }

  /** This message's Provenance, naming the segment it adds. */
  private Provenance provenance(
      String headerId, String activity, Organization sender, String segmentId) {
    Provenance provenance = envelope.provenance(PROFILE_PROVENANCE, headerId, activity, sender);
    provenance
        .addEntity()
        .setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(new Reference().setIdentifier(new Identifier().setValue(segmentId)));
    return provenance;
  }

  /**
   * The earlier message's Organization with this SOR code, so that the earlier references still
   * resolve; else a new one, added to {@code added}.
   */
  private static Organization organisationIn(
      Bundle previous, OrganisationView view, List<Resource> added) {
    for (Bundle.BundleEntryComponent entry : previous.getEntry()) {
      if (entry.getResource() instanceof Organization existing
          && existing.getIdentifier().stream()
              .anyMatch(
                  i ->
                      MedcomSystems.SOR.equals(i.getSystem()) && view.sor().equals(i.getValue()))) {
        return existing;
      }
    }
    Organization created = organisation(view);
    added.add(created);
    return created;
  }

  private Communication communication(
      CareCommunication c,
      Patient patient,
      Organization sender,
      PractitionerRole role,
      String segmentId) {
    Communication communication = new Communication();
    communication.setId(newId());
    profile(communication, PROFILE_COMMUNICATION);
    communication
        .addIdentifier()
        .setValue("urn:uuid:" + (c.threadId() != null ? c.threadId() : newId()));
    communication.setStatus(Communication.CommunicationStatus.UNKNOWN);
    communication.addCategory(new CodeableConcept(new Coding(CATEGORY_CODES, c.category(), null)));
    if (c.topic() != null && !c.topic().isBlank()) {
      communication.setTopic(new CodeableConcept().setText(c.topic()));
    }
    communication.setSubject(reference(patient));
    addSegment(communication, c, sender, role, segmentId);
    return communication;
  }

  /** A text segment with the four medcom-core extensions, appended to the earlier ones. */
  private void addSegment(
      Communication communication,
      CareCommunication c,
      Organization sender,
      PractitionerRole role,
      String segmentId) {
    Communication.CommunicationPayloadComponent payload = communication.addPayload();
    payload.setContent(new StringType(c.text()));
    payload.addExtension(
        DATETIME_EXTENSION,
        c.writtenAt() != null ? dateTime(c.writtenAt()) : envelope.dateTimeNow());
    payload.addExtension(
        IDENTIFIER_EXTENSION, new Identifier().setValue(segmentId).setAssigner(reference(sender)));
    payload.addExtension(PRACTITIONER_EXTENSION, reference(role));
    payload.addExtension(
        CONTACT_EXTENSION,
        new ContactPoint()
            .setSystem(ContactPoint.ContactPointSystem.PHONE)
            .setValue(c.author().phone()));
  }

  private static Practitioner practitioner(Author author) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(newId());
    profile(practitioner, PROFILE_PRACTITIONER);
    HumanName name = practitioner.addName().setFamily(author.familyName());
    if (author.givenName() != null) {
      name.addGiven(author.givenName());
    }
    return practitioner;
  }

  private static PractitionerRole role(Author author, Practitioner practitioner) {
    PractitionerRole role = new PractitionerRole();
    role.setId(newId());
    profile(role, PROFILE_PRACTITIONER_ROLE);
    role.setPractitioner(reference(practitioner));
    if (author.roleCode() != null) {
      role.addCode(new CodeableConcept(new Coding(ROLE_CODES, author.roleCode(), null)));
    }
    return role;
  }
}
