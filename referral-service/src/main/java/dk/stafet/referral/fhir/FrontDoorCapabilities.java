package dk.stafet.referral.fhir;

import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.service.fhir.FhirCapabilities;
import dk.stafet.service.fhir.FhirServer;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementMessagingComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Coding;

/**
 * The CapabilityStatement of referral-service's FHIR base (the front door): the MedCom messages
 * {@code $process-message} receives and exactly the reads {@link ServiceRequestResource} and {@link
 * CommunicationResource} serve (served at GET /fhir/metadata by service-support's
 * FhirMetadataResource).
 */
@ApplicationScoped
public class FrontDoorCapabilities implements FhirCapabilities {

  /** MedCom's MessageDefinitions (package medcom.fhir.dk.messagedefinitions 1.0.0). */
  static final String CARE_COMMUNICATION_DEFINITION =
      "http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition";

  static final String ACKNOWLEDGEMENT_DEFINITION =
      "http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComAcknowledgementMessageDefinition";

  static final String PROCESS_MESSAGE =
      "http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message";

  @Override
  public CapabilityStatement capabilities(String baseUrl) {
    CapabilityStatement statement =
        FhirServer.capabilityStatement(
            "referral-service",
            "Stafet's front door: receives MedCom messages ($process-message over HTTP, or the"
                + " sender's own Kafka topic) and serves the referrals it records as"
                + " ServiceRequests and the messages it received as Communications.",
            baseUrl);
    // $process-message reads and answers XML too; the reads answer JSON only.
    statement.addFormat(FhirServer.FHIR_XML);
    statement
        .getRestFirstRep()
        .setDocumentation(
            "Reads answer application/fhir+json only; $process-message takes and answers JSON or"
                + " XML. Errors are OperationOutcomes (a MedCom Acknowledgement for a message).");
    FhirServer.resource(
            statement,
            "ServiceRequest",
            "A referral [henvisning] received by a hospital department or practising specialist;"
                + " id = the referral's id. Read: the patient's listed GP and municipality and the"
                + " referral's parties (referrer, receiver, forwarded-to).",
            TypeRestfulInteraction.READ,
            TypeRestfulInteraction.SEARCHTYPE)
        .addSearchParam(FhirServer.patientSearchParameter());
    FhirServer.resource(
            statement,
            "Communication",
            "A MedCom message the front door received about the patient: sender, recipient, when"
                + " received, MedCom type, Stafet's acknowledgement, a CareCommunication's thread"
                + " id (identifier, system urn:ietf:rfc:3986) and the message it answers"
                + " (inResponseTo); never the content.",
            TypeRestfulInteraction.READ,
            TypeRestfulInteraction.SEARCHTYPE)
        .addSearchParam(FhirServer.patientSearchParameter());
    statement
        .getRestFirstRep()
        .addOperation()
        .setName("process-message")
        .setDefinition(PROCESS_MESSAGE)
        .setDocumentation(
            "POST [base]/$process-message with a MedCom message Bundle; the answer is a MedCom"
                + " Acknowledgement (ok 200, fatal-error 422, transient-error 503) or an"
                + " OperationOutcome for input that cannot be identified.");
    CapabilityStatementMessagingComponent messaging = statement.addMessaging();
    messaging
        .addEndpoint()
        .setProtocol(
            new Coding("http://terminology.hl7.org/CodeSystem/message-transport", "http", "HTTP"))
        .setAddress(baseUrl + "/$process-message");
    messaging.setDocumentation(
        "Receives HospitalNotification (MedCom hospitalnotification 3.0.2, Bundle profile "
            + MessageType.HOSPITAL_NOTIFICATION.messageProfile().orElseThrow()
            + "; MedCom publishes no MessageDefinition for it), CareCommunication (5.0.2) and"
            + " Acknowledgement (2.0.3). A retransmission (same MessageHeader.id) gets the first"
            + " answer again (received messages are kept, not pruned). The same messages may come over Kafka, on the"
            + " sender's own topic medcom.inbound.<GLN>.");
    messaging
        .addSupportedMessage()
        .setMode(CapabilityStatement.EventCapabilityMode.RECEIVER)
        .setDefinition(CARE_COMMUNICATION_DEFINITION);
    messaging
        .addSupportedMessage()
        .setMode(CapabilityStatement.EventCapabilityMode.RECEIVER)
        .setDefinition(ACKNOWLEDGEMENT_DEFINITION);
    return statement;
  }
}
