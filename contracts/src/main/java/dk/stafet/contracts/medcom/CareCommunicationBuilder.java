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
import java.time.Clock;
import java.time.Instant;
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
import org.hl7.fhir.r4.model.StringType;

/**
 * Builds new MedCom CareCommunication 5.0.2 Bundles (medcom-spec.md §1, §3), shaped like MedCom's
 * published examples: MessageHeader (eventCoding, definition {@code …|5.0}, primary destination,
 * sender, source endpoint, focus), Patient, Communication (thread identifier, category, one text
 * segment with the four medcom-core extensions), the author's PractitionerRole and Practitioner,
 * both Organizations, and a {@code new-message} Provenance naming the segment. Replies and forwards
 * are not built here. Thread-safe; build once and share.
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
                + c.category()
                + ") from "
                + describe(c.sender())
                + " to "
                + describe(c.receiver())));

    Provenance provenance =
        envelope.provenance(PROFILE_PROVENANCE, headerId, "new-message", sender);
    provenance
        .addEntity()
        .setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(new Reference().setIdentifier(new Identifier().setValue(segmentId)));

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
    return communication;
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
