package dk.stafet.contracts.medcom;

import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Small synthetic messages for {@link MedcomValidator#warmUp()}. They need not be valid: validating
 * them loads and converts the profiles and compiles their invariants, which is the slow first-call
 * part. No real identifiers: the CPR-system identifier is a placeholder that is not a CPR number.
 */
final class WarmUpMessages {

  private WarmUpMessages() {}

  static Bundle minimal(MessageType type) {
    Bundle bundle = new Bundle();
    bundle.setId("00000000-0000-4000-8000-000000000001");
    bundle.setType(Bundle.BundleType.MESSAGE);
    bundle.setTimestamp(new Date());
    Organization sender = organisation("00000000-0000-4000-8000-000000000002");
    Organization receiver = organisation("00000000-0000-4000-8000-000000000003");
    MessageHeader header = new MessageHeader();
    header.setId("00000000-0000-4000-8000-000000000004");
    header.setEvent(new Coding(MedcomSystems.EVENT_CODES, type.eventCode(), null));
    header
        .addDestination()
        .setEndpoint(MedcomSystems.SOR_ENDPOINT_PREFIX + "0")
        .setReceiver(new Reference("Organization/" + receiver.getIdElement().getIdPart()))
        .addExtension(
            MedcomSystems.DESTINATION_USE_EXTENSION,
            new Coding(MedcomSystems.DESTINATION_USE, "primary", null));
    header.setSender(new Reference("Organization/" + sender.getIdElement().getIdPart()));
    header.getSource().setEndpoint(MedcomSystems.SOR_ENDPOINT_PREFIX + "1");
    add(bundle, header);
    Patient patient = new Patient();
    patient.setId("00000000-0000-4000-8000-000000000005");
    patient.addIdentifier().setSystem(MedcomSystems.CPR).setValue("0000000000");
    if (type == MessageType.HOSPITAL_NOTIFICATION) {
      Encounter encounter = new Encounter();
      encounter.setId("00000000-0000-4000-8000-000000000006");
      encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
      header.addFocus(new Reference("Encounter/" + encounter.getIdElement().getIdPart()));
      add(bundle, encounter);
    } else if (type == MessageType.CARE_COMMUNICATION) {
      Communication communication = new Communication();
      communication.setId("00000000-0000-4000-8000-000000000007");
      communication.addPayload().setContent(new org.hl7.fhir.r4.model.StringType("warm-up"));
      header.addFocus(new Reference("Communication/" + communication.getIdElement().getIdPart()));
      add(bundle, communication);
    } else {
      header
          .getResponse()
          .setIdentifier("00000000-0000-4000-8000-000000000009")
          .setCode(MessageHeader.ResponseType.OK);
    }
    if (type != MessageType.ACKNOWLEDGEMENT) {
      add(bundle, patient);
    }
    Provenance provenance = new Provenance();
    provenance.setId("00000000-0000-4000-8000-000000000008");
    provenance.addTarget(new Reference("MessageHeader/" + header.getIdElement().getIdPart()));
    provenance.setRecorded(new Date());
    provenance
        .getActivity()
        .addCoding(new Coding(MedcomSystems.ACTIVITY_CODES, "new-message", null));
    add(bundle, provenance);
    add(bundle, sender);
    add(bundle, receiver);
    return bundle;
  }

  private static Organization organisation(String id) {
    Organization organization = new Organization();
    organization.setId(id);
    organization.addIdentifier().setSystem(MedcomSystems.SOR).setValue("000000000000000");
    organization.addIdentifier().setSystem(MedcomSystems.GLN).setValue("5790000000000");
    return organization;
  }

  private static void add(Bundle bundle, Resource resource) {
    bundle
        .addEntry()
        .setFullUrl(
            "urn:stafet:warm-up:" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
        .setResource(resource);
  }
}
