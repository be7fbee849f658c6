package dk.stafet.responsibility.ledger;

import dk.stafet.responsibility.domain.rules.ResponsibilityAlarm;
import dk.stafet.responsibility.ledger.LedgerReader.PointInTime;
import dk.stafet.responsibility.organisation.OrganisationDirectory;
import dk.stafet.responsibility.organisation.OrganisationInfo;
import dk.stafet.responsibility.security.PatientAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads of a patient's ledger, each checked and audited. */
@ApplicationScoped
public class LedgerQueries {

  private final PatientAccess access;
  private final LedgerReader reader;
  private final OrganisationDirectory directory;

  public LedgerQueries(PatientAccess access, LedgerReader reader, OrganisationDirectory directory) {
    this.access = access;
    this.reader = reader;
    this.directory = directory;
  }

  @Transactional
  public LedgerViews.Ledger ledger(String patientKey) {
    access.requireReadable(patientKey, "ledger");
    Map<Long, List<Long>> corrects = new HashMap<>();
    Map<Long, List<Long>> correctedBy = new HashMap<>();
    for (LedgerCorrection c : LedgerCorrection.ofPatient(patientKey)) {
      corrects.computeIfAbsent(c.entryNo, k -> new ArrayList<>()).add(c.correctsEntry);
      correctedBy.computeIfAbsent(c.correctsEntry, k -> new ArrayList<>()).add(c.entryNo);
    }
    Set<Long> current = new HashSet<>();
    LedgerEntryRow.currentView(patientKey).forEach(e -> current.add(e.entryNo));
    // People read "ADMISSION_STARTED", not an event id: the type of each fact, by its id.
    Map<String, String> factTypes = new HashMap<>();
    CourseFact.getEntityManager()
        .createQuery(
            "select f.eventId, f.type from CourseFact f where f.patientKey = :p", Object[].class)
        .setParameter("p", patientKey)
        .getResultStream()
        .forEach(row -> factTypes.put(String.valueOf(row[0]), (String) row[1]));
    List<LedgerViews.Entry> entries =
        LedgerEntryRow.log(patientKey).stream()
            .map(
                e ->
                    new LedgerViews.Entry(
                        e.entryNo,
                        e.validFrom,
                        e.validTo,
                        e.holderSor,
                        e.holderKind,
                        e.holderDoctorId,
                        e.holderDoctorName,
                        e.treatment,
                        e.ruleId,
                        e.treatmentRuleId,
                        e.courseKind,
                        e.courseId,
                        e.alarm,
                        e.alarmReason,
                        e.treatingSor,
                        e.causedByEvent,
                        e.causedByEvent == null ? null : factTypes.get(e.causedByEvent),
                        e.recordedForEvent,
                        e.reason.name(),
                        e.recordedAt,
                        corrects.getOrDefault(e.entryNo, List.of()),
                        correctedBy.getOrDefault(e.entryNo, List.of()),
                        current.contains(e.entryNo)))
            .toList();
    return new LedgerViews.Ledger(patientKey, entries);
  }

  @Transactional
  public LedgerViews.Responsibility responsibility(String patientKey, Instant at) {
    access.requireReadable(patientKey, "responsibility");
    Instant instant = at == null ? Instant.now() : at;
    PointInTime point = reader.at(patientKey, instant);
    LedgerEntryRow e = point.entry().orElse(null);
    String holderSor = point.decision().prd().map(p -> p.organisation().id().sor()).orElse(null);
    String treatingSor = point.decision().treatingSpecialist().map(s -> s.id().sor()).orElse(null);
    return new LedgerViews.Responsibility(
        patientKey,
        instant,
        holderSor,
        directory.bySor(holderSor).map(OrganisationInfo::name).orElse(null),
        point.decision().prd().map(p -> p.organisation().kind().name()).orElse(null),
        e == null ? null : e.holderDoctorId,
        e == null ? null : e.holderDoctorName,
        point.decision().decidedBy().name(),
        point.decision().treatmentDecidedBy().name(),
        point.treatmentSector().name(),
        e == null ? null : e.courseKind,
        e == null ? null : e.courseId,
        e == null ? null : e.validFrom,
        e == null ? null : e.validTo,
        point.decision().alarm().map(ResponsibilityAlarm::name).orElse(null),
        e == null ? null : e.entryNo,
        treatingSor,
        directory.bySor(treatingSor).map(OrganisationInfo::name).orElse(null));
  }
}
