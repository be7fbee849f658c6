package dk.stafet.referral.fhir;

import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.service.ReferralService;
import dk.stafet.referral.course.service.UnknownResourceException;
import dk.stafet.referral.inbound.PatientMessages;
import dk.stafet.referral.inbound.ReceivedMessage;
import dk.stafet.service.fhir.FhirReferences;
import dk.stafet.service.fhir.FhirServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
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
  static final String READ_COMMUNICATION = "FHIR_READ_COMMUNICATION";

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
    return searchOfPatient(
        patient,
        selfUrl,
        base,
        patientKey -> referrals.visibleOfPatient(patientKey, callerSor, SEARCH_SERVICE_REQUEST),
        serviceRequests::map);
  }

  /** The MedCom messages received about the patient that the caller may see. */
  public String searchCommunications(
      String patient, String callerSor, String selfUrl, String base) {
    return searchOfPatient(
        patient,
        selfUrl,
        base,
        patientKey -> messages.visibleTo(callerSor, patientKey, SEARCH_COMMUNICATION),
        (m, cpr) -> communications.map(m, cpr, messages.visibleEarlier(callerSor, m)));
  }

  /**
   * One received message as a Communication: the same access rule as the patient's messages.
   *
   * @throws UnknownResourceException if there is none the caller may see
   */
  public String communication(String id, String callerSor) {
    UUID messageId;
    try {
      messageId = UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      throw new UnknownResourceException("Communication");
    }
    ReceivedMessage message = messages.readable(callerSor, messageId, READ_COMMUNICATION);
    return FhirServer.json(
        communications.map(
            message, cprOf(message.patientKey), messages.visibleEarlier(callerSor, message)));
  }

  /**
   * A search by patient: what the caller may see of it, each mapped with the patient's CPR number
   * (looked up once, and only when there is something to show).
   */
  private static <T> String searchOfPatient(
      String patient,
      String selfUrl,
      String base,
      Function<String, List<T>> visibleOf,
      BiFunction<T, String, Resource> asResource) {
    String patientKey = FhirServer.patientKey(patient);
    return searchset(
        selfUrl,
        base,
        () -> {
          List<T> visible = visibleOf.apply(patientKey);
          String cpr = visible.isEmpty() ? null : cprOf(patientKey);
          return visible.stream().map(v -> asResource.apply(v, cpr)).toList();
        });
  }

  /** The matches, or none when the patient is unknown or the caller may see nothing of it. */
  private static String searchset(
      String selfUrl, String base, Supplier<List<? extends Resource>> visible) {
    List<? extends Resource> matches;
    try {
      matches = visible.get();
    } catch (UnknownResourceException hidden) {
      matches = List.of(); // the same empty searchset either way: existence is not revealed
    }
    return FhirServer.searchset(selfUrl, base, matches);
  }

  private static String cprOf(String patientKey) {
    return Patient.byKey(patientKey).cpr;
  }
}
