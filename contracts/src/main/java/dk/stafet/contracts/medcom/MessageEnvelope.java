package dk.stafet.contracts.medcom;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * What every MedCom message the builders make has in common, so each builder says only what is
 * specific to its message (medcom-spec.md §1): the message Bundle and its entries' fullUrls, the
 * MessageHeader's routing (event, one primary destination, sender, source endpoint), the Provenance
 * the sender signs this message with, and the small FHIR helpers they all use (profiles,
 * references, the Patient, SOR-derived Organizations, Danish times, narratives).
 *
 * <p>Thread-safe; one per builder.
 */
final class MessageEnvelope {

  private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

  private final String fullUrlBase;
  private final Clock clock;

  /**
   * @param fullUrlBase absolute base for entry fullUrls, e.g. {@code https://stafet.dk/fhir/};
   *     fullUrl = base + Type/id
   */
  MessageEnvelope(String fullUrlBase, Clock clock) {
    this.fullUrlBase = fullUrlBase.endsWith("/") ? fullUrlBase : fullUrlBase + "/";
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A message Bundle: a new id, the message profile, type {@code message}, sent now, with {@code
   * entries} in order (the MessageHeader first); the builder {@link #add}s any further entries.
   */
  Bundle bundle(String profile, Resource... entries) {
    Bundle bundle = new Bundle();
    bundle.setId(newId());
    profile(bundle, profile);
    bundle.setType(Bundle.BundleType.MESSAGE);
    bundle.setTimestampElement(FhirTimes.instantNow(clock));
    for (Resource entry : entries) {
      add(bundle, entry);
    }
    return bundle;
  }

  /**
   * Appends {@code resource} with fullUrl = base + Type/id; entries keep the order they are added
   * in.
   */
  void add(Bundle bundle, Resource resource) {
    bundle
        .addEntry()
        .setFullUrl(fullUrlBase + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
        .setResource(resource);
  }

  /**
   * A MessageHeader from {@code sender} to one primary {@code receiver}. The builder adds what its
   * message needs besides: extensions, focus, definition, response and the narrative.
   */
  static MessageHeader header(
      String id,
      String profile,
      String event,
      Organization sender,
      String senderEndpoint,
      Organization receiver,
      String receiverEndpoint) {
    MessageHeader header = new MessageHeader();
    header.setId(id);
    profile(header, profile);
    header.setEvent(new Coding(MedcomSystems.EVENT_CODES, event, null));
    MessageHeader.MessageDestinationComponent destination = header.addDestination();
    destination.addExtension(
        MedcomSystems.DESTINATION_USE_EXTENSION,
        new Coding(MedcomSystems.DESTINATION_USE, "primary", null));
    destination.setEndpoint(receiverEndpoint);
    destination.setReceiver(reference(receiver));
    header.setSender(reference(sender));
    header.getSource().setEndpoint(senderEndpoint);
    return header;
  }

  /**
   * The Provenance of this message: it targets the MessageHeader, was sent now (occurred and
   * recorded, which {@link MessageReenveloper} renews on a retransmission) by {@code sender}, with
   * {@code activity}. The builder adds the entity, if its message names one.
   */
  Provenance provenance(String profile, String headerId, String activity, Organization sender) {
    Provenance provenance = new Provenance();
    provenance.setId(newId());
    profile(provenance, profile);
    provenance.addTarget(new Reference("MessageHeader/" + headerId));
    provenance.setOccurred(FhirTimes.dateTimeNow(clock));
    provenance.setRecordedElement(FhirTimes.instantNow(clock));
    provenance.getActivity().addCoding(new Coding(MedcomSystems.ACTIVITY_CODES, activity, null));
    provenance.addAgent().setWho(reference(sender));
    return provenance;
  }

  /** Now, in Danish time to the second. */
  DateTimeType dateTimeNow() {
    return FhirTimes.dateTimeNow(clock);
  }

  /**
   * A MedComMessagingOrganization with SOR and GLN; its id is derived from the SOR code unless
   * given.
   */
  static Organization organisation(OrganisationView view) {
    Objects.requireNonNull(view.sor(), "organisation SOR code");
    Objects.requireNonNull(view.gln(), "organisation GLN");
    Organization organisation = new Organization();
    organisation.setId(view.resourceId() != null ? view.resourceId() : idFor(view.sor()));
    profile(organisation, MedcomSystems.PROFILE_MESSAGING_ORGANIZATION);
    organisation.addIdentifier().setSystem(MedcomSystems.GLN).setValue(view.gln());
    organisation.addIdentifier().setSystem(MedcomSystems.SOR).setValue(view.sor());
    if (view.name() != null) {
      organisation.setName(view.name());
    }
    return organisation;
  }

  /**
   * A MedCom core Patient: the CPR number and the official name (MedCom requires the official
   * name).
   */
  static Patient patient(String cpr, String familyName, List<String> givenNames) {
    Patient patient = new Patient();
    patient.setId(newId());
    profile(patient, MedcomSystems.PROFILE_CORE_PATIENT);
    patient.addIdentifier().setSystem(MedcomSystems.CPR).setValue(cpr);
    HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(familyName);
    givenNames.forEach(name::addGiven);
    return patient;
  }

  /**
   * A stable resource id for an organisation: a name-based UUID of its SOR code, so that an earlier
   * Provenance's agent still resolves in a later message about the same stay.
   */
  static String idFor(String sor) {
    return UUID.nameUUIDFromBytes(("sor:" + sor).getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String endpoint(OrganisationView view) {
    return MedcomSystems.SOR_ENDPOINT_PREFIX + view.sor();
  }

  static DateTimeType dateTime(Instant instant) {
    return new DateTimeType(
        Date.from(instant),
        TemporalPrecisionEnum.SECOND,
        TimeZone.getTimeZone(FhirTimes.DANISH_TIME));
  }

  /**
   * A generated narrative of one paragraph; {@code text} may quote names (the writer escapes it).
   * Built as nodes rather than parsed from a string: HAPI's XHTML parser fills a table of about
   * 2,000 character entities for every narrative it parses, which showed in the profile of every
   * service that builds messages (docs/performance.md).
   */
  static Narrative narrative(String text) {
    XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
    div.setAttribute("xmlns", XHTML_NAMESPACE);
    XhtmlNode paragraph = div.addTag("p");
    if (!text.isEmpty()) {
      paragraph.addText(text); // an empty text node would be written <p></p>, not <p/>
    }
    Narrative narrative = new Narrative();
    narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDiv(div);
    return narrative;
  }

  static String describe(OrganisationView view) {
    return view.name() != null ? view.name() + " (SOR " + view.sor() + ")" : "SOR " + view.sor();
  }

  /** Sets {@code profile} as the only meta.profile. */
  static <T extends Resource> T profile(T resource, String profile) {
    resource.getMeta().getProfile().clear();
    resource.getMeta().addProfile(profile);
    return resource;
  }

  static Reference reference(Resource resource) {
    return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }
}
