package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.medcom.MedcomViews.ProvenanceView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;

class HospitalNotificationBuilderTest {

  static final OrganisationView HOSPITAL =
      new OrganisationView(null, "265161000016000", "5790000209354", "Hjerteafdelingen");
  static final OrganisationView MUNICIPALITY =
      new OrganisationView(null, "953741000016009", "5790001348120", "Herlev Kommune");
  static final String CPR = "2509479989";
  static final Instant ADMITTED = Instant.parse("2026-03-01T11:00:00Z");

  private final Clock clock = Clock.fixed(Instant.parse("2026-03-05T14:30:02Z"), ZoneOffset.UTC);
  private final HospitalNotificationBuilder builder =
      new HospitalNotificationBuilder("https://stafet.dk/fhir/", clock);
  private final String episode = UUID.randomUUID().toString();

  @Test
  void admissionIsValidAgainstMedcomProfiles() {
    Bundle stin =
        builder.build(
            notification(HospitalNotificationEvent.STIN, null, null, List.of(), null, null));

    List<MedcomIssue> issues = BuiltMessageValidation.validator().validate(stin);

    assertThat(issues).filteredOn(MedcomIssue::isError).isEmpty();
    MedcomMessage message = new MedcomMessage(stin);
    assertThat(message.messageType()).isEqualTo(MessageType.HOSPITAL_NOTIFICATION);
    assertThat(message.hospitalNotificationEvent()).contains(HospitalNotificationEvent.STIN);
    assertThat(message.patient().flatMap(p -> p.cprValue())).contains(CPR);
    assertThat(message.sender().map(OrganisationView::gln)).contains(HOSPITAL.gln());
    assertThat(message.primaryReceiver().map(d -> d.receiver().gln())).contains(MUNICIPALITY.gln());
    assertThat(message.sourceEndpoint())
        .isEqualTo("https://sor2.sum.dsdn.dk/#id=" + HOSPITAL.sor());
    MessageHeader header = message.messageHeader().orElseThrow();
    assertThat(
            header
                .getExtensionByUrl(HospitalNotificationBuilder.REPORT_OF_ADMISSION_EXTENSION)
                .getValue())
        .isInstanceOfSatisfying(BooleanType.class, b -> assertThat(b.booleanValue()).isTrue());
    assertThat(header.getText().getDivAsString()).contains("STIN");
    assertThat(message.encounter().orElseThrow().episodeOfCareIdentifiers())
        .singleElement()
        .satisfies(id -> assertThat(id.value()).isEqualTo(episode));
    assertThat(message.provenances())
        .singleElement()
        .satisfies(p -> assertThat(p.activityCode()).isEqualTo("admit-inpatient"));
  }

  @Test
  void laterNotificationsRepeatAndLinkTheProvenanceChain() {
    Bundle stin =
        builder.build(
            notification(HospitalNotificationEvent.STIN, null, null, List.of(), null, null));
    MedcomMessage first = new MedcomMessage(stin);
    Bundle stor =
        builder.build(
            notification(
                HospitalNotificationEvent.STOR,
                Instant.parse("2026-03-03T13:00:10Z"),
                null,
                provenances(stin),
                first.messageHeaderId(),
                "admit-inpatient"));
    MedcomMessage second = new MedcomMessage(stor);
    Bundle slor =
        builder.build(
            notification(
                HospitalNotificationEvent.SLOR,
                Instant.parse("2026-03-03T13:00:10Z"),
                Instant.parse("2026-03-05T14:30:00Z"),
                provenances(stor),
                second.messageHeaderId(),
                "start-leave-inpatient"));

    MedcomMessage third = new MedcomMessage(slor);
    assertThat(third.provenances())
        .extracting(ProvenanceView::activityCode)
        .containsExactly("admit-inpatient", "start-leave-inpatient", "end-leave-inpatient");
    assertThat(third.currentProvenance().orElseThrow().entities())
        .singleElement()
        .satisfies(
            entity -> {
              assertThat(entity.role()).isEqualTo("revision");
              assertThat(entity.reference()).isEqualTo("MessageHeader/" + second.messageHeaderId());
            });
    assertThat(third.hospitalNotificationEvent()).contains(HospitalNotificationEvent.SLOR);
    assertThat(third.encounter().orElseThrow().leaveEnd())
        .isEqualTo(Instant.parse("2026-03-05T14:30:00Z"));
    assertThat(BuiltMessageValidation.validator().validate(slor))
        .filteredOn(MedcomIssue::isError)
        .isEmpty();
  }

  @Test
  void cancellationRemovesThePreviousNotification() {
    Bundle stin =
        builder.build(
            notification(HospitalNotificationEvent.STIN, null, null, List.of(), null, null));
    String firstHeader = new MedcomMessage(stin).messageHeaderId();

    Bundle cancel =
        builder.build(
            notification(
                HospitalNotificationEvent.AN_STIN,
                null,
                null,
                provenances(stin),
                firstHeader,
                "admit-inpatient"));

    MedcomMessage message = new MedcomMessage(cancel);
    assertThat(message.encounter().orElseThrow().status()).isEqualTo("entered-in-error");
    assertThat(message.currentProvenance().orElseThrow().activityCode())
        .isEqualTo("cancel-admit-inpatient");
    assertThat(message.currentProvenance().orElseThrow().entities())
        .singleElement()
        .satisfies(entity -> assertThat(entity.role()).isEqualTo("removal"));
    assertThat(message.hospitalNotificationEvent()).contains(HospitalNotificationEvent.AN_STIN);
    assertThat(
            message
                .messageHeader()
                .orElseThrow()
                .getExtensionByUrl(HospitalNotificationBuilder.REPORT_OF_ADMISSION_EXTENSION))
        .isNull();
  }

  @Test
  void deathKeepsTheCurrentActivityAndMarksThePatientDeceased() {
    Bundle mors =
        builder.build(
            new HospitalNotificationBuilder.Notification(
                HospitalNotificationEvent.MORS,
                null,
                HOSPITAL,
                MUNICIPALITY,
                null,
                CPR,
                "Elmer",
                List.of(),
                "EMER",
                episode,
                null,
                ADMITTED,
                ADMITTED.plusSeconds(3600),
                null,
                null,
                List.of(),
                null,
                null));

    MedcomMessage message = new MedcomMessage(mors);
    assertThat(message.encounter().orElseThrow().status())
        .isEqualTo(Encounter.EncounterStatus.FINISHED.toCode());
    assertThat(message.encounter().orElseThrow().periodEnd()).isEqualTo(ADMITTED.plusSeconds(3600));
    assertThat(message.patient().orElseThrow().deceased()).isTrue();
    assertThat(message.currentProvenance().orElseThrow().activityCode())
        .isEqualTo("admit-emergency");
    assertThat(message.hospitalNotificationEvent()).contains(HospitalNotificationEvent.MORS);
    Patient patient = (Patient) mors.getEntry().get(1).getResource();
    assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Elmer");
  }

  @Test
  void activityCodesFollowTheSpecTable() {
    assertThat(HospitalNotificationBuilder.activityOf(HospitalNotificationEvent.STAA, "EMER", null))
        .isEqualTo("admit-emergency");
    assertThat(HospitalNotificationBuilder.activityOf(HospitalNotificationEvent.SLHJ, "EMER", null))
        .isEqualTo("discharge-emergency-home");
    assertThat(HospitalNotificationBuilder.activityOf(HospitalNotificationEvent.SLHJ, "IMP", null))
        .isEqualTo("discharge-inpatient-home");
    assertThat(
            HospitalNotificationBuilder.activityOf(HospitalNotificationEvent.AN_SLOR, "IMP", null))
        .isEqualTo("cancel-end-leave-inpatient");
    assertThat(
            HospitalNotificationBuilder.activityOf(HospitalNotificationEvent.RE_STIN, "IMP", null))
        .isEqualTo("revise-admit-inpatient");
    assertThat(HospitalNotificationBuilder.statusOf(HospitalNotificationEvent.AN_SLOR))
        .isEqualTo(Encounter.EncounterStatus.ONLEAVE);
  }

  private HospitalNotificationBuilder.Notification notification(
      HospitalNotificationEvent event,
      Instant leaveStart,
      Instant leaveEnd,
      List<Provenance> earlier,
      String previousHeader,
      String previousActivity) {
    return new HospitalNotificationBuilder.Notification(
        event,
        null,
        HOSPITAL,
        MUNICIPALITY,
        null,
        CPR,
        "Elmer",
        List.of("Bruno"),
        "IMP",
        episode,
        null,
        ADMITTED,
        null,
        leaveStart,
        leaveEnd,
        earlier,
        previousHeader,
        previousActivity);
  }

  static List<Provenance> provenances(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Provenance.class::isInstance)
        .map(Provenance.class::cast)
        .toList();
  }

  /** One validator for the builder tests of this JVM: building it reads all profiles. */
  static final class BuiltMessageValidation {
    private static MedcomValidator validator;

    static synchronized MedcomValidator validator() {
      if (validator == null) {
        Path profiles = MedcomExamples.profilesDir();
        validator = new MedcomValidator(new MedcomCodec(), profiles);
      }
      return validator;
    }
  }
}
