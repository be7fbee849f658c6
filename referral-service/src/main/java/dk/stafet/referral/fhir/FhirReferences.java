package dk.stafet.referral.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dk.stafet.contracts.medcom.MedcomSystems;
import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationRegistry;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * References by identifier, as the FHIR reads of referral-service write them: Stafet serves no
 * Patient or Organization resources, so a literal reference would lead nowhere; the CPR number and
 * the SOR code are what the caller's own systems know the patient and the organisation by.
 */
final class FhirReferences {

  /** Stafet's own identifiers (no official system exists for them). */
  static final String REFERRAL_ID_SYSTEM = "https://stafet.dk/fhir/NamingSystem/referral-id";

  static final String MESSAGE_HEADER_ID_SYSTEM =
      "https://stafet.dk/fhir/NamingSystem/medcom-message-header-id";

  static final String BUNDLE_ID_SYSTEM = "https://stafet.dk/fhir/NamingSystem/medcom-bundle-id";

  private final OrganisationRegistry registry;

  FhirReferences(OrganisationRegistry registry) {
    this.registry = registry;
  }

  /** An instant to the millisecond (HAPI's default for a Date is the second). */
  static DateTimeType instant(Instant instant) {
    return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.MILLI);
  }

  /**
   * The patient by CPR number: only ever written into an answer to a caller that passed the access
   * check, never into a URL.
   */
  static Reference patient(String cpr) {
    return new Reference()
        .setType("Patient")
        .setIdentifier(new Identifier().setSystem(MedcomSystems.CPR).setValue(cpr));
  }

  /** An organisation by SOR code, named as the register names it (no name if it does not). */
  Reference organisation(String sor) {
    Reference reference =
        new Reference()
            .setType("Organization")
            .setIdentifier(new Identifier().setSystem(MedcomSystems.SOR).setValue(sor));
    registry.bySor(sor).map(Organisation::name).ifPresent(reference::setDisplay);
    return reference;
  }

  /** An organisation by SOR code, or by GLN when the message named no SOR code; null if neither. */
  Reference organisation(String sor, String gln) {
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
