package dk.stafet.referral.fhir;

import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.service.ReferralService;
import dk.stafet.referral.course.service.UnknownResourceException;
import dk.stafet.referral.inbound.PatientMessages;
import dk.stafet.service.fhir.FhirReferences;
import dk.stafet.service.fhir.FhirServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR reads of referral-service: its referrals as ServiceRequests and the MedCom messages it
 * received as Communications. Who may see what, and the audit row of each read, are the JSON API's
 * ({@link ReferralService}, {@link PatientMessages}); a search that finds nothing the caller may
 * see is an empty searchset, whether the patient exists or not.
 */
@ApplicationScoped
public class FhirReads {

  /** The audited actions (prefixed when the read rests on a role, as in the JSON API). */
  static final String READ_SERVICE_REQUEST = "FHIR_READ_SERVICE_REQUEST";

  static final String SEARCH_SERVICE_REQUEST = "FHIR_SEARCH_SERVICE_REQUEST";
  static final String SEARCH_COMMUNICATION = "FHIR_SEARCH_COMMUNICATION";

  private final ReferralService referrals;
  private final PatientMessages messages;
  private final ServiceRequestMapper serviceRequests;
  private final CommunicationMapper communications;

  public FhirReads(
      ReferralService referrals, PatientMessages messages, OrganisationRegistry registry) {
    this.referrals = referrals;
    this.messages = messages;
    FhirReferences references = new FhirReferences(registry);
    this.serviceRequests = new ServiceRequestMapper(references);
    this.communications = new CommunicationMapper(references);
  }

  /**
   * One referral as a ServiceRequest: the same access rule as {@code GET /api/referrals/{id}}.
   *
   * @throws UnknownResourceException if there is none the caller may see (an id that is not a UUID
   *     names none)
   */
  public String serviceRequest(String id, String callerSor) {
    UUID referralId;
    try {
      referralId = UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      throw new UnknownResourceException("ServiceRequest");
    }
    Referral referral = referrals.readable(referralId, callerSor, READ_SERVICE_REQUEST);
    return FhirServer.json(serviceRequests.map(referral, Patient.byKey(referral.patientKey).cpr));
  }

  /** The patient's referrals the caller may see, as the patient lookup shows them. */
  public String searchServiceRequests(
      String patient, String callerSor, String selfUrl, String base) {
    String patientKey = patientKey(patient);
    return searchset(
        selfUrl,
        base + "/ServiceRequest/",
        () -> referrals.visibleOfPatient(patientKey, callerSor, SEARCH_SERVICE_REQUEST),
        r -> serviceRequests.map(r, cprOf(patientKey)),
        r -> r.id.toString());
  }

  /** The MedCom messages received about the patient that the caller may see. */
  public String searchCommunications(
      String patient, String callerSor, String selfUrl, String base) {
    String patientKey = patientKey(patient);
    return searchset(
        selfUrl,
        base + "/Communication/",
        () -> messages.visibleTo(callerSor, patientKey, SEARCH_COMMUNICATION),
        m -> communications.map(m, cprOf(patientKey)),
        m -> m.id.toString());
  }

  private static <T> String searchset(
      String selfUrl,
      String entryBase,
      java.util.function.Supplier<List<T>> visible,
      Function<T, Resource> map,
      Function<T, String> id) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    bundle.addLink().setRelation("self").setUrl(selfUrl);
    List<T> found;
    try {
      found = visible.get();
    } catch (UnknownResourceException hidden) {
      found = List.of(); // unknown, or not visible: an empty result says nothing about existence
    }
    for (T item : found) {
      bundle
          .addEntry()
          .setFullUrl(entryBase + id.apply(item))
          .setResource(map.apply(item))
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    bundle.setTotal(bundle.getEntry().size());
    return FhirServer.json(bundle);
  }

  /**
   * The search parameter {@code patient}: the patient's pseudonym (patient key), as an id or as a
   * reference {@code Patient/<key>}; never a CPR number, which must not appear in a URL.
   */
  static String patientKey(String patient) {
    if (patient == null || patient.isBlank()) {
      throw new WebApplicationException(
          FhirServer.error(
              400,
              OperationOutcome.IssueType.REQUIRED,
              "the search parameter patient (the patient's pseudonym, patient key) is required"));
    }
    return patient.startsWith("Patient/") ? patient.substring("Patient/".length()) : patient;
  }

  private static String cprOf(String patientKey) {
    return Patient.byKey(patientKey).cpr;
  }
}
