package dk.stafet.referral.course.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.stafet.referral.course.CourseTransition;
import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.WaitingTimeRule;
import dk.stafet.referral.course.lifecycle.ReferralState;
import dk.stafet.referral.waitingtime.WaitingTimeDeadline;
import dk.stafet.referral.waitingtime.WaitingTimes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A referral as the API shows it: the patient by pseudonym only, never the CPR number. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(
    UUID id,
    String patientKey,
    String referrerSor,
    String receiverSor,
    ReferralState state,
    String reason,
    String forwardedToSor,
    boolean cancer,
    String conditionCode,
    WaitingTimeRule waitingTimeRule,
    Instant receivedAt,
    Instant visitedAt,
    Instant startedAt,
    Instant endedAt,
    WaitingTimeDeadline waitingTime,
    List<TransitionView> history) {

  static ReferralView of(Referral r, boolean withHistory) {
    return new ReferralView(
        r.id,
        r.patientKey,
        r.referrerSor,
        r.receiverSor,
        r.state,
        r.reason,
        r.forwardedToSor,
        r.cancer,
        r.conditionCode,
        r.waitingTimeRule,
        r.receivedAt,
        r.visitedAt,
        r.startedAt,
        r.endedAt,
        null,
        withHistory ? TransitionView.history(CourseTransition.Aggregate.REFERRAL, r.id) : null);
  }

  /**
   * With the maximum-waiting-time deadline, on reads (the lookup, the referral by id), not on
   * command answers.
   */
  static ReferralView of(Referral r, boolean withHistory, WaitingTimes waitingTimes) {
    ReferralView view = of(r, withHistory);
    return new ReferralView(
        view.id,
        view.patientKey,
        view.referrerSor,
        view.receiverSor,
        view.state,
        view.reason,
        view.forwardedToSor,
        view.cancer,
        view.conditionCode,
        view.waitingTimeRule,
        view.receivedAt,
        view.visitedAt,
        view.startedAt,
        view.endedAt,
        waitingTimes.deadlineOf(r, Instant.now()).orElse(null),
        view.history);
  }
}
