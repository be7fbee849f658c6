package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.Test;

class CareCommunicationBuilderTest {

  static final OrganisationView ACUTE_FUNCTION =
      new OrganisationView(null, "953741000016009", "5790001348120", "Akutfunktion Herlev");
  static final OrganisationView GP =
      new OrganisationView(null, "485731000016002", "5790000121526", "Lægerne i Byen");
  static final CareCommunicationBuilder.Author AUTHOR =
      new CareCommunicationBuilder.Author(
          null, "Stafet automatisk besked", "laegesekretaer", "70000000");

  private final Clock clock = Clock.fixed(Instant.parse("2026-03-05T14:30:02Z"), ZoneOffset.UTC);
  private final CareCommunicationBuilder builder =
      new CareCommunicationBuilder("https://stafet.dk/fhir/", clock);

  @Test
  void newMessageIsValidAgainstMedcomProfiles() {
    Bundle bundle = builder.build(communication("carecoordination", null));

    List<MedcomIssue> issues =
        HospitalNotificationBuilderTest.BuiltMessageValidation.validator().validate(bundle);

    assertThat(issues).filteredOn(MedcomIssue::isError).isEmpty();
    MedcomMessage message = new MedcomMessage(bundle);
    assertThat(message.messageType()).isEqualTo(MessageType.CARE_COMMUNICATION);
    MessageHeader header = message.messageHeader().orElseThrow();
    assertThat(header.getDefinition()).isEqualTo(CareCommunicationBuilder.MESSAGE_DEFINITION);
    assertThat(message.communication().orElseThrow().identifier()).startsWith("urn:uuid:");
    assertThat(message.communication().orElseThrow().category()).isEqualTo("carecoordination");
    assertThat(message.communication().orElseThrow().payloadTexts())
        .containsExactly("Behandlingsansvaret er overgået.");
    assertThat(message.currentProvenance().orElseThrow().activityCode()).isEqualTo("new-message");
  }

  @Test
  void textSegmentCarriesTheFourCoreExtensionsAndIsNamedByTheProvenance() {
    Bundle bundle = builder.build(communication("regarding-referral", null));
    Communication communication = (Communication) new MedcomMessage(bundle).focus().orElseThrow();
    Communication.CommunicationPayloadComponent payload = communication.getPayloadFirstRep();

    assertThat(payload.getExtension())
        .extracting(e -> e.getUrl())
        .containsExactly(
            CareCommunicationBuilder.DATETIME_EXTENSION,
                CareCommunicationBuilder.IDENTIFIER_EXTENSION,
            CareCommunicationBuilder.PRACTITIONER_EXTENSION,
                CareCommunicationBuilder.CONTACT_EXTENSION);
    String segment =
        ((org.hl7.fhir.r4.model.Identifier)
                payload.getExtensionByUrl(CareCommunicationBuilder.IDENTIFIER_EXTENSION).getValue())
            .getValue();
    assertThat(new MedcomMessage(bundle).currentProvenance().orElseThrow().entities())
        .singleElement()
        .satisfies(
            entity -> {
              assertThat(entity.role()).isEqualTo("source");
              assertThat(entity.identifier()).isEqualTo(segment);
            });
  }

  @Test
  void otherNeedsATopicAndCategoriesAreChecked() {
    assertThatThrownBy(() -> communication("other", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> communication("no-such-category", null))
        .isInstanceOf(IllegalArgumentException.class);
    Bundle withTopic = builder.build(communication("other", "Ansvar"));
    assertThat(new MedcomMessage(withTopic).communication().orElseThrow().topicText())
        .isEqualTo("Ansvar");
  }

  static CareCommunicationBuilder.CareCommunication communication(String category, String topic) {
    return new CareCommunicationBuilder.CareCommunication(
        null,
        null,
        ACUTE_FUNCTION,
        GP,
        "2509479989",
        "Elmer",
        List.of(),
        category,
        topic,
        "Behandlingsansvaret er overgået.",
        null,
        AUTHOR);
  }
}
