package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.MedcomViews.ProvenanceView;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MedcomMessageTest {

  private static final String CPR = "2509479989";
  private final MedcomCodec codec = new MedcomCodec();

  private MedcomMessage message(String file) {
    return codec.parseMessage(MedcomExamples.read(file), null);
  }

  @Test
  void readsAnAdmissionNotification() {
    MedcomMessage stin = message("HospitalNotification_Ex_STIN_A.json");

    assertThat(stin.messageType()).isEqualTo(MessageType.HOSPITAL_NOTIFICATION);
    assertThat(stin.bundleId()).isEqualTo("a5e5b880-c087-4055-b9ec-99108695f81d");
    assertThat(stin.messageHeaderId()).isEqualTo("b9b4818e-02de-4cc4-b418-d20cbc7b5404");
    assertThat(stin.bundleTimestamp()).isNotNull();
    assertThat(stin.sender())
        .hasValueSatisfying(
            sender -> {
              assertThat(sender.sor()).isEqualTo("265161000016000");
              assertThat(sender.gln()).isEqualTo("5790000209354");
              assertThat(sender.name()).startsWith("Hjerteafdelingen");
            });
    assertThat(stin.primaryReceiver())
        .hasValueSatisfying(
            receiver -> {
              assertThat(receiver.endpoint())
                  .isEqualTo("https://sor2.sum.dsdn.dk/#id=953741000016009");
              assertThat(receiver.receiver().sor()).isEqualTo("953741000016009");
            });
    assertThat(stin.ccReceivers()).isEmpty();
    assertThat(stin.sourceEndpoint()).isEqualTo("https://sor2.sum.dsdn.dk/#id=265161000016000");
    assertThat(stin.focus())
        .hasValueSatisfying(focus -> assertThat(focus.fhirType()).isEqualTo("Encounter"));
    assertThat(stin.patient())
        .hasValueSatisfying(
            patient -> {
              assertThat(patient.cpr()).isEqualTo(CPR);
              assertThat(patient.toString())
                  .doesNotContain(CPR)
                  .doesNotContain(patient.familyName());
            });
    assertThat(stin.encounter())
        .hasValueSatisfying(
            encounter -> {
              assertThat(encounter.status()).isEqualTo("in-progress");
              assertThat(encounter.classCode()).isEqualTo("IMP");
              assertThat(encounter.periodStart()).isEqualTo(Instant.parse("2023-03-01T11:00:00Z"));
              assertThat(encounter.periodEnd()).isNull();
              assertThat(encounter.episodeOfCareIdentifiers())
                  .singleElement()
                  .satisfies(
                      id ->
                          assertThat(id.value()).isEqualTo("82873e50-325e-4016-8a68-2934bdb2f66d"));
              assertThat(encounter.serviceProvider()).isNotNull();
            });
    assertThat(stin.provenances())
        .singleElement()
        .satisfies(p -> assertThat(p.activityCode()).isEqualTo("admit-inpatient"));
    assertThat(stin.hospitalNotificationEvent()).hasValue(HospitalNotificationEvent.STIN);
    assertThat(stin.toString()).doesNotContain(CPR);
  }

  @Test
  void ordersTheProvenanceChainOfAnEndOfLeaveNotification() {
    MedcomMessage slor = message("HospitalNotification_Ex_SLOR_G.json");

    assertThat(slor.provenances())
        .extracting(ProvenanceView::activityCode)
        .containsExactly("admit-inpatient", "start-leave-inpatient", "end-leave-inpatient");
    ProvenanceView current = slor.currentProvenance().orElseThrow();
    assertThat(current.targetMessageHeaderId()).isEqualTo(slor.messageHeaderId());
    assertThat(current.entities())
        .singleElement()
        .satisfies(
            entity -> {
              assertThat(entity.role()).isEqualTo("revision");
              assertThat(entity.reference()).startsWith("MessageHeader/");
            });
    assertThat(slor.encounter().orElseThrow().hasLeavePeriod()).isTrue();
    assertThat(slor.hospitalNotificationEvent()).hasValue(HospitalNotificationEvent.SLOR);
  }

  @ParameterizedTest
  @CsvSource({
    "HospitalNotification_Ex_STAA_D.json, STAA",
    "HospitalNotification_Ex_STOR_F.json, STOR",
    "HospitalNotification_Ex_SLHJ_H.json, SLHJ",
    "HospitalNotification_Ex_MORS_J.json, MORS",
    "HospitalNotification_Ex_RE_STIN_O.json, RE_STIN",
    "HospitalNotification_Ex_AN_STIN_N.json, AN_STIN",
    "Bundle-a5e5b880-c087-4055-b9ec-99108695f81d.xml, STIN"
  })
  void derivesTheHospitalNotificationEvent(String file, HospitalNotificationEvent expected) {
    assertThat(message(file).hospitalNotificationEvent()).hasValue(expected);
  }

  @Test
  void readsAForwardedCareCommunicationWithoutLeakingItsText() {
    MedcomMessage forward = message("Bundle-c0426e3e-978f-46e8-a366-a30f27854b0a.json");

    assertThat(forward.messageType()).isEqualTo(MessageType.CARE_COMMUNICATION);
    assertThat(forward.communication())
        .hasValueSatisfying(
            communication -> {
              assertThat(communication.identifier())
                  .isEqualTo("urn:uuid:546b19ba-3e50-4da8-b9ec-7caeefad6928");
              assertThat(communication.category()).isEqualTo("examination-results");
              assertThat(communication.payloadTextCount() + communication.attachmentCount())
                  .isEqualTo(5);
              assertThat(communication.attachmentCount()).isEqualTo(1);
              assertThat(communication.toString())
                  .doesNotContain(communication.payloadTexts().get(0));
            });
    assertThat(forward.provenances())
        .extracting(ProvenanceView::activityCode)
        .last()
        .isEqualTo("forward-message");
    assertThat(forward.provenances())
        .extracting(ProvenanceView::activityCode)
        .containsExactly("new-message", "reply-message", "reply-message", "forward-message");
    assertThat(forward.primaryReceiver().orElseThrow().receiver().sor())
        .isEqualTo("1042981000016003");
    assertThat(forward.hospitalNotificationEvent()).isEmpty();
  }

  @Test
  void readsAReplyCareCommunication() {
    MedcomMessage reply = message("Bundle-k7bfbc0c-553d-11ed-bdc3-0242ac120002.json");

    assertThat(reply.communication().orElseThrow().category()).isEqualTo("carecoordination");
    assertThat(reply.currentProvenance().orElseThrow().activityCode()).isEqualTo("reply-message");
    assertThat(reply.currentProvenance().orElseThrow().entities())
        .anyMatch(e -> "revision".equals(e.role()));
  }

  @Test
  void readsANegativeAcknowledgement() {
    MedcomMessage ack = message("Bundle-bc9535ef-ed94-4060-a928-7baddec7ee71.json");

    assertThat(ack.messageType()).isEqualTo(MessageType.ACKNOWLEDGEMENT);
    assertThat(ack.acknowledgementResponse())
        .hasValueSatisfying(
            response -> {
              assertThat(response.identifier()).isEqualTo("53128d9b-cede-4c7f-8904-809eab322d7d");
              assertThat(response.code()).isEqualTo("fatal-error");
              assertThat(response.issues())
                  .singleElement()
                  .satisfies(
                      issue -> {
                        assertThat(issue.detailsCode()).isEqualTo("MSG_VALUESET_VALUE_UNKNOWN");
                        assertThat(issue.issueType()).isEqualTo("structure");
                      });
            });
    assertThat(ack.provenances())
        .extracting(ProvenanceView::activityCode)
        .containsExactly("new-message", "acknowledgement");
    assertThat(ack.patient()).isEmpty();
  }

  @Test
  void readsThePositiveTestAcknowledgement() {
    MedcomMessage ack = message("Binary-Ack-AA_A.json");

    assertThat(ack.acknowledgementResponse().orElseThrow().code()).isEqualTo("ok");
    assertThat(ack.acknowledgementResponse().orElseThrow().issues()).isEmpty();
  }

  @Test
  void anEventCodingThatIsMissingGivesUnknown() {
    MedcomMessage broken = message("HospitalNotification_Ex_TEK_FCC.json");

    assertThat(broken.messageType()).isEqualTo(MessageType.UNKNOWN);
    assertThat(broken.encounter().orElseThrow().classCode()).isNull();
  }
}
