package dk.stafet.referral.waitingtime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an open referral stands against its maximum waiting time, as shown on the referral itself.
 */
@Schema(
    description =
        "The referral's maximum-waiting-time deadline while the awaited step has not happened")
public record WaitingTimeDeadline(
    @Schema(description = "What the rule waits for, e.g. 'first examination day'") String awaiting,
    @Schema(
            description =
                "The deciding limit, e.g. '14 days from referral received'; null while PENDING")
        String limit,
    @Schema(description = "The last allowed day (Danish time); null while PENDING")
        LocalDate deadline,
    @Schema(description = "The instant the deadline is exceeded") Instant deadlineAt,
    @Schema(
            description =
                "Days from today to the last allowed day: 0 = today, negative = days over")
        Long daysLeft,
    WaitingTimeStatus status) {

  /**
   * The deadline of an open referral; empty when the awaited step has happened or the referral was
   * closed.
   */
  static Optional<WaitingTimeDeadline> of(WaitingTimes.Assessment assessment) {
    if (!assessment.open()) {
      return Optional.empty();
    }
    var deadline = assessment.deadline();
    return Optional.of(
        new WaitingTimeDeadline(
            assessment.rule().to(),
            deadline.map(d -> d.limit().describe()).orElse(null),
            deadline.map(WaitingTimeRules.Deadline::lastDay).orElse(null),
            deadline.map(WaitingTimeRules.Deadline::exceededAt).orElse(null),
            assessment.daysLeft(),
            assessment.status()));
  }
}
