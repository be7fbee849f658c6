package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.medcom.MedcomViews.ThreadView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.Test;

/**
 * CareCommunication threads (medcom-spec.md §3): the thread read from MedCom's own reply and
 * forward examples, and replies and forwards built by {@link CareCommunicationBuilder} that keep
 * the thread as MedCom defines it and pass MedCom's profiles.
 */
class CareCommunicationThreadTest {

  static final OrganisationView MUNICIPALITY =
      new OrganisationView(null, "1234561000016003", "5790000123452", "Hjemmeplejen");

  private final MedcomCodec codec = new MedcomCodec();
  private final CareCommunicationBuilder builder =
      new CareCommunicationBuilder(
          "https://stafet.dk/fhir/",
          Clock.fixed(Instant.parse("2026-03-05T14:30:02Z"), ZoneOffset.UTC));

  private MedcomMessage example(String id) {
    return new MedcomMessage(
        codec.parse(MedcomExamples.read("Bundle-" + id + ".json"), MedcomFormat.JSON));
  }

  @Test
  void aNewMessageOpensItsThread() {
    ThreadView thread =
        example("add5e7e2-0c0f-4a4a-bfff-f6f984fa7e3c").careCommunicationThread().orElseThrow();

    assertThat(thread.threadId()).isEqualTo("urn:uuid:b2eb3d0e-5de5-4de9-b2a3-0ff321ad1c3a");
    assertThat(thread.activity()).isEqualTo(ThreadView.NEW);
    assertThat(thread.continuesEarlierMessage()).isFalse();
    assertThat(thread.precedingMessageHeaderId()).isNull();
  }

  @Test
  void medcomsRepliesKeepTheThreadAndNameTheMessageTheyAnswer() {
    ThreadView first =
        example("b56549f7-ed10-422d-8088-f7222b686e46").careCommunicationThread().orElseThrow();
    ThreadView second =
        example("3dcb5618-3055-406a-9034-1b8fc8de0fea").careCommunicationThread().orElseThrow();

    assertThat(first.isReply()).isTrue();
    assertThat(first.threadId()).isEqualTo("urn:uuid:b2eb3d0e-5de5-4de9-b2a3-0ff321ad1c3a");
    assertThat(first.precedingMessageHeaderId()).isEqualTo("42cb9200-f421-4d08-8391-7d51a2503cb4");
    assertThat(second.isReply()).isTrue();
    assertThat(second.threadId()).isEqualTo(first.threadId());
    assertThat(second.precedingMessageHeaderId()).isEqualTo("d5bd2111-2576-48d3-84d4-8be0297a038d");
  }

  @Test
  void medcomsForwardsOpenANewThreadAndNameTheMessageForwarded() {
    ThreadView forward =
        example("c0426e3e-978f-46e8-a366-a30f27854b0a").careCommunicationThread().orElseThrow();
    ThreadView forwardedAgain =
        example("d11968f5-4bdf-4b50-b146-a8e1cc890fc3").careCommunicationThread().orElseThrow();

    assertThat(forward.isForward()).isTrue();
    assertThat(forward.threadId()).isEqualTo("urn:uuid:546b19ba-3e50-4da8-b9ec-7caeefad6928");
    assertThat(forward.precedingMessageHeaderId())
        .isEqualTo("4dff3695-218d-4878-838a-5f23cbba6f82");
    assertThat(forwardedAgain.isForward()).isTrue();
    assertThat(forwardedAgain.precedingMessageHeaderId())
        .isEqualTo("4dff3695-218d-4878-838a-5f23cbba6f82");
  }

  @Test
  void aReplyToAnEdifactLetterNamesItByItsLetterIdentifier() {
    ThreadView thread =
        example("k7bfbc0c-553d-11ed-bdc3-0242ac120002").careCommunicationThread().orElseThrow();

    assertThat(thread.isReply()).isTrue();
    assertThat(thread.precedingMessageHeaderId()).isNull();
    assertThat(thread.precedingLetterIdentifier()).isEqualTo("B300720181623#5790000121526");
  }

  @Test
  void otherMessagesHaveNoThread() {
    java.nio.file.Path notification =
        MedcomExamples.allExampleFiles().stream()
            .filter(f -> f.toString().contains("hospitalnotification"))
            .filter(f -> f.toString().endsWith(".json"))
            .findFirst()
            .orElseThrow();
    MedcomMessage message =
        new MedcomMessage(codec.parse(MedcomExamples.read(notification), MedcomFormat.JSON));

    assertThat(message.messageType()).isEqualTo(MessageType.HOSPITAL_NOTIFICATION);
    assertThat(message.careCommunicationThread()).isEmpty();
  }

  @Test
  void aBuiltReplyAndForwardKeepTheThreadAndPassMedcomsProfiles() {
    MedcomMessage first =
        new MedcomMessage(
            builder.build(
                message(
                    CareCommunicationBuilderTest.ACUTE_FUNCTION,
                    CareCommunicationBuilderTest.GP,
                    "Første besked")));
    MedcomMessage reply =
        new MedcomMessage(
            builder.reply(
                message(
                    CareCommunicationBuilderTest.GP,
                    CareCommunicationBuilderTest.ACUTE_FUNCTION,
                    "Svar"),
                first));
    MedcomMessage forward =
        new MedcomMessage(
            builder.forward(
                message(CareCommunicationBuilderTest.ACUTE_FUNCTION, MUNICIPALITY, "Videresendt"),
                reply));

    for (MedcomMessage built : List.of(reply, forward)) {
      assertThat(validator().validate(built.bundle())).filteredOn(MedcomIssue::isError).isEmpty();
    }
    String threadId = first.careCommunicationThread().orElseThrow().threadId();
    ThreadView replied = reply.careCommunicationThread().orElseThrow();
    assertThat(replied.isReply()).isTrue();
    assertThat(replied.threadId()).isEqualTo(threadId);
    assertThat(replied.precedingMessageHeaderId()).isEqualTo(first.messageHeaderId());
    assertThat(reply.communication().orElseThrow().payloadTexts())
        .containsExactly("Første besked", "Svar");
    assertThat(reply.provenances()).hasSize(2);
    assertThat(reply.primaryReceiver().orElseThrow().receiver().sor())
        .isEqualTo(CareCommunicationBuilderTest.ACUTE_FUNCTION.sor());

    ThreadView forwarded = forward.careCommunicationThread().orElseThrow();
    assertThat(forwarded.isForward()).isTrue();
    assertThat(forwarded.threadId()).startsWith("urn:uuid:").isNotEqualTo(threadId);
    assertThat(forwarded.precedingMessageHeaderId()).isEqualTo(reply.messageHeaderId());
    assertThat(forward.communication().orElseThrow().payloadTexts())
        .containsExactly("Første besked", "Svar", "Videresendt");
    assertThat(forward.provenances()).hasSize(3);
  }

  @Test
  void aReplyToMedcomsExampleRepeatsItsSegmentsWithAttachmentsAsMetadataOnly() {
    MedcomMessage earlier = example("b56549f7-ed10-422d-8088-f7222b686e46");
    OrganisationView theirSender = earlier.sender().orElseThrow();
    OrganisationView us = earlier.primaryReceiver().orElseThrow().receiver();
    String cpr = earlier.patient().orElseThrow().cprValue().orElseThrow();

    Bundle reply =
        builder.reply(
            new CareCommunicationBuilder.CareCommunication(
                null,
                null,
                us,
                theirSender,
                cpr,
                "Berggren",
                List.of(),
                "carecoordination",
                null,
                "Tak, modtaget.",
                null,
                CareCommunicationBuilderTest.AUTHOR),
            earlier);

    assertThat(validator().validate(reply)).filteredOn(MedcomIssue::isError).isEmpty();
    Communication communication = (Communication) new MedcomMessage(reply).focus().orElseThrow();
    assertThat(communication.getPayload())
        .filteredOn(p -> p.hasContentAttachment())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.getContentAttachment().hasData()).isFalse();
              assertThat(p.getContentAttachment().hasUrl()).isFalse();
            });
    assertThat(new MedcomMessage(reply).careCommunicationThread().orElseThrow().threadId())
        .isEqualTo(earlier.careCommunicationThread().orElseThrow().threadId());
  }

  @Test
  void aReplyMustBeAboutTheSamePatient() {
    MedcomMessage first =
        new MedcomMessage(
            builder.build(
                message(
                    CareCommunicationBuilderTest.ACUTE_FUNCTION,
                    CareCommunicationBuilderTest.GP,
                    "Første")));
    CareCommunicationBuilder.CareCommunication other =
        new CareCommunicationBuilder.CareCommunication(
            null,
            null,
            CareCommunicationBuilderTest.GP,
            CareCommunicationBuilderTest.ACUTE_FUNCTION,
            "0101010101",
            "Anden",
            List.of(),
            "carecoordination",
            null,
            "Svar",
            null,
            CareCommunicationBuilderTest.AUTHOR);

    assertThatThrownBy(() -> builder.reply(other, first))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another patient");
  }

  private static CareCommunicationBuilder.CareCommunication message(
      OrganisationView from, OrganisationView to, String text) {
    return new CareCommunicationBuilder.CareCommunication(
        null,
        null,
        from,
        to,
        "2509479989",
        "Elmer",
        List.of(),
        "carecoordination",
        null,
        text,
        null,
        CareCommunicationBuilderTest.AUTHOR);
  }

  private static MedcomValidator validator() {
    return HospitalNotificationBuilderTest.BuiltMessageValidation.validator();
  }
}
