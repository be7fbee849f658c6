package dk.stafet.referral.course.service;

import dk.stafet.referral.waitingtime.WaitingTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;

/**
 * One patient's referrals by pseudonym, each with referral-service's own waiting-time assessment
 * (the one place deadlines are computed): what the coordinator's patient page shows. Who sees which
 * referrals, and the audit, are {@link ReferralService#visibleOfPatient}'s, as for the FHIR
 * ServiceRequest search.
 */
@ApplicationScoped
@Transactional
public class PatientReferrals {

  static final String ACTION = "READ_PATIENT_REFERRALS";

  private final ReferralService referrals;
  private final WaitingTimes waitingTimes;

  public PatientReferrals(ReferralService referrals, WaitingTimes waitingTimes) {
    this.referrals = referrals;
    this.waitingTimes = waitingTimes;
  }

  /** Newest first. @throws UnknownResourceException (404) as the lookup would */
  public List<ReferralView> visibleTo(String callerSor, String patientKey) {
    return referrals.visibleOfPatient(patientKey, callerSor, ACTION).stream()
        .map(r -> ReferralView.of(r, false, waitingTimes))
        .sorted(
            Comparator.comparing(
                ReferralView::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }
}
