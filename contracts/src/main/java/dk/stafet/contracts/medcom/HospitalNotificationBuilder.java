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
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds MedCom HospitalNotification 3.0.2 Bundles (medcom-spec.md §1, §2), shaped like MedCom's
 * published examples: MessageHeader (eventCoding, primary destination, sender, source endpoint,
 * focus Encounter and, for STAA/STIN, the reportOfAdmission extensions), Patient (CPR only),
 * Encounter (status, class, period, episodeOfCare identifier, serviceProvider, leave period), the
 * sender and receiver Organizations, and the Provenance chain: the Provenances of the earlier
 * notifications of the stay, then this message's own.
 *
 * <p>Organization resource ids are derived from the SOR code, so an earlier Provenance's agent
 * resolves in a later message of the same stay. Thread-safe; build once and share.
 */
public final class HospitalNotificationBuilder {

  public static final String PROFILE_MESSAGE =
      "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-message";
  public static final String PROFILE_HEADER =
      "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-messageHeader";
  public static final String PROFILE_ENCOUNTER =
      "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-encounter";
  public static final String REPORT_OF_ADMISSION_EXTENSION =
      "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionExtension";
  public static final String REPORT_OF_ADMISSION_RECIPIENT_EXTENSION =
      "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionRecipientExtension";
  public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String LPR3_EPISODE_SYSTEM =
      "https://www.esundhed.dk/Registre/Landspatientregisteret";

  private static final Set<HospitalNotificationEvent> NO_LEAVE =
      EnumSet.of(
          HospitalNotificationEvent.STAA,
          HospitalNotificationEvent.STIN,
          HospitalNotificationEvent.AN_STAA,
          HospitalNotificationEvent.AN_STIN,
          HospitalNotificationEvent.AN_STOR);

  private final MessageEnvelope envelope;

  /**
   * @param fullUrlBase absolute base for entry fullUrls, e.g. {@code https://stafet.dk/fhir/};
   *     fullUrl = base + Type/id
   */
  public HospitalNotificationBuilder(String fullUrlBase, Clock clock) {
    this.envelope = new MessageEnvelope(fullUrlBase, clock);
  }

  /**
   * What one notification says.
   *
   * @param event the HN code (STIN, STOR, AN_STIN, ...)
   * @param messageHeaderId the letter id; null for a new one
   * @param sender the organisation on whose behalf it is sent (with SOR and GLN)
   * @param receiver the municipality (with SOR and GLN)
   * @param serviceProvider Encounter.serviceProvider; null means the sender
   * @param cpr the patient's CPR number (10 digits)
   * @param patientFamilyName the patient's official family name (MedCom requires the official name)
   * @param patientGivenNames the official given names, or empty
   * @param encounterClass IMP or EMER
   * @param episodeOfCareId the episode of care (a UUID; LPR3 or local)
   * @param episodeOfCareSystem its system; null means the local one, the sender's SOR endpoint
   * @param periodStart when the stay started
   * @param periodEnd when it ended (SLHJ, MORS), else null
   * @param leaveStart leave start (STOR and after), else null
   * @param leaveEnd leave end (SLOR), else null
   * @param earlierProvenances the Provenances of the earlier notifications of this stay to this
   *     receiver, in order
   * @param previousMessageHeaderId MessageHeader.id of the latest earlier notification
   *     (revision/removal entity), or null
   * @param previousActivity the latest earlier Provenance activity (kept by MORS, cancelled by
   *     AN_), or null
   */
  public record Notification(
      HospitalNotificationEvent event,
      String messageHeaderId,
      OrganisationView sender,
      OrganisationView receiver,
      OrganisationView serviceProvider,
      String cpr,
      String patientFamilyName,
      List<String> patientGivenNames,
      String encounterClass,
      String episodeOfCareId,
      String episodeOfCareSystem,
      Instant periodStart,
      Instant periodEnd,
      Instant leaveStart,
      Instant leaveEnd,
      List<Provenance> earlierProvenances,
      String previousMessageHeaderId,
      String previousActivity) {
    public Notification {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(cpr, "cpr");
      Objects.requireNonNull(patientFamilyName, "patientFamilyName");
      Objects.requireNonNull(encounterClass, "encounterClass");
      Objects.requireNonNull(episodeOfCareId, "episodeOfCareId");
      Objects.requireNonNull(periodStart, "periodStart");
      patientGivenNames = patientGivenNames == null ? List.of() : List.copyOf(patientGivenNames);
      earlierProvenances = earlierProvenances == null ? List.of() : List.copyOf(earlierProvenances);
    }

    @Override
    public String toString() {
      return "Notification[" + event + " header=" + messageHeaderId + "]";
    }
  }

  public Bundle build(Notification n) {
    String headerId = n.messageHeaderId() != null ? n.messageHeaderId() : newId();
    Organization sender = organisation(n.sender());
    Organization receiver = organisation(n.receiver());
    Organization provider =
        n.serviceProvider() == null ? sender : organisation(n.serviceProvider());
    boolean emergency = "EMER".equals(n.encounterClass());

    Patient patient = patient(n.cpr(), n.patientFamilyName(), n.patientGivenNames());
    if (isDeath(n.event())) {
      patient.setDeceased(new BooleanType(n.event() != HospitalNotificationEvent.AN_MORS));
    }

    Encounter encounter = encounter(n, patient, provider);
    MessageHeader header = header(n, headerId, sender, receiver, encounter);

    Bundle bundle = envelope.bundle(PROFILE_MESSAGE, header, patient, encounter, receiver, sender);
    if (provider != sender && !sameId(provider, sender) && !sameId(provider, receiver)) {
      envelope.add(bundle, provider);
    }
    for (Provenance earlier : n.earlierProvenances()) {
      // Read back from the previous message, its id holds the entry's fullUrl; the text carries
      // the id part only, and so does the model the fast path walks
      // (MedcomValidator.validateBuilt).
      Provenance repeated = earlier.copy();
      repeated.setId(earlier.getIdElement().getIdPart());
      envelope.add(bundle, repeated);
    }
    envelope.add(bundle, ownProvenance(n, headerId, sender, emergency));
    return bundle;
  }

  /** The Provenance activity code this notification carries (medcom-spec.md §2 table). */
  public static String activityOf(
      HospitalNotificationEvent event, String encounterClass, String previousActivity) {
    boolean emergency = "EMER".equals(encounterClass);
    return switch (event) {
      case STAA -> "admit-emergency";
      case STIN -> "admit-inpatient";
      case STOR -> "start-leave-inpatient";
      case SLOR -> "end-leave-inpatient";
      case SLHJ -> emergency ? "discharge-emergency-home" : "discharge-inpatient-home";
      case MORS, RE_MORS, AN_MORS ->
          previousActivity != null
              ? previousActivity
              : emergency ? "admit-emergency" : "admit-inpatient";
      default -> {
        String name = event.name();
        String base =
            activityOf(
                HospitalNotificationEvent.valueOf(name.substring(3)),
                encounterClass,
                previousActivity);
        yield (name.startsWith("RE_") ? "revise-" : "cancel-") + base;
      }
    };
  }

  /** Encounter.status per medcom-spec.md §2. */
  public static Encounter.EncounterStatus statusOf(HospitalNotificationEvent event) {
    return switch (event) {
      case STAA, STIN, SLOR, RE_STAA, RE_STIN, RE_SLOR, AN_STOR, AN_SLHJ, AN_MORS ->
          Encounter.EncounterStatus.INPROGRESS;
      case STOR, RE_STOR, AN_SLOR -> Encounter.EncounterStatus.ONLEAVE;
      case SLHJ, MORS, RE_SLHJ, RE_MORS -> Encounter.EncounterStatus.FINISHED;
      case AN_STAA, AN_STIN -> Encounter.EncounterStatus.ENTEREDINERROR;
    };
  }

  private Encounter encounter(Notification n, Patient patient, Organization provider) {
    Encounter encounter = new Encounter();
    encounter.setId(newId());
    profile(encounter, PROFILE_ENCOUNTER);
    encounter.setStatus(statusOf(n.event()));
    encounter.setClass_(new Coding(ACT_CODE, n.encounterClass(), null));
    encounter.setSubject(reference(patient));
    String episodeSystem =
        n.episodeOfCareSystem() != null
            ? n.episodeOfCareSystem()
            : MedcomSystems.SOR_ENDPOINT_PREFIX + n.sender().sor();
    encounter
        .addEpisodeOfCare()
        .setIdentifier(new Identifier().setSystem(episodeSystem).setValue(n.episodeOfCareId()));
    Period period = new Period().setStartElement(dateTime(n.periodStart()));
    Instant end = n.periodEnd();
    if (end != null && statusOf(n.event()) == Encounter.EncounterStatus.FINISHED) {
      period.setEndElement(dateTime(end));
    }
    encounter.setPeriod(period);
    encounter.setServiceProvider(reference(provider));
    if (n.leaveStart() != null && hasLeave(n.event())) {
      Period leave = new Period().setStartElement(dateTime(n.leaveStart()));
      if (n.leaveEnd() != null && statusOf(n.event()) != Encounter.EncounterStatus.ONLEAVE) {
        leave.setEndElement(dateTime(n.leaveEnd()));
      }
      encounter.addExtension(MedcomSystems.LEAVE_PERIOD_EXTENSION, leave);
    }
    return encounter;
  }

  private MessageHeader header(
      Notification n,
      String headerId,
      Organization sender,
      Organization receiver,
      Encounter encounter) {
    MessageHeader header =
        MessageEnvelope.header(
            headerId,
            PROFILE_HEADER,
            MedcomSystems.EVENT_HOSPITAL_NOTIFICATION,
            sender,
            endpoint(n.sender()),
            receiver,
            endpoint(n.receiver()));
    if (reportsAdmission(n.event())) {
      // Only the start notifications ask for an admission report (XDIS16), from the admitting
      // organisation.
      header.addExtension(REPORT_OF_ADMISSION_EXTENSION, new BooleanType(true));
      header.addExtension(REPORT_OF_ADMISSION_RECIPIENT_EXTENSION, reference(sender));
    }
    header.addFocus(reference(encounter));
    header.setText(
        narrative(
            "HospitalNotification "
                + n.event()
                + " ("
                + n.encounterClass()
                + ") from "
                + describe(n.sender())
                + " to "
                + describe(n.receiver())
                + ", stay started "
                + n.periodStart()
                + (n.periodEnd() != null ? ", ended " + n.periodEnd() : "")));
    return header;
  }

  private Provenance ownProvenance(
      Notification n, String headerId, Organization sender, boolean emergency) {
    Provenance provenance =
        envelope.provenance(
            MedcomSystems.PROFILE_MESSAGING_PROVENANCE,
            headerId,
            activityOf(n.event(), emergency ? "EMER" : "IMP", n.previousActivity()),
            sender);
    if (n.previousMessageHeaderId() != null) {
      Provenance.ProvenanceEntityRole role =
          isCancellation(n.event())
              ? Provenance.ProvenanceEntityRole.REMOVAL
              : Provenance.ProvenanceEntityRole.REVISION;
      provenance
          .addEntity()
          .setRole(role)
          .setWhat(new Reference("MessageHeader/" + n.previousMessageHeaderId()));
    }
    return provenance;
  }

  private static boolean sameId(Resource a, Resource b) {
    return a.getIdElement().getIdPart().equals(b.getIdElement().getIdPart());
  }

  private static boolean reportsAdmission(HospitalNotificationEvent event) {
    return event == HospitalNotificationEvent.STAA || event == HospitalNotificationEvent.STIN;
  }

  private static boolean isCancellation(HospitalNotificationEvent event) {
    return event.name().startsWith("AN_");
  }

  private static boolean isDeath(HospitalNotificationEvent event) {
    return event.name().endsWith("MORS");
  }

  /**
   * A leave period is shown from STOR on; a start notification or a cancelled leave start has none.
   */
  private static boolean hasLeave(HospitalNotificationEvent event) {
    return !NO_LEAVE.contains(event);
  }
}
