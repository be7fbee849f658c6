package dk.stafet.responsibility.whotocall;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.rules.PatientResponsibleDoctor;
import dk.stafet.responsibility.domain.rules.ResponsibilityAlarm;
import dk.stafet.responsibility.domain.rules.TreatmentSector;
import dk.stafet.responsibility.domain.rules.WhoToCall;
import dk.stafet.responsibility.ledger.LedgerEntryRow;
import dk.stafet.responsibility.ledger.LedgerReader;
import dk.stafet.responsibility.ledger.LedgerReader.PointInTime;
import dk.stafet.responsibility.organisation.OrganisationDirectory;
import dk.stafet.responsibility.organisation.OrganisationInfo;
import dk.stafet.responsibility.security.PatientAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers "who do I call about this patient now?" (R22) from the ledger, with contact points from
 * the register.
 */
@ApplicationScoped
public class WhoToCallService {

  private final LedgerReader ledger;
  private final OrganisationDirectory directory;
  private final PatientAccess access;

  public WhoToCallService(
      LedgerReader ledger, OrganisationDirectory directory, PatientAccess access) {
    this.ledger = ledger;
    this.directory = directory;
    this.access = access;
  }

  @Transactional
  public WhoToCallAnswer whoToCall(String patientKey, Instant at) {
    access.requireWhoToCall(patientKey, "who-to-call");
    return answer(patientKey, at == null ? Instant.now() : at);
  }

  /** The answer without access check or audit: for callers that did both (e.g. lookup). */
  public WhoToCallAnswer answer(String patientKey, Instant at) {
    PointInTime point = ledger.at(patientKey, at);
    WhoToCall who = point.whoToCall();
    Optional<OrganisationInfo> callee =
        who.organisation().flatMap(o -> directory.bySor(o.id().sor()));
    WhoToCallAnswer.Doctor doctor =
        who.namedDoctor().map(d -> doctor(d, point.entry())).orElse(null);
    return new WhoToCallAnswer(
        patientKey,
        at,
        who.role().name(),
        doctor,
        who.organisation().map(o -> organisation(o, callee)).orElse(null),
        callee.map(c -> new WhoToCallAnswer.ContactPoint(c.phone(), c.openingHours())).orElse(null),
        who.decidedBy().name(),
        who.validUntil().orElse(null),
        point.treatmentSector().name(),
        point.decision().prd().map(p -> prd(p, point)).orElse(null),
        who.alarm().map(ResponsibilityAlarm::name).orElse(null),
        treatedBy(point));
  }

  /**
   * R19/R22: who to call follows the PRD (the GP, or the out-of-hours service outside GP hours);
   * while a practising specialist treats (GP hours under the specialist/OOH split) the answer names
   * it too, so the caller can reach the doctor treating the patient for that course.
   */
  private WhoToCallAnswer.Treating treatedBy(PointInTime point) {
    if (point.treatmentSector() != TreatmentSector.SPECIALIST) {
      return null;
    }
    return point
        .decision()
        .treatingSpecialist()
        .map(
            s -> {
              Optional<OrganisationInfo> info = directory.bySor(s.id().sor());
              return new WhoToCallAnswer.Treating(
                  organisation(s, info),
                  info.map(c -> new WhoToCallAnswer.ContactPoint(c.phone(), c.openingHours()))
                      .orElse(null));
            })
        .orElse(null);
  }

  private WhoToCallAnswer.Prd prd(PatientResponsibleDoctor prd, PointInTime point) {
    Organisation org = prd.organisation();
    return new WhoToCallAnswer.Prd(
        organisation(org, directory.bySor(org.id().sor())),
        prd.namedDoctor().map(d -> doctor(d, point.entry())).orElse(null),
        point.decision().decidedBy().name(),
        point.entry().map(e -> e.validFrom).orElse(null));
  }

  private static WhoToCallAnswer.OrganisationRef organisation(
      Organisation org, Optional<OrganisationInfo> info) {
    return new WhoToCallAnswer.OrganisationRef(
        org.id().sor(), info.map(OrganisationInfo::name).orElse(null), org.kind().name());
  }

  private static WhoToCallAnswer.Doctor doctor(DoctorId id, Optional<LedgerEntryRow> entry) {
    String name =
        entry
            .filter(e -> id.authorisationId().equals(e.holderDoctorId))
            .map(e -> e.holderDoctorName)
            .orElse(null);
    return new WhoToCallAnswer.Doctor(id.authorisationId(), name);
  }
}
