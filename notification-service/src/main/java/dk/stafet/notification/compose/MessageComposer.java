package dk.stafet.notification.compose;

import dk.stafet.contracts.medcom.CareCommunicationBuilder;
import dk.stafet.contracts.medcom.HospitalNotificationBuilder;
import dk.stafet.contracts.medcom.HospitalNotificationEvent;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomViews.ProvenanceView;
import dk.stafet.notification.config.NotificationConfig;
import dk.stafet.notification.delivery.OutgoingMessage;
import dk.stafet.notification.patient.HospitalStay;
import dk.stafet.notification.patient.PatientName;
import dk.stafet.notification.rules.PlannedNotification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Provenance;

/** Turns a planned notification into a MedCom Bundle with the builders from contracts. */
@ApplicationScoped
public class MessageComposer {

  private final HospitalNotificationBuilder hospitalNotifications;
  private final CareCommunicationBuilder careCommunications;
  private final MedcomCodec codec;
  private final NotificationConfig config;

  public MessageComposer(MedcomCodec codec, NotificationConfig config, Clock clock) {
    this.codec = codec;
    this.config = config;
    this.hospitalNotifications = new HospitalNotificationBuilder(config.fullUrlBase(), clock);
    this.careCommunications = new CareCommunicationBuilder(config.fullUrlBase(), clock);
  }

  /**
   * A HospitalNotification about {@code stay}; the chain of earlier notifications of the stay to
   * the same recipient is repeated and linked (medcom-spec.md §1, §2).
   *
   * @param eventTime when the fact happened (the end of the stay for SLHJ and MORS)
   */
  public Bundle hospitalNotification(
      PlannedNotification planned,
      String cpr,
      Optional<PatientName> name,
      HospitalStay stay,
      Instant eventTime) {
    HospitalNotificationEvent code = HospitalNotificationEvent.valueOf(planned.code());
    Optional<MedcomMessage> previous =
        OutgoingMessage.latestAbout(stay.courseId, planned.recipient().gln(), planned.type().name())
            // Only its header and provenances are repeated: the rest is not parsed
            // (docs/performance.md, "Notification drain").
            .map(message -> codec.parseRoutingPart(message.lastBundle, message.contentType));
    List<Provenance> earlier = previous.map(MessageComposer::provenances).orElse(List.of());
    String previousActivity =
        previous
            .flatMap(MedcomMessage::currentProvenance)
            .map(ProvenanceView::activityCode)
            .orElse(null);
    boolean ended =
        code == HospitalNotificationEvent.SLHJ || code == HospitalNotificationEvent.MORS;
    return hospitalNotifications.build(
        new HospitalNotificationBuilder.Notification(
            code,
            null,
            planned.sender().asOrganisation(),
            planned.recipient().asOrganisation(),
            null,
            cpr,
            familyName(name),
            givenNames(name),
            stay.encounterClass,
            stay.episodeOfCareId != null ? stay.episodeOfCareId : stay.courseId,
            null,
            stay.admittedAt,
            ended ? (stay.endedAt != null ? stay.endedAt : eventTime) : null,
            stay.leaveStartedAt,
            stay.leaveEndedAt,
            earlier,
            previous.map(MedcomMessage::messageHeaderId).orElse(null),
            previousActivity));
  }

  public Bundle careCommunication(
      PlannedNotification planned, String cpr, Optional<PatientName> name) {
    NotificationConfig.Author author = config.author();
    return careCommunications.build(
        new CareCommunicationBuilder.CareCommunication(
            null,
            null,
            planned.sender().asOrganisation(),
            planned.recipient().asOrganisation(),
            cpr,
            familyName(name),
            givenNames(name),
            planned.code(),
            null,
            planned.text(),
            null,
            new CareCommunicationBuilder.Author(
                author.givenName().orElse(null),
                author.familyName(),
                author.role().orElse(null),
                author.phone())));
  }

  /** The official name as the events carried it; else the configured placeholder MedCom allows. */
  private String familyName(Optional<PatientName> name) {
    return name.map(PatientName::family).orElse(config.patientFamilyName());
  }

  private static List<String> givenNames(Optional<PatientName> name) {
    return name.map(PatientName::given).orElse(List.of());
  }

  private static List<Provenance> provenances(MedcomMessage message) {
    List<Provenance> all = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : message.bundle().getEntry()) {
      if (entry.getResource() instanceof Provenance provenance) {
        all.add(provenance);
      }
    }
    return all;
  }
}
