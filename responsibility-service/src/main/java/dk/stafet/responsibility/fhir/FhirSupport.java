package dk.stafet.responsibility.fhir;

import dk.stafet.responsibility.organisation.OrganisationInfo;
import dk.stafet.service.fhir.FhirReferences;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/** System URIs and datatype helpers shared by the FHIR mappers. */
final class FhirSupport {

  /** CPR number (brief §1). */
  static final String CPR_SYSTEM = "urn:oid:1.2.208.176.1.2";

  /** SOR code (brief §1). */
  static final String SOR_SYSTEM = "urn:oid:1.2.208.176.1.1";

  /**
   * Doctor authorisation ID (Danish Patient Safety Authority); no official FHIR system known to us,
   * so our own.
   */
  static final String AUTHORISATION_ID_SYSTEM =
      "https://stafet.dk/fhir/NamingSystem/authorisation-id";

  /** Stafet's patient pseudonym. */
  static final String PATIENT_KEY_SYSTEM = FhirReferences.PATIENT_KEY_SYSTEM;

  private FhirSupport() {}

  static Reference patient(ResponsibilitySnapshot s) {
    Reference patient = new Reference();
    patient.setIdentifier(
        s.cpr() != null
            ? new Identifier().setSystem(CPR_SYSTEM).setValue(s.cpr())
            : new Identifier().setSystem(PATIENT_KEY_SYSTEM).setValue(s.patientKey()));
    return patient;
  }

  static Organization organization(String id, OrganisationInfo info) {
    Organization org = new Organization();
    org.setId(id);
    org.addIdentifier().setSystem(SOR_SYSTEM).setValue(info.sor());
    org.setName(info.name());
    if (info.phone() != null) {
      org.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(info.phone());
    }
    return org;
  }

  /** The PRD as a PractitionerRole in its organisation, with the named doctor (R27) when known. */
  static PractitionerRole prdRole(ResponsibilitySnapshot s, String orgRef, Practitioner doctor) {
    PractitionerRole role = new PractitionerRole();
    role.setId("prd");
    role.addCode().setText("patient-responsible doctor (" + s.rule() + ")");
    role.setOrganization(new Reference("#" + orgRef));
    if (doctor != null) {
      role.setPractitioner(new Reference("#" + doctor.getIdElement().getIdPart()));
    }
    return role;
  }

  static Practitioner doctor(ResponsibilitySnapshot s) {
    if (s.doctorId().isEmpty()) {
      return null;
    }
    Practitioner p = new Practitioner();
    p.setId("prd-doctor");
    p.addIdentifier().setSystem(AUTHORISATION_ID_SYSTEM).setValue(s.doctorId().get());
    s.doctorName().ifPresent(n -> p.addName(new HumanName().setText(n)));
    return p;
  }
}
