package dk.stafet.tools.demo;

import dk.stafet.contracts.medcom.HospitalNotificationBuilder;
import dk.stafet.contracts.medcom.HospitalNotificationEvent;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.registry.Organisation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Provenance;

/**
 * The MedCom HospitalNotifications of one hospital stay, as the department's EHR would send them to
 * the patient's municipality: STIN/STAA, STOR, SLOR, SLHJ, MORS, each carrying the Provenance chain
 * of the earlier ones. The chain grows only when the front door accepted a message, as a sender
 * would only refer to letters that were received.
 */
final class StayNotifications {

  static final String FULL_URL_BASE = "https://stafet.dk/fhir/";

  private final HospitalNotificationBuilder builder;
  private final MedcomCodec codec;
  private final Patient patient;
  private final Organisation department;
  final String encounterClass;
  final String episodeOfCareId = UUID.randomUUID().toString();
  private final List<Provenance> provenances = new ArrayList<>();
  private Instant periodStart;
  private Instant leaveStart;
  private Instant leaveEnd;
  private String lastHeaderId;
  private String lastActivity;
  private Bundle pending;

  StayNotifications(
      HospitalNotificationBuilder builder,
      MedcomCodec codec,
      Patient patient,
      Organisation department,
      boolean emergency) {
    this.builder = builder;
    this.codec = codec;
    this.patient = patient;
    this.department = department;
    this.encounterClass = emergency ? "EMER" : "IMP";
  }

  Organisation department() {
    return department;
  }

  /**
   * The request for {@code event} happening at {@code at}; {@link #accepted()} records it once the
   * front door took it.
   */
  Call message(HospitalNotificationEvent event, Instant at) {
    Instant periodEnd = null;
    switch (event) {
      case STIN, STAA -> periodStart = at;
      case STOR -> leaveStart = at;
      case SLOR -> leaveEnd = at;
      case SLHJ, MORS -> periodEnd = at;
      default -> throw new IllegalArgumentException("the demo does not send " + event);
    }
    if (periodStart == null) {
      periodStart = at; // a stay the front door learns of only now
    }
    pending =
        builder.build(
            new HospitalNotificationBuilder.Notification(
                event,
                null,
                view(department),
                view(patient.municipality),
                null,
                patient.cpr,
                patient.familyName,
                patient.givenNames(),
                encounterClass,
                episodeOfCareId,
                null,
                periodStart,
                periodEnd,
                leaveStart,
                event == HospitalNotificationEvent.STOR ? null : leaveEnd,
                provenances,
                lastHeaderId,
                lastActivity));
    return Call.medcom(department.sor(), codec.write(pending, MedcomFormat.JSON));
  }

  /**
   * The last message was acknowledged ok: later messages carry its Provenance and refer to its
   * letter id.
   */
  void accepted() {
    if (pending == null) {
      return;
    }
    Provenance own = null;
    for (Bundle.BundleEntryComponent entry : pending.getEntry()) {
      if (entry.getResource() instanceof Provenance provenance) {
        own = provenance;
      }
      if (entry.getResource() instanceof MessageHeader header) {
        lastHeaderId = header.getIdElement().getIdPart();
      }
    }
    if (own != null) {
      provenances.add(own);
      lastActivity = own.getActivity().getCodingFirstRep().getCode();
    }
    pending = null;
  }

  static OrganisationView view(Organisation organisation) {
    return new OrganisationView(null, organisation.sor(), organisation.gln(), organisation.name());
  }
}
