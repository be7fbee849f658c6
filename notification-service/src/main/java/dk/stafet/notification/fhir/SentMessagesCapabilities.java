package dk.stafet.notification.fhir;

import dk.stafet.service.fhir.FhirCapabilities;
import dk.stafet.service.fhir.FhirServer;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;

/**
 * The CapabilityStatement of notification-service's FHIR base: exactly the search {@link
 * SentMessagesResource} serves (served at GET /fhir/metadata by service-support's
 * FhirMetadataResource).
 */
@ApplicationScoped
public class SentMessagesCapabilities implements FhirCapabilities {

  @Override
  public CapabilityStatement capabilities(String baseUrl) {
    CapabilityStatement statement =
        FhirServer.capabilityStatement(
            "notification-service",
            "The MedCom messages Stafet sends (its own notifications and the messages it delivers"
                + " as a hub) as Communications, with where each delivery stands. The messages"
                + " Stafet receives are at referral-service's base.",
            baseUrl);
    FhirServer.resource(
            statement,
            "Communication",
            "A MedCom message sent about the patient: recipient, sender, when last transmitted,"
                + " MedCom type and event, delivery state; never the content. id ="
                + " MessageHeader.id.",
            TypeRestfulInteraction.SEARCHTYPE)
        .addSearchParam(FhirServer.patientSearchParameter());
    return statement;
  }
}
