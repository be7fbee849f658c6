package dk.stafet.referral.waitingtime;

import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.WaitingTimeRule;
import dk.stafet.referral.course.lifecycle.ReferralState;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An open referral with its maximum waiting time, for course coordinators. Field names follow
 * ReferralView.
 */
@Schema(description = "An open referral with its maximum-waiting-time deadline and status")
public record WaitingTimeView(
    @Schema(description = "The referral id") String id,
    @Schema(description = "The patient's pseudonym (never the CPR number)") String patientKey,
    String referrerSor,
    @Schema(description = "The receiving department, whose deadline it is") String receiverSor,
    String state,
    boolean cancer,
    String conditionCode,
    WaitingTimeRule waitingTimeRule,
    @Schema(description = "What the rule waits for, e.g. 'first examination day'") String awaiting,
    @Schema(description = "The deciding limit, e.g. '14 days from referral received'") String limit,
    @Schema(
            description =
                "The deciding limit's days, for clients that phrase it in their own language")
        Integer limitDays,
    @Schema(description = "CALENDAR_DAYS or WORKING_DAYS") WaitingTimeRules.DayCount limitUnit,
    @Schema(description = "RECEIVED or ACCEPTED: the day the clock starts")
        WaitingTimeRules.Start limitStart,
    Instant receivedAt,
    @Schema(description = "When the referral was accepted at visitation, if it was")
        Instant visitedAt,
    @Schema(description = "The last allowed day (Danish time); null while PENDING")
        LocalDate deadline,
    @Schema(
            description =
                "The instant the deadline is exceeded (start of the day after the last allowed day)")
        Instant deadlineAt,
    @Schema(
            description =
                "Days from today to the last allowed day: 0 = today, negative = days over")
        Long daysLeft,
    WaitingTimeStatus status) {

  static WaitingTimeView of(Referral referral, WaitingTimes.Assessment assessment) {
    var deadline = assessment.deadline();
    return new WaitingTimeView(
        referral.id.toString(),
        referral.patientKey,
        referral.referrerSor,
        referral.receiverSor,
        referral.state.name(),
        referral.cancer,
        referral.conditionCode,
        referral.waitingTimeRule,
        assessment.rule().to(),
        deadline.map(d -> d.limit().describe()).orElse(null),
        deadline.map(d -> d.limit().days()).orElse(null),
        deadline.map(d -> d.limit().unit()).orElse(null),
        deadline.map(d -> d.limit().start()).orElse(null),
        referral.receivedAt,
        referral.state == ReferralState.RECEIVED ? null : referral.visitedAt,
        deadline.map(WaitingTimeRules.Deadline::lastDay).orElse(null),
        deadline.map(WaitingTimeRules.Deadline::exceededAt).orElse(null),
        assessment.daysLeft(),
        assessment.status());
  }
}
