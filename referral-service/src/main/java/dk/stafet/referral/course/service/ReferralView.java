package dk.stafet.referral.course.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.stafet.referral.course.CourseTransition;
import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.WaitingTimeRule;
import dk.stafet.referral.course.lifecycle.ReferralState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A referral as the API shows it: the patient by pseudonym only, never the CPR number. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(UUID id, String patientKey, String referrerSor, String receiverSor, ReferralState state,
    String reason, String forwardedToSor, boolean cancer, String conditionCode, WaitingTimeRule waitingTimeRule,
    Instant receivedAt, Instant visitedAt, Instant startedAt, Instant endedAt, List<TransitionView> history) {

  static ReferralView of(Referral r, boolean withHistory) {
    return new ReferralView(r.id, r.patientKey, r.referrerSor, r.receiverSor, r.state, r.reason, r.forwardedToSor,
        r.cancer, r.conditionCode, r.waitingTimeRule, r.receivedAt, r.visitedAt, r.startedAt, r.endedAt,
        withHistory ? TransitionView.history(CourseTransition.Aggregate.REFERRAL, r.id) : null);
  }
}
