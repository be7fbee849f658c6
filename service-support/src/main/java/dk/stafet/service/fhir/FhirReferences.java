package dk.stafet.service.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dk.stafet.contracts.medcom.MedcomSystems;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * References by identifier, as the services' FHIR reads write them (docs/fhir-api.md): Stafet
 * serves no Patient or Organization resources, so a literal reference would lead nowhere; the CPR
 * number and the SOR code are what the caller's own systems know the patient and the organisation
 * by.
 */
public final class FhirReferences {

  /** Stafet's own identifiers (no official system exists for them). */
  public static final String REFERRAL_ID_SYSTEM = "https://stafet.dk/fhir/NamingSystem/referral-id";

  public static final String MESSAGE_HEADER_ID_SYSTEM =
      "https://stafet.dk/fhir/NamingSystem/medcom-message-header-id";

  public static final String BUNDLE_ID_SYSTEM =
      "https://stafet.dk/fhir/NamingSystem/medcom-bundle-id";

  /** Stafet's patient pseudonym. */
  public static final String PATIENT_KEY_SYSTEM = "https://stafet.dk/fhir/NamingSystem/patient-key";

  private final OrganisationRegistry registry;

  public FhirReferences(OrganisationRegistry registry) {
    this.registry = registry;
  }

  /** An instant to the millisecond (HAPI's default for a Date is the second). */
  public static DateTimeType instant(Instant instant) {
    return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.MILLI);
  }

  /**
   * The patient by CPR number: only ever written into an answer to a caller that passed the access
   * check, never into a URL.
   */
  public static Reference patient(String cpr) {
    return new Reference()
        .setType("Patient")
        .setIdentifier(new Identifier().setSystem(MedcomSystems.CPR).setValue(cpr));
  }

  /**
   * A MedCom message type as Stafet stores it ({@link MessageType} name) as a concept: the MedCom
   * event code (MessageHeader.eventCoding) when the type is one Stafet knows, the stored name as
   * text.
   */
  public static CodeableConcept messageType(String storedType) {
    CodeableConcept concept = new CodeableConcept().setText(storedType);
    Arrays.stream(MessageType.values())
        .filter(type -> type.name().equals(storedType) && type.eventCode() != null)
        .findFirst()
        .ifPresent(
            type ->
                concept.addCoding().setSystem(MedcomSystems.EVENT_CODES).setCode(type.eventCode()));
    return concept;
  }

  /**
   * A MedCom message Bundle by its Bundle.id, the id the sender's and the receiver's systems know
   * it by: the payload of a Communication, whose content Stafet's reads never serve.
   */
  public static Reference medcomBundle(String bundleId, String display) {
    return new Reference()
        .setType("Bundle")
        .setIdentifier(new Identifier().setSystem(BUNDLE_ID_SYSTEM).setValue(bundleId))
        .setDisplay(display);
  }

  /**
   * The patient by pseudonym, where the service knows no CPR number (notification-service keeps
   * none).
   */
  public static Reference patientByKey(String patientKey) {
    return new Reference()
        .setType("Patient")
        .setIdentifier(new Identifier().setSystem(PATIENT_KEY_SYSTEM).setValue(patientKey));
  }

  /** An organisation by SOR code, named as the register names it (no name if it does not). */
  public Reference organisation(String sor) {
    Reference reference =
        new Reference()
            .setType("Organization")
            .setIdentifier(new Identifier().setSystem(MedcomSystems.SOR).setValue(sor));
    registry.bySor(sor).map(Organisation::name).ifPresent(reference::setDisplay);
    return reference;
  }

  /** An organisation by SOR code, or by GLN when the message named no SOR code; null if neither. */
  public Reference organisation(String sor, String gln) {
    if (sor != null) {
      return organisation(sor);
    }
    if (gln == null) {
      return null;
    }
    Reference reference =
        new Reference()
            .setType("Organization")
            .setIdentifier(new Identifier().setSystem(MedcomSystems.GLN).setValue(gln));
    registry.byGln(gln).map(Organisation::name).ifPresent(reference::setDisplay);
    return reference;
  }
}
