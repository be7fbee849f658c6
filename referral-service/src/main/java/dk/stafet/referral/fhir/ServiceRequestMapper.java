package dk.stafet.referral.fhir;

import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.lifecycle.ReferralState;
import dk.stafet.service.fhir.FhirReferences;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;

/**
 * A referral as a FHIR R4 ServiceRequest (docs/fhir-api.md, "ServiceRequest"): only what
 * referral-service records, nothing inferred beyond the mapping written down there.
 */
final class ServiceRequestMapper {

  /** SNOMED CT "Patient referral", from the example category value set of ServiceRequest. */
  static final Coding PATIENT_REFERRAL =
      new Coding("http://snomed.info/sct", "3457005", "Patient referral");

  private final FhirReferences references;

  ServiceRequestMapper(FhirReferences references) {
    this.references = references;
  }

  ServiceRequest map(Referral referral, String cpr) {
    ServiceRequest request = new ServiceRequest();
    request.setId(referral.id.toString());
    request
        .addIdentifier()
        .setSystem(FhirReferences.REFERRAL_ID_SYSTEM)
        .setValue(referral.id.toString());
    request.setStatus(status(referral));
    request.setIntent(ServiceRequestIntent.ORDER);
    request.addCategory(new CodeableConcept(PATIENT_REFERRAL.copy()));
    if (referral.cancer) {
      // A cancer pathway [kræftpakke]: maximum waiting times apply (brief W1–W5).
      request.setPriority(ServiceRequestPriority.URGENT);
    }
    request.setSubject(FhirReferences.patient(cpr));
    request.setAuthoredOnElement(FhirReferences.instant(referral.receivedAt));
    request.setRequester(references.organisation(referral.referrerSor));
    request.addPerformer(references.organisation(referral.currentReceiverSor()));
    if (referral.conditionCode != null) {
      request.addReasonCode().setText(referral.conditionCode);
    }
    boolean rejected = referral.state == ReferralState.REJECTED;
    if (referral.forwardedToSor != null) {
      // The forwarding reason, unless the new receiver's rejection reason has replaced it.
      request
          .addNote()
          .setText(
              "Forwarded by "
                  + referral.receiverSor
                  + " to "
                  + referral.forwardedToSor
                  + (!rejected && referral.reason != null ? ": " + referral.reason : ""));
    }
    if (rejected && referral.reason != null) {
      request.addNote().setText("Rejected: " + referral.reason);
    }
    return request;
  }

  /**
   * Received, accepted, forwarded (its new receiver visits it) and started referrals are active; a
   * rejected one is revoked (ended before any of it was done); an ended one is completed.
   */
  static ServiceRequestStatus status(Referral referral) {
    return switch (referral.state) {
      case RECEIVED, ACCEPTED, FORWARDED, STARTED -> ServiceRequestStatus.ACTIVE;
      case REJECTED -> ServiceRequestStatus.REVOKED;
      case ENDED -> ServiceRequestStatus.COMPLETED;
    };
  }
}
