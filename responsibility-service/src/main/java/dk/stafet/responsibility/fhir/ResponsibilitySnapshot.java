package dk.stafet.responsibility.fhir;

import dk.stafet.responsibility.organisation.OrganisationInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * What the FHIR views show about one patient now: the PRD (organisation, named doctor, since when,
 * by which rule), the organisation holding treatment responsibility and the listed GP.
 *
 * @param cpr only for callers that passed the access check (the FHIR patient reference carries it)
 */
record ResponsibilitySnapshot(
    String patientKey,
    String cpr,
    String courseType,
    boolean deceased,
    Optional<OrganisationInfo> prdOrganisation,
    Optional<String> doctorId,
    Optional<String> doctorName,
    Optional<Instant> prdSince,
    String rule,
    String treatmentSector,
    Optional<OrganisationInfo> treatmentOrganisation,
    Optional<OrganisationInfo> listedGp) {}
